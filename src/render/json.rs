//! `briefing.json`: the contract of DESIGN.md (schema_version 2) for CI consumers. Every list
//! is in a documented, deterministic order. Articles carry their metadata; their text is in
//! `corpus.jsonl` (see [`super::corpus`]).

use std::io::Write;

use serde::Serialize;

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

/// Writes the briefing, pretty-printed with a final newline (diff-friendly), to `out`.
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
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    out.write_all(b"\n")
}
