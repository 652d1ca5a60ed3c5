//! Trains the entity tagger (`src/ner`) and writes `models/ner/weights.bin`; run by
//! `scripts/train_ner.sh`, which says where the data come from.
//!
//!     cargo run --release --example train_ner -- TRAIN_FILE DEV_DIR OUT_FILE [PASSES]

use std::path::PathBuf;

use anyhow::{Context, Result};
use newsbrief::ner::train;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [train_file, dev_dir, out, rest @ ..] = args.as_slice() else {
        anyhow::bail!("usage: train_ner TRAIN_FILE DEV_DIR OUT_FILE [PASSES]");
    };
    let passes: usize = rest.first().map_or(Ok(10), |p| p.parse()).context("PASSES is a number")?;
    let text = std::fs::read_to_string(train_file).with_context(|| format!("reading {train_file}"))?;
    let sentences = train::read_conll(&text)?;
    let dev = train::read_documents(&PathBuf::from(dev_dir))?;
    eprintln!("{} training sentences, {} development sentences", sentences.len(), dev.len());
    let weights = train::train(&sentences, passes, |pass, averaged| {
        let (p, r, f) = train::score(&dev, |t| train::tag_with(averaged, t));
        eprintln!("pass {pass:2}: dev P {p:.3} R {r:.3} F1 {f:.3}");
    });
    let tagger = train::quantize(&weights, 0.9999);
    let (p, r, f) = train::score(&dev, |t| tagger.tag(t));
    eprintln!("quantised: dev P {p:.3} R {r:.3} F1 {f:.3}");
    std::fs::write(out, tagger.to_bytes()).with_context(|| format!("writing {out}"))?;
    Ok(())
}
