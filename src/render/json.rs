//! `briefing.json`: the contract of DESIGN.md (schema_version 2) for CI consumers. Every list
//! is in a documented, deterministic order. Articles carry their metadata; their text is in
//! `corpus.jsonl` (see [`super::corpus`]).

use std::io::Write;

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use crate::changes::Changes;
use crate::config::Config;
use crate::consolidate::{
    Actor, Claim, Contradiction, Digest, FigureOut, KeyJudgment, QuoteOut, Story, TimelineEntry,
};
use crate::diagnostics::Diagnostic;
use crate::model::{Corpus, DateSource, Day, Duplicate};

/// The JSON document.
#[derive(Serialize)]
struct Briefing<'a> {
    schema_version: u32,
    title: &'a str,
    articles: Vec<ArticleOut<'a>>,
    duplicates: &'a [Duplicate],
    actors: &'a [Actor],
    quotes: &'a [QuoteOut],
    stories: &'a [Story],
    claims: &'a [Claim],
    key_judgments: &'a [KeyJudgment],
    figures: &'a [FigureOut],
    contradictions: &'a [Contradiction],
    timeline: &'a [TimelineEntry],
    changes: &'a Changes,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    path: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    date: Option<Day>,
    date_source: Option<DateSource>,
    author: Option<&'a str>,
    publisher: Option<&'a str>,
    outlet: Option<&'a str>,
    duplicate_of: Option<&'a str>,
}

/// How deep the document is laid out over lines: the top object's fields each on a line, and
/// each element of its lists on a line of its own, written compactly. A run that changes one
/// quote changes one line of the diff, and a 100,000-article briefing loses the third of its
/// bytes that indentation took.
const LAID_OUT_DEPTH: usize = 2;

/// A [`Formatter`] that pretty-prints down to [`LAID_OUT_DEPTH`] and compacts below it.
struct LinePerItem {
    depth: usize,
    pretty: PrettyFormatter<'static>,
}

impl LinePerItem {
    fn new() -> Self {
        LinePerItem { depth: 0, pretty: PrettyFormatter::new() }
    }

    /// Writes by the pretty formatter where the document is laid out over lines, else the
    /// `compact` bytes.
    fn write<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        pretty: impl FnOnce(&mut PrettyFormatter<'static>, &mut W) -> std::io::Result<()>,
        compact: &[u8],
    ) -> std::io::Result<()> {
        if self.depth <= LAID_OUT_DEPTH { pretty(&mut self.pretty, w) } else { w.write_all(compact) }
    }
}

/// A comma before every item but the first, in the compact layout.
fn separator(first: bool) -> &'static [u8] {
    if first { b"" } else { b"," }
}

impl Formatter for LinePerItem {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.write(w, |p, w| p.begin_array(w), b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        let r = self.write(w, |p, w| p.end_array(w), b"]");
        self.depth -= 1;
        r
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.write(w, |p, w| p.begin_array_value(w, first), separator(first))
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.write(w, |p, w| p.end_array_value(w), b"")
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.depth += 1;
        self.write(w, |p, w| p.begin_object(w), b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        let r = self.write(w, |p, w| p.end_object(w), b"}");
        self.depth -= 1;
        r
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> std::io::Result<()> {
        self.write(w, |p, w| p.begin_object_key(w, first), separator(first))
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.write(w, |p, w| p.begin_object_value(w), b":")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.write(w, |p, w| p.end_object_value(w), b"")
    }
}

/// Writes the briefing to `out`, each field of the document and each item of its lists on a
/// line of its own (see [`LAID_OUT_DEPTH`]), with a final newline.
pub(crate) fn write(
    config: &Config,
    corpus: &Corpus,
    digest: &Digest,
    changes: &Changes,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let doc = Briefing {
        schema_version: 2,
        title: &config.title,
        articles: corpus
            .articles
            .iter()
            .map(|a| ArticleOut {
                id: &a.id,
                path: &a.path,
                url: a.meta.url.as_deref(),
                title: a.meta.title.as_deref(),
                date: a.meta.date,
                date_source: a.meta.date_source,
                author: a.meta.author.as_deref(),
                publisher: a.meta.publisher.as_deref(),
                outlet: a.meta.outlet.as_deref(),
                duplicate_of: a.duplicate_of.as_deref(),
            })
            .collect(),
        duplicates: &corpus.duplicates,
        actors: &digest.actors,
        quotes: &digest.quotes,
        stories: &digest.stories,
        claims: &digest.claims,
        key_judgments: &digest.key_judgments,
        figures: &digest.figures,
        contradictions: &digest.contradictions,
        timeline: &digest.timeline,
        changes,
        diagnostics: &corpus.diagnostics,
    };
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, LinePerItem::new());
    doc.serialize(&mut serializer)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn laid_out(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        value.serialize(&mut serde_json::Serializer::with_formatter(&mut out, LinePerItem::new())).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn each_item_of_a_list_is_one_compact_line_and_the_document_is_unchanged() {
        let value = serde_json::json!({
            "a": [{"x": [1, 2], "y": {"z": "w"}}, {"x": []}],
            "b": {"c": [1], "d": {}},
            "e": [],
            "n": 1
        });
        let text = laid_out(&value);
        assert_eq!(
            text,
            "{\n  \"a\": [\n    {\"x\":[1,2],\"y\":{\"z\":\"w\"}},\n    {\"x\":[]}\n  ],\n  \"b\": {\n    \"c\": [1],\n    \"d\": {}\n  },\n  \"e\": [],\n  \"n\": 1\n}"
        );
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), value);
    }
}
