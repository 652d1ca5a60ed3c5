//! Criterion benches, one per stage, on 1,000 generated articles held in memory (see
//! `support`): `cargo bench --bench stages`. Throughput is the bytes of the input files.

#![allow(missing_docs)] // criterion_group! generates an undocumented public function.

mod support;

use std::path::Path;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

use newsbrief::config::{Config, Overrides};
use newsbrief::model::{Article, Corpus};
use newsbrief::progress::Progress;
use newsbrief::stages::{Stage, StageContext, clean::Clean, dedup::Dedup, extract::Extract};

const ARTICLES: usize = 1_000;

fn config() -> Config {
    let dir = std::env::temp_dir();
    let toml = format!(
        "[input]\ndir = {:?}\n[output]\ndir = {:?}\n",
        dir.display().to_string(),
        dir.join("newsbrief-bench-out").display().to_string()
    );
    Config::from_str(&toml, Path::new("pipeline.toml"), &Overrides::default())
        .expect("the bench config is valid")
}

fn corpus() -> Corpus {
    let base = support::read_bbc(&support::bbc_dir());
    let articles = (0..ARTICLES)
        .map(|i| {
            Article::new(format!("{i:06}"), format!("{i:06}.txt"), support::article(&base, i + base.len()))
        })
        .collect();
    Corpus { articles, ..Corpus::default() }
}

fn run(stage: &dyn Stage, config: &Config, corpus: Corpus) -> Corpus {
    let progress = Progress::hidden();
    stage.run(&StageContext { config, progress: &progress, cache: None }, corpus).expect("the stage runs")
}

fn stages(c: &mut Criterion) {
    let config = config();
    let raw = corpus();
    let bytes: usize = raw.articles.iter().map(|a| a.text.len()).sum();
    let cleaned = run(&Clean, &config, raw.clone());
    let deduped = run(&Dedup, &config, cleaned.clone());
    let extracted = run(&Extract, &config, deduped.clone());
    let mut consolidated = extracted.clone();
    let digest = newsbrief::consolidate::consolidate(&mut consolidated, &config.consolidate, None);

    let mut group = c.benchmark_group("stages");
    group.sample_size(10).throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("clean", |b| {
        b.iter_batched(|| raw.clone(), |c| run(&Clean, &config, c), BatchSize::LargeInput)
    });
    group.bench_function("dedup", |b| {
        b.iter_batched(|| cleaned.clone(), |c| run(&Dedup, &config, c), BatchSize::LargeInput)
    });
    group.bench_function("extract", |b| {
        b.iter_batched(|| deduped.clone(), |c| run(&Extract, &config, c), BatchSize::LargeInput)
    });
    group.bench_function("consolidate", |b| {
        b.iter_batched(
            || extracted.clone(),
            |mut c| newsbrief::consolidate::consolidate(&mut c, &config.consolidate, None),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("render", |b| {
        b.iter(|| {
            newsbrief::render::render_all(&config, &consolidated, &digest, &Default::default())
                .expect("renders")
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
