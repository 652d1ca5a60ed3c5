//! What changed since the last run: new, removed and edited articles, claims that appeared or
//! dropped out, and figures whose value moved. For the analyst who reads the briefing every
//! morning and the CI job that posts the difference.
//!
//! The run keeps a small snapshot of what its briefing reflects in `out/.newsbrief-state.json`
//! (two snapshots: this briefing's and the one before). A run compares itself with the last
//! snapshot that differs from its own, so running again on the same input reports the same
//! changes and writes the same bytes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3;

use crate::consolidate::{Digest, FigureOut};
use crate::model::Corpus;

/// The state file's name in the output folder.
pub const STATE_FILE: &str = ".newsbrief-state.json";

/// What a briefing reflects, in a form the next run can compare with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Article id → content hash (hex).
    pub articles: BTreeMap<String, String>,
    /// Each claim shown, by its summary, with the sentences its sources say it in (the first
    /// [`SENTENCES_KEPT`]): the claim is still in the corpus while one of them is.
    pub claims: BTreeMap<String, Vec<String>>,
    /// The hash of `article ␟ about ␟ unit` → value as written. Hashes keep the snapshots of a
    /// large corpus small (a 100k corpus has some 285,000 figures); a changed figure is found
    /// again in the digest by its hash.
    pub figures: BTreeMap<u64, String>,
}

/// The state file: this briefing's snapshot and the one before it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    /// Format version.
    pub version: u32,
    /// What the current briefing reflects.
    pub current: Option<Snapshot>,
    /// What the briefing before it reflected.
    pub previous: Option<Snapshot>,
}

/// A figure whose value differs from the last run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureChange {
    /// Article id.
    pub article: String,
    /// What it measures.
    pub about: String,
    /// The value before.
    pub before: String,
    /// The value now.
    pub after: String,
}

/// The differences from the last run (the JSON field `changes`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Changes {
    /// False on the first run in an output folder: there is nothing to compare with.
    pub compared: bool,
    /// Articles not in the last run.
    pub new_articles: Vec<String>,
    /// Articles of the last run that are gone.
    pub removed_articles: Vec<String>,
    /// Articles whose text changed.
    pub edited_articles: Vec<String>,
    /// Ids of this briefing's claims that the last one did not have.
    pub new_claims: Vec<String>,
    /// Summaries of the last briefing's claims that this one does not have.
    pub dropped_claims: Vec<String>,
    /// Figures whose value changed.
    pub changed_figures: Vec<FigureChange>,
    /// New or edited articles that are copies of an article the last run read (dedup matched
    /// them), with what the copy changed: an outlet's update of a story it ran before.
    pub updates: Vec<Update>,
}

/// A new or edited copy of an article the last run read, and what differs between them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Update {
    /// The copy (new or edited).
    pub article: String,
    /// The article it updates.
    pub of: String,
    /// Figures of one measure whose value differs (`before` is the earlier article's).
    pub figures: Vec<FigureChange>,
    /// Sentences of the copy that the earlier article does not have.
    pub added_sentences: usize,
    /// Sentences of the earlier article that the copy does not have.
    pub removed_sentences: usize,
}

/// The state file's format version: 2 keys figures by hash, 3 keeps each claim's sentences.
const VERSION: u32 = 3;

/// How many of a claim's source sentences the snapshot keeps.
const SENTENCES_KEPT: usize = 16;

/// What identifies a figure from one run to the next: its article, what it measures and its
/// unit.
fn figure_key(f: &FigureOut) -> u64 {
    let mut h = Xxh3::new();
    for part in [&*f.article, f.about.as_str(), f.unit.as_str()] {
        h.update(part.as_bytes());
        h.update(&[0x1f]);
    }
    h.digest()
}

impl Snapshot {
    /// What this run's briefing reflects.
    pub(crate) fn of(corpus: &Corpus, digest: &Digest) -> Snapshot {
        Snapshot {
            articles: corpus.articles.iter().map(|a| (a.id.clone(), format!("{:016x}", a.hash))).collect(),
            claims: digest
                .claims
                .iter()
                .map(|c| {
                    let mut said: Vec<String> = c.sources.iter().map(|s| s.text.clone()).collect();
                    said.sort();
                    said.dedup();
                    said.truncate(SENTENCES_KEPT);
                    (c.summary.clone(), said)
                })
                .collect(),
            figures: digest.figures.iter().map(|f| (figure_key(f), f.value.clone())).collect(),
        }
    }
}

impl State {
    /// Reads the state file in `out_dir`. A missing, unreadable or foreign file is an empty
    /// state: the run then reports no changes rather than wrong ones.
    pub(crate) fn load(out_dir: &Path) -> State {
        std::fs::File::open(out_dir.join(STATE_FILE))
            .ok()
            .and_then(|f| serde_json::from_reader::<_, State>(std::io::BufReader::new(f)).ok())
            .filter(|s| s.version == VERSION)
            .unwrap_or_default()
    }

    /// The state to save after this run. Its `previous` snapshot is what this run is compared
    /// with: a run that gives the same briefing again leaves the state as it is, so it reports
    /// the same changes as the run before.
    pub(crate) fn advance(self, now: Snapshot) -> State {
        if self.current.as_ref() == Some(&now) {
            self
        } else {
            State { version: VERSION, previous: self.current, current: Some(now) }
        }
    }

    /// What changed between the previous snapshot and the current one; `corpus` is this run's,
    /// whose every statement decides whether a claim is really gone.
    pub(crate) fn changes(&self, corpus: &Corpus, digest: &Digest) -> Changes {
        self.current
            .as_ref()
            .map_or_else(Changes::default, |now| compare(self.previous.as_ref(), now, corpus, digest))
    }

    /// Writes the state file for `out_dir` as a temporary, streamed (it holds every article and
    /// figure of the corpus), to move into place with the briefing.
    pub(crate) fn stage(&self, out_dir: &Path) -> anyhow::Result<crate::fsutil::Staged> {
        let path = out_dir.join(STATE_FILE);
        let mut staged = crate::fsutil::Staged::new(&path)?;
        serde_json::to_writer_pretty(&mut staged, self)?;
        Ok(staged)
    }
}

/// Compares this run with the baseline. Claims are compared over the whole corpus, not over
/// what the two briefings had room to show: a claim is new only when no source of it is an
/// article the last run read unchanged (else it was there, just not shown), and a claim of the
/// last briefing is dropped only when no article says it any more (else it was only
/// outranked).
pub(crate) fn compare(
    baseline: Option<&Snapshot>,
    now: &Snapshot,
    corpus: &Corpus,
    digest: &Digest,
) -> Changes {
    let Some(before) = baseline else { return Changes::default() };
    let new_articles: Vec<String> =
        now.articles.keys().filter(|id| !before.articles.contains_key(*id)).cloned().collect();
    let removed_articles =
        before.articles.keys().filter(|id| !now.articles.contains_key(*id)).cloned().collect();
    let edited_articles: Vec<String> = now
        .articles
        .iter()
        .filter(|(id, hash)| before.articles.get(*id).is_some_and(|h| h != *hash))
        .map(|(id, _)| id.clone())
        .collect();
    let unchanged = |id: &str| before.articles.get(id).is_some_and(|h| now.articles.get(id) == Some(h));
    let new_claims = digest
        .claims
        .iter()
        .filter(|c| {
            !before.claims.contains_key(&c.summary) && !c.sources.iter().any(|s| unchanged(&s.article))
        })
        .map(|c| c.id.clone())
        .collect();
    let not_shown: Vec<(&String, &Vec<String>)> =
        before.claims.iter().filter(|(c, _)| !now.claims.contains_key(*c)).collect();
    let sentences: BTreeSet<&str> =
        not_shown.iter().flat_map(|(_, said)| said.iter().map(String::as_str)).collect();
    let still_said = said_anywhere(corpus, &sentences);
    let dropped_claims = not_shown
        .into_iter()
        .filter(|(_, said)| !said.iter().any(|s| still_said.contains(s.as_str())))
        .map(|(c, _)| c.clone())
        .collect();
    // In the digest's order, each figure key once.
    let mut seen = BTreeSet::new();
    let changed_figures = digest
        .figures
        .iter()
        .filter_map(|f| {
            let key = figure_key(f);
            let after = now.figures.get(&key)?;
            let before = before.figures.get(&key).filter(|v| *v != after)?;
            seen.insert(key).then(|| FigureChange {
                article: f.article.to_string(),
                about: f.about.clone(),
                before: before.clone(),
                after: after.clone(),
            })
        })
        .collect();
    let fresh: BTreeSet<&str> = new_articles.iter().chain(&edited_articles).map(String::as_str).collect();
    let updates = updates(corpus, &fresh, &unchanged);
    Changes {
        compared: true,
        updates,
        new_articles,
        removed_articles,
        edited_articles,
        new_claims,
        dropped_claims,
        changed_figures,
    }
}

/// The copies among `fresh` articles of articles the last run read unchanged (dedup put one
/// of each pair under the other, whichever is fuller), each with what it changed: the figures
/// of the sentences only one of the two has, paired by what they measure and their unit.
fn updates(corpus: &Corpus, fresh: &BTreeSet<&str>, unchanged: &dyn Fn(&str) -> bool) -> Vec<Update> {
    let by_id: BTreeMap<&str, &crate::model::Article> =
        corpus.articles.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut out = Vec::new();
    for a in &corpus.articles {
        let Some(original) = a.duplicate_of.as_deref().and_then(|o| by_id.get(o)) else { continue };
        // The copy is whichever of the two is fresh; the other must be what the last run read.
        let (copy, earlier) = match (fresh.contains(a.id.as_str()), fresh.contains(original.id.as_str())) {
            (true, false) if unchanged(&original.id) => (a, *original),
            (false, true) if unchanged(&a.id) => (*original, a),
            _ => continue,
        };
        let sentences = |x: &crate::model::Article| -> BTreeSet<String> {
            x.paragraphs
                .iter()
                .flat_map(|p| {
                    crate::text::sentences(&p.text).into_iter().map(|r| p.text[r].trim().to_string())
                })
                .filter(|s| !s.is_empty())
                .collect()
        };
        let (now, then) = (sentences(copy), sentences(earlier));
        let added: Vec<&String> = now.difference(&then).collect();
        let removed: Vec<&String> = then.difference(&now).collect();
        let figures_of = |said: &[&String]| -> BTreeMap<(String, String), String> {
            said.iter()
                .flat_map(|s| crate::stages::extract::figures::find(s))
                .map(|f| ((f.about, f.unit), f.value))
                .collect()
        };
        let (after, before) = (figures_of(&added), figures_of(&removed));
        let figures: Vec<FigureChange> = after
            .iter()
            .filter_map(|(key, value)| {
                let old = before.get(key).filter(|v| *v != value)?;
                Some(FigureChange {
                    article: copy.id.clone(),
                    about: key.0.clone(),
                    before: old.clone(),
                    after: value.clone(),
                })
            })
            .collect();
        if !added.is_empty() || !removed.is_empty() {
            out.push(Update {
                article: copy.id.clone(),
                of: earlier.id.clone(),
                figures,
                added_sentences: added.len(),
                removed_sentences: removed.len(),
            });
        }
    }
    out.sort_by(|x, y| x.article.cmp(&y.article));
    out
}

/// Which of `claims` (sentences) some article of `corpus` still says, in a paragraph or its
/// headline: one pass over the corpus's text for all of them (Aho–Corasick); the
/// statements themselves are gone by now (consolidate frees them).
fn said_anywhere<'c>(corpus: &Corpus, claims: &BTreeSet<&'c str>) -> BTreeSet<&'c str> {
    let patterns: Vec<&str> = claims.iter().copied().filter(|c| !c.is_empty()).collect();
    if patterns.is_empty() {
        return BTreeSet::new();
    }
    let Ok(finder) = aho_corasick::AhoCorasick::new(&patterns) else { return BTreeSet::new() };
    let found: BTreeSet<usize> = corpus
        .articles
        .par_iter()
        .flat_map_iter(|a| {
            let texts = a.paragraphs.iter().map(|p| p.text.as_str()).chain(a.meta.title.as_deref());
            texts
                .flat_map(|t| finder.find_overlapping_iter(t).map(|m| m.pattern().as_usize()))
                .collect::<Vec<_>>()
        })
        .collect();
    found.into_iter().map(|i| patterns[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(articles: &[(&str, &str)], claims: &[&str]) -> Snapshot {
        Snapshot {
            articles: articles.iter().map(|(a, h)| (a.to_string(), h.to_string())).collect(),
            claims: claims.iter().map(|c| (c.to_string(), vec![c.to_string()])).collect(),
            figures: BTreeMap::new(),
        }
    }

    #[test]
    fn a_repeated_run_keeps_its_baseline() {
        let one = snap(&[("a", "1")], &["x"]);
        let two = snap(&[("a", "1"), ("b", "2")], &["x", "y"]);
        let state = State::default().advance(one.clone());
        assert_eq!(state.previous, None);
        let state = state.advance(two.clone());
        assert_eq!(state.previous.as_ref(), Some(&one));
        // Again with the same input: still compared with `one`, state unchanged.
        let state = state.advance(two.clone());
        assert_eq!(state.previous.as_ref(), Some(&one));
        assert_eq!(state.current.as_ref(), Some(&two));
        assert_eq!(state.changes(&Corpus::default(), &Digest::default()).new_articles, ["b"]);
    }

    fn digest_with(figures: &[(&str, &str, &str)]) -> Digest {
        let figure = |&(article, about, value): &(&str, &str, &str)| FigureOut {
            value: value.to_string(),
            number: 0.0,
            number_max: None,
            unit: "usd".to_string(),
            about: about.to_string(),
            article: article.into(),
            paragraph: 0,
            sentence: crate::model::Span::new(0, 0..1),
        };
        Digest { figures: figures.iter().map(figure).collect(), ..Digest::default() }
    }

    #[test]
    fn a_figure_whose_value_changed_is_listed_once_with_both_values() {
        let before =
            digest_with(&[("a", "sanctions cost", "$16 billion"), ("a", "exports lost", "$18 billion")]);
        let after = digest_with(&[
            ("a", "sanctions cost", "$17 billion"),
            ("a", "sanctions cost", "$17 billion"),
            ("a", "exports lost", "$18 billion"),
            ("b", "sanctions cost", "$16 billion"),
        ]);
        let state = State::default()
            .advance(Snapshot::of(&Corpus::default(), &before))
            .advance(Snapshot::of(&Corpus::default(), &after));
        let changes = state.changes(&Corpus::default(), &after);
        let change =
            |c: &FigureChange| (c.article.clone(), c.about.clone(), c.before.clone(), c.after.clone());
        assert_eq!(
            changes.changed_figures.iter().map(change).collect::<Vec<_>>(),
            [("a".into(), "sanctions cost".into(), "$16 billion".into(), "$17 billion".into())]
        );
    }

    #[test]
    fn compare_lists_new_removed_and_edited_articles_and_dropped_claims() {
        let before = snap(&[("a", "1"), ("b", "2"), ("c", "3")], &["old claim", "kept"]);
        let now = snap(&[("a", "1"), ("b", "9"), ("d", "4")], &["kept"]);
        let c = compare(Some(&before), &now, &Corpus::default(), &Digest::default());
        assert!(c.compared);
        assert_eq!(c.new_articles, ["d"]);
        assert_eq!(c.removed_articles, ["c"]);
        assert_eq!(c.edited_articles, ["b"]);
        assert_eq!(c.dropped_claims, ["old claim"]);
        assert_eq!(compare(None, &now, &Corpus::default(), &Digest::default()), Changes::default());
    }
}
