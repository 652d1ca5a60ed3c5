//! The per-corpus stages that transform a [`Corpus`] in place of itself: clean, dedup, extract.
//!
//! Each is a tiny [`Stage`] that takes the corpus by value and returns it (mdBook's
//! preprocessors). Ingest and consolidate change the data's shape, so they are plain functions
//! called by [`crate::run`].

pub mod clean;
pub mod dedup;
pub mod extract;

use anyhow::Result;

use crate::cache::Cache;
use crate::config::Config;
use crate::model::Corpus;
use crate::progress::Progress;

/// One step that transforms the corpus.
pub trait Stage: Sync {
    /// The name shown in progress lines and errors.
    fn name(&self) -> &'static str;
    /// Runs the stage.
    fn run(&self, ctx: &StageContext<'_>, corpus: Corpus) -> Result<Corpus>;
}

/// What a stage may read besides the corpus.
pub struct StageContext<'a> {
    /// The validated configuration.
    pub config: &'a Config,
    /// Progress for this stage; call `inc` once per article.
    pub progress: &'a Progress,
    /// The per-article cache, unless it is off (`--no-cache`, `cache.enabled = false`).
    pub cache: Option<&'a Cache>,
}

/// The stages to run, in order. Clean always runs (disabled, it keeps every block); dedup and
/// extract run when enabled.
pub(crate) fn determine_stages(config: &Config) -> Vec<Box<dyn Stage>> {
    let mut stages: Vec<Box<dyn Stage>> = vec![Box::new(clean::Clean)];
    if config.dedup.enabled {
        stages.push(Box::new(dedup::Dedup));
    }
    if config.extract.enabled {
        stages.push(Box::new(extract::Extract));
    }
    stages
}
