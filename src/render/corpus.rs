//! `corpus.jsonl`: the articles' text, one JSON object a line in the order of `briefing.json`'s
//! `articles`: `{"id", "path", "paragraphs", "removed"}` (DESIGN.md). The briefing names each
//! source by article and paragraph; this file holds those paragraphs, with the lines of the
//! input file each came from, and what cleaning removed. Kept apart from `briefing.json` so
//! that the briefing stays small on a large corpus and a reader of one does not parse the other.

use std::io::Write;

use serde::Serialize;

use crate::model::{Corpus, Paragraph, Removed};

/// One line of the file.
#[derive(Serialize)]
struct ArticleText<'a> {
    id: &'a str,
    path: &'a str,
    paragraphs: &'a [Paragraph],
    removed: &'a [Removed],
}

/// Writes one line per article to `out`, streamed article by article.
pub(crate) fn write(corpus: &Corpus, out: &mut impl Write) -> std::io::Result<()> {
    for a in &corpus.articles {
        let line = ArticleText { id: &a.id, path: &a.path, paragraphs: &a.paragraphs, removed: &a.removed };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
