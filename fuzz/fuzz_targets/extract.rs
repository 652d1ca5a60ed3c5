//! Arbitrary bytes through decode, clean and extract: no panic, every quote points at a
//! paragraph the article has, and every figure, statement and event at text it has.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use newsbrief::config::ExtractConfig;
use newsbrief::ingest::decode;
use newsbrief::model::Article;
use newsbrief::stages::clean::{Rules, Thresholds, clean_article};
use newsbrief::stages::extract::extract_article;

fuzz_target!(|data: &[u8]| {
    let Ok((text, _warning)) = decode(data) else { return };
    let empty = HashSet::new();
    let rules = Rules { extra: &[], corpus_lines: &empty, enabled: true, thresholds: Thresholds::default() };
    let article = clean_article(Article::new("fuzz".into(), "fuzz.txt".into(), text), &rules);
    let x = extract_article(&article, &ExtractConfig::default());
    let n = article.paragraphs.len();
    assert!(x.quotes.iter().all(|q| q.paragraph < n));
    // Every sentence span points at text the article has.
    let inside = |s: newsbrief::model::Span| s.paragraph() < n && !article.text_at(s).is_empty();
    assert!(x.figures.iter().all(|f| inside(f.sentence) && f.number.is_finite()));
    assert!(x.statements.iter().all(|s| inside(s.sentence)));
    assert!(x.events.iter().all(|e| inside(e.sentence)));
});
