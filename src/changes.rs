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

use serde::{Deserialize, Serialize};

use crate::consolidate::Digest;
use crate::model::Corpus;

/// The state file's name in the output folder.
pub const STATE_FILE: &str = ".newsbrief-state.json";

/// What a briefing reflects, in a form the next run can compare with.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Article id → content hash (hex).
    pub articles: BTreeMap<String, String>,
    /// Claim summaries.
    pub claims: BTreeSet<String>,
    /// `article ␟ about ␟ unit` → value as written.
    pub figures: BTreeMap<String, String>,
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
}

const SEP: char = '\u{1f}';

impl Snapshot {
    /// What this run's briefing reflects.
    pub fn of(corpus: &Corpus, digest: &Digest) -> Snapshot {
        Snapshot {
            articles: corpus.articles.iter().map(|a| (a.id.clone(), format!("{:016x}", a.hash))).collect(),
            claims: digest.claims.iter().map(|c| c.summary.clone()).collect(),
            figures: digest
                .figures
                .iter()
                .map(|f| (format!("{}{SEP}{}{SEP}{}", f.article, f.about, f.unit), f.value.clone()))
                .collect(),
        }
    }
}

impl State {
    /// Reads the state file in `out_dir`. A missing, unreadable or foreign file is an empty
    /// state: the run then reports no changes rather than wrong ones.
    pub fn load(out_dir: &Path) -> State {
        std::fs::File::open(out_dir.join(STATE_FILE))
            .ok()
            .and_then(|f| serde_json::from_reader::<_, State>(std::io::BufReader::new(f)).ok())
            .filter(|s| s.version == 1)
            .unwrap_or_default()
    }

    /// The state to save after this run. Its `previous` snapshot is what this run is compared
    /// with: a run that gives the same briefing again leaves the state as it is, so it reports
    /// the same changes as the run before.
    pub fn advance(self, now: Snapshot) -> State {
        if self.current.as_ref() == Some(&now) {
            self
        } else {
            State { version: 1, previous: self.current, current: Some(now) }
        }
    }

    /// What changed between the previous snapshot and the current one.
    pub fn changes(&self, digest: &Digest) -> Changes {
        self.current
            .as_ref()
            .map_or_else(Changes::default, |now| compare(self.previous.as_ref(), now, digest))
    }

    /// Writes the state file in `out_dir` atomically, streamed (it holds every article and
    /// figure of the corpus).
    pub fn save(&self, out_dir: &Path) -> anyhow::Result<()> {
        let path = out_dir.join(STATE_FILE);
        let mut staged = crate::fsutil::Staged::new(&path)?;
        serde_json::to_writer_pretty(&mut staged, self)?;
        staged.commit()
    }
}

/// Compares this run with the baseline.
pub fn compare(baseline: Option<&Snapshot>, now: &Snapshot, digest: &Digest) -> Changes {
    let Some(before) = baseline else { return Changes::default() };
    let new_articles = now.articles.keys().filter(|id| !before.articles.contains_key(*id)).cloned().collect();
    let removed_articles =
        before.articles.keys().filter(|id| !now.articles.contains_key(*id)).cloned().collect();
    let edited_articles = now
        .articles
        .iter()
        .filter(|(id, hash)| before.articles.get(*id).is_some_and(|h| h != *hash))
        .map(|(id, _)| id.clone())
        .collect();
    let new_claims =
        digest.claims.iter().filter(|c| !before.claims.contains(&c.summary)).map(|c| c.id.clone()).collect();
    let dropped_claims = before.claims.iter().filter(|c| !now.claims.contains(*c)).cloned().collect();
    let changed_figures = now
        .figures
        .iter()
        .filter_map(|(key, after)| {
            let old = before.figures.get(key).filter(|v| *v != after)?;
            let mut parts = key.split(SEP);
            Some(FigureChange {
                article: parts.next()?.to_string(),
                about: parts.next()?.to_string(),
                before: old.clone(),
                after: after.clone(),
            })
        })
        .collect();
    Changes {
        compared: true,
        new_articles,
        removed_articles,
        edited_articles,
        new_claims,
        dropped_claims,
        changed_figures,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snap(articles: &[(&str, &str)], claims: &[&str]) -> Snapshot {
        Snapshot {
            articles: articles.iter().map(|(a, h)| (a.to_string(), h.to_string())).collect(),
            claims: claims.iter().map(|c| c.to_string()).collect(),
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
        assert_eq!(state.changes(&Digest::default()).new_articles, ["b"]);
    }

    #[test]
    fn compare_lists_new_removed_and_edited_articles_and_dropped_claims() {
        let before = snap(&[("a", "1"), ("b", "2"), ("c", "3")], &["old claim", "kept"]);
        let now = snap(&[("a", "1"), ("b", "9"), ("d", "4")], &["kept"]);
        let c = compare(Some(&before), &now, &Digest::default());
        assert!(c.compared);
        assert_eq!(c.new_articles, ["d"]);
        assert_eq!(c.removed_articles, ["c"]);
        assert_eq!(c.edited_articles, ["b"]);
        assert_eq!(c.dropped_claims, ["old claim"]);
        assert_eq!(compare(None, &now, &Digest::default()), Changes::default());
    }
}
