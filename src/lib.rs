//! newsbrief: a folder of scraped news articles → one consolidated, sourced analyst briefing.
//!
//! The run is a fixed, readable sequence (zola's habit): ingest → clean → dedup → extract →
//! consolidate → render → write. Data moves by value from one step to the next; renderers only
//! read; nothing touches `out/` until every format has rendered.

pub mod cache;
pub mod changes;
pub mod config;
pub mod consolidate;
pub mod dates;
pub mod diagnostics;
pub mod embed;
pub mod fsutil;
pub mod ingest;
pub mod lexicon;
pub mod model;
pub mod ner;
pub mod progress;
pub mod provenance;
pub mod render;
pub mod sorted;
pub mod stages;
pub mod suggest;
pub mod term;
pub mod text;
pub mod union_find;

use std::path::PathBuf;

use anyhow::{Context, Result};

use crate::cache::Cache;
use crate::changes::{Snapshot, State};
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Corpus;
use crate::progress::{Mode, Progress};
use crate::stages::StageContext;

/// What a run did, for the exit code and the CI summary.
#[derive(Debug, Clone)]
pub struct RunSummary {
    /// Articles read.
    pub articles: usize,
    /// Articles merged as copies.
    pub duplicates: usize,
    /// Claims in the briefing.
    pub claims: usize,
    /// Files skipped.
    pub skipped: usize,
    /// Files used with a warning.
    pub warnings: usize,
    /// Files written.
    pub written: Vec<PathBuf>,
    /// How long each stage took, in run order.
    pub timings: Vec<StageTiming>,
    /// The files skipped or used with a warning, for CI annotations.
    pub problems: Vec<Diagnostic>,
    /// The Markdown of the CI step summary: key judgments, changes and disagreements.
    pub step_summary: String,
}

/// One stage's wall time and how much it processed, for `--timings` and the benchmarks.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StageTiming {
    /// Stage name, as in the progress lines.
    pub stage: &'static str,
    /// Wall time in seconds.
    pub seconds: f64,
    /// Articles the stage saw.
    pub articles: usize,
    /// Bytes of article text the stage saw (the decoded input files).
    pub bytes: usize,
    /// The process's peak resident memory when the stage ended, where the platform tells it.
    pub peak_rss_bytes: Option<u64>,
}

impl StageTiming {
    fn new(stage: &'static str, elapsed: std::time::Duration, articles: usize, bytes: usize) -> Self {
        let seconds = elapsed.as_secs_f64();
        StageTiming { stage, seconds, articles, bytes, peak_rss_bytes: progress::peak_rss_bytes() }
    }
}

/// Runs the whole pipeline on a validated config and writes the briefing.
pub fn run(config: &Config, mode: Mode) -> Result<RunSummary> {
    run_with(config, mode, || {})
}

/// [`run`], calling `before_consolidate` once the per-article stages are done: the binary
/// tunes its allocator there for the stage where memory peaks.
pub fn run_with(config: &Config, mode: Mode, before_consolidate: impl FnOnce()) -> Result<RunSummary> {
    let _locks =
        fsutil::lock_all(std::iter::once(config.out_dir.as_path()).chain(config.cache_dir.as_deref()))?;
    for dir in std::iter::once(&config.out_dir).chain(&config.cache_dir) {
        let recovered = fsutil::recover(dir)?;
        if mode != Mode::Quiet && recovered != fsutil::Recovered::default() {
            term::eprint(
                term::Level::Note,
                &format!(
                    "`{}`: a killed run's new briefing moved into place ({} files), {} of its temporary files removed",
                    dir.display(),
                    recovered.finished,
                    recovered.removed
                ),
            );
        }
    }
    let (mut corpus, mut timings) = analyse(config, mode)?;
    let articles = corpus.articles.len();
    let bytes = timings.first().map_or(0, |t| t.bytes);
    before_consolidate();
    let progress = Progress::start(mode, "consolidate", 1);
    let mut cache = config.cache_dir.as_deref().map(Cache::open);
    let digest = consolidate::consolidate(&mut corpus, &config.consolidate, cache.as_ref());
    let mut summary = format!("{} claims, {} actors", digest.claims.len(), digest.actors.len());
    if let Some(cache) = cache.as_mut() {
        let (new, cached) = cache.counts(cache::EMBED);
        summary.push_str(&format!(", {} sentences embedded ({new} new, {cached} cached)", new + cached));
        save_pack(cache, cache::EMBED, mode);
    }
    let elapsed = progress.finish(&summary);
    timings.push(StageTiming::new("consolidate", elapsed, articles, bytes));

    let progress = Progress::start(mode, "render", config.formats.len() as u64);
    let state = State::load(&config.out_dir).advance(Snapshot::of(&corpus, &digest));
    let changes = state.changes(&corpus, &digest);
    let mut set = fsutil::OutputSet::new(&config.out_dir);
    let rendered = render::render_all(config, &corpus, &digest, &changes)?;
    for file in rendered.files {
        set.push(file);
        progress.inc();
    }
    let written = set.paths();
    // The state goes with the briefing: a run that failed is not the baseline of the next one.
    set.push(state.stage(&config.out_dir)?);
    set.commit()?;
    let elapsed = progress.finish(&format!(
        "{} in {}",
        render::count(written.len() as u64, "file", None),
        config.out_dir.display()
    ));
    timings.push(StageTiming::new("render", elapsed, articles, bytes));
    Ok(RunSummary {
        articles: corpus.articles.len(),
        duplicates: corpus.articles.iter().filter(|a| a.duplicate_of.is_some()).count(),
        claims: digest.claims.len(),
        skipped: corpus.diagnostics.iter().filter(|d| d.severity == Severity::Skipped).count(),
        warnings: corpus.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count(),
        written,
        timings,
        problems: corpus.diagnostics.iter().filter(|d| d.severity > Severity::Note).cloned().collect(),
        step_summary: rendered.step_summary,
    })
}

/// Writes `stage`'s pack and reports what went wrong with the cache. The cache only saves
/// work: a problem with it is worth a warning, not a failed run.
fn save_pack(cache: &mut Cache, stage: &str, mode: Mode) {
    let written = cache.finish(stage);
    if mode != Mode::Quiet {
        for problem in cache.problems() {
            term::eprint(term::Level::Warning, &format!("cache: {problem}"));
        }
        if let Err(e) = written {
            term::eprint(term::Level::Warning, &format!("cache: not saved: {e:#}"));
        }
    }
}

/// Ingest and the per-corpus stages: everything before consolidation, with their timings.
pub(crate) fn analyse(config: &Config, mode: Mode) -> Result<(Corpus, Vec<StageTiming>)> {
    let mut timings = Vec::new();
    let progress = Progress::start(mode, "ingest", 0);
    let corpus = ingest::ingest(config);
    let articles = corpus.articles.len();
    let bytes = corpus.articles.iter().map(|a| a.text.len()).sum();
    for d in &corpus.diagnostics {
        if mode != Mode::Quiet {
            term::eprint(d.severity.into(), &format!("{}: {}", d.path, d.message));
        }
    }
    let elapsed = progress.finish(&format!(
        "{} articles, {} skipped",
        corpus.articles.len(),
        corpus.diagnostics.iter().filter(|d| d.severity == Severity::Skipped).count()
    ));
    timings.push(StageTiming::new("ingest", elapsed, articles, bytes));
    let mut cache = config.cache_dir.as_deref().map(Cache::open);
    let mut corpus = corpus;
    for stage in stages::determine_stages(config) {
        let progress = Progress::start(mode, stage.name(), corpus.articles.len() as u64);
        let ctx = StageContext { config, progress: &progress, cache: cache.as_ref() };
        corpus = stage.run(&ctx, corpus).with_context(|| format!("stage `{}` failed", stage.name()))?;
        let mut summary = format!("{} articles", corpus.articles.len());
        if let Some(cache) = cache.as_mut().filter(|_| cache::STAGES.contains(&stage.name())) {
            let (new, cached) = cache.counts(stage.name());
            summary.push_str(&format!(" ({new} new, {cached} cached)"));
            // The pack is written now, and freed, so the next stage's has the room.
            save_pack(cache, stage.name(), mode);
        }
        let elapsed = progress.finish(&summary);
        timings.push(StageTiming::new(stage.name(), elapsed, articles, bytes));
    }
    Ok((corpus, timings))
}
