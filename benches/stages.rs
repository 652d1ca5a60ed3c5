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
    html_pages(c, &config);
}

/// Clean on real HTML pages: the 90 of `cleaning-dev` (`../shared/corpus/cleaning-dev/html`, or
/// `NEWSBRIEF_HTML`), read through ingest's own decoding. Left out when they are not there.
fn html_pages(c: &mut Criterion, config: &Config) {
    let dir = std::env::var_os("NEWSBRIEF_HTML").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/cleaning-dev/html"),
        std::path::PathBuf::from,
    );
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("stages/clean_html left out: no HTML pages in {}", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let articles: Vec<Article> = paths
        .iter()
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            let bytes = std::fs::read(path).ok()?;
            let (text, html, _) = newsbrief::ingest::read_bytes(&name, bytes, 1 << 26).ok()?;
            let mut article = Article::new(newsbrief::ingest::article_id(&name), name, text);
            article.html = html;
            Some(article)
        })
        .collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let pages = Corpus { articles, ..Corpus::default() };
    let mut group = c.benchmark_group("stages");
    group.sample_size(10).throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("clean_html", |b| {
        b.iter_batched(|| pages.clone(), |c| run(&Clean, config, c), BatchSize::LargeInput)
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
