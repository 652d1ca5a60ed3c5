//! The blocks of a folder of text dumps with the block model's features, for
//! `scripts/train_clean.py`, which trains the model (`src/stages/clean/scores.rs`) on them.
//!
//!     cargo run --release --example train_clean -- dump DIR OUT.jsonl
//!
//! One JSON line per page: `{"id", "rows": [{"t": text, "l": [first, last line], "k": kept by
//! the rules, "h": decided by a named rule, "f": features}]}`, the features as `f64` so that the
//! trainer compares exactly what the binary compares.

use std::io::Write;

use anyhow::{Context, Result};
use newsbrief::model::Article;
use newsbrief::stages::clean;

/// The pages of a folder of text dumps as the `clean` command reads them, with the corpus's
/// and the sites' repeated lines.
fn read_pages(dir: &str) -> Result<Vec<(Article, Vec<clean::BlockRow>)>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {dir}"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut articles = Vec::new();
    for path in &paths {
        let name = path.file_name().context("a file name")?.to_string_lossy().into_owned();
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        // An empty page has no blocks to learn from; the run skips it too.
        let Ok((text, _, _)) = newsbrief::ingest::read_bytes(&name, bytes, u64::MAX) else { continue };
        articles.push(Article::new(newsbrief::ingest::article_id(&name), path.display().to_string(), text));
    }
    let boilerplate = clean::corpus_and_site_boilerplate(&articles, 3);
    let extra = Vec::new();
    let rules = clean::Rules {
        extra: &extra,
        corpus_lines: &boilerplate.corpus_lines,
        site_lines: None,
        enabled: true,
        thresholds: clean::Thresholds::default(),
    };
    Ok(articles
        .into_iter()
        .zip(&boilerplate.sites)
        .map(|(a, site)| {
            let own = site.as_ref().and_then(|s| boilerplate.site_lines.get(s));
            let rows = clean::block_rows(&a.text, &clean::Rules { site_lines: own, ..rules });
            (a, rows)
        })
        .collect())
}

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["dump", dir, out] => {
            let mut w = std::io::BufWriter::new(std::fs::File::create(out)?);
            for (a, rows) in read_pages(dir)? {
                let rows: Vec<_> = rows
                    .iter()
                    .map(|r| serde_json::json!({"t": r.text, "l": r.lines, "k": r.rule_kept, "h": r.rule_final, "f": r.features.iter().map(|&x| f64::from(x)).collect::<Vec<_>>()}))
                    .collect();
                writeln!(w, "{}", serde_json::json!({"id": a.id, "rows": rows}))?;
            }
            Ok(())
        }
        _ => anyhow::bail!("usage: train_clean dump DIR OUT.jsonl"),
    }
}
