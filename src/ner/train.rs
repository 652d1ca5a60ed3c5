//! Training the tagger: an averaged structured perceptron (Collins 2002) over [`features::extract`],
//! on CoNLL-2003's `eng.train`, scored on the held-out development documents. Run by
//! `scripts/train_ner.sh` (the `train_ner` example); nothing here runs in a briefing.
//!
//! Deterministic: the sentence order of each pass comes from a hash of the sentence's index
//! and the pass, so the same data give the same weights byte for byte.

use std::collections::BTreeSet;
use std::ops::Range;

use anyhow::{Context, Result, bail};
use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::{EntityKind, Tag, Tagger, decode, features, history, spans};

/// A sentence with its gold tags.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// The tokens.
    pub tokens: Vec<String>,
    /// One tag a token.
    pub tags: Vec<Tag>,
}

/// Reads CoNLL-2003 columns (token first, IOB1 entity tag last; `-DOCSTART-` lines and blank
/// lines between sentences), turning IOB1 into BIO.
pub fn read_conll(text: &str) -> Result<Vec<Sentence>> {
    let mut out = Vec::new();
    let mut current = Sentence { tokens: Vec::new(), tags: Vec::new() };
    for (n, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            if !current.tokens.is_empty() {
                out.push(std::mem::replace(&mut current, Sentence { tokens: Vec::new(), tags: Vec::new() }));
            }
            continue;
        }
        let (Some(token), Some(label)) = (cols.first(), cols.last()) else { continue };
        let tag = if *label == "O" {
            Tag::OUTSIDE
        } else {
            let (prefix, kind) =
                label.split_once('-').with_context(|| format!("line {}: tag {label:?}", n + 1))?;
            let kind =
                EntityKind::from_label(kind).with_context(|| format!("line {}: kind {kind:?}", n + 1))?;
            // IOB1: "I-" begins a name unless the word before is in one of the same kind.
            let continues = prefix == "I" && current.tags.last().is_some_and(|t| t.kind() == Some(kind));
            Tag::new(kind, continues)
        };
        current.tokens.push((*token).to_string());
        current.tags.push(tag);
    }
    if !current.tokens.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// Reads CoNLL documents as the corpus lays them out: `docs/NNN.txt` with one tokenised
/// sentence a line, and `entities.jsonl` giving each name's document, sentence and token range.
pub fn read_documents(dir: &std::path::Path) -> Result<Vec<Sentence>> {
    let mut names: BTreeSet<String> = BTreeSet::new();
    for entry in std::fs::read_dir(dir.join("docs")).with_context(|| format!("reading {}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".txt") {
            names.insert(stem.to_string());
        }
    }
    let mut by_doc: std::collections::BTreeMap<String, Vec<Sentence>> = std::collections::BTreeMap::new();
    for doc in &names {
        let text = std::fs::read_to_string(dir.join("docs").join(format!("{doc}.txt")))?;
        let sentences = text
            .lines()
            .map(|l| {
                let tokens: Vec<String> = l.split_whitespace().map(str::to_string).collect();
                Sentence { tags: vec![Tag::OUTSIDE; tokens.len()], tokens }
            })
            .collect();
        by_doc.insert(doc.clone(), sentences);
    }
    let entities = std::fs::read_to_string(dir.join("entities.jsonl"))?;
    for line in entities.lines() {
        let e: serde_json::Value = serde_json::from_str(line)?;
        let (Some(doc), Some(sentence), Some(start), Some(end), Some(kind)) = (
            e["doc"].as_str(),
            e["sentence"].as_u64(),
            e["start"].as_u64(),
            e["end"].as_u64(),
            e["type"].as_str().and_then(EntityKind::from_label),
        ) else {
            bail!("entities.jsonl: unreadable line {line}");
        };
        let Some(s) = by_doc.get_mut(doc).and_then(|d| d.get_mut(sentence as usize)) else {
            bail!("entities.jsonl: no sentence {sentence} in document {doc}");
        };
        for k in start as usize..(end as usize).min(s.tags.len()) {
            s.tags[k] = Tag::new(kind, k > start as usize);
        }
    }
    Ok(by_doc.into_values().flatten().filter(|s| !s.tokens.is_empty()).collect())
}

/// Typed span precision, recall and F1 of tagging `sentences` with `tag`.
pub fn score(sentences: &[Sentence], tag: impl Fn(&[&str]) -> Vec<Tag>) -> (f64, f64, f64) {
    let (mut tp, mut predicted, mut gold) = (0usize, 0usize, 0usize);
    for s in sentences {
        let tokens: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let key = |(r, k): (Range<usize>, EntityKind)| (r.start, r.end, k);
        let got: BTreeSet<(usize, usize, EntityKind)> = spans(&tag(&tokens)).into_iter().map(key).collect();
        let want: BTreeSet<(usize, usize, EntityKind)> = spans(&s.tags).into_iter().map(key).collect();
        tp += got.intersection(&want).count();
        predicted += got.len();
        gold += want.len();
    }
    let p = tp as f64 / predicted.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

/// Trains for `passes` over `sentences` and returns the averaged weights, one row of
/// [`Tag::COUNT`] per bucket. `report` is called after each pass with the pass and the
/// averaged weights so far.
pub fn train(sentences: &[Sentence], passes: usize, mut report: impl FnMut(usize, &[f32])) -> Vec<f32> {
    let n = features::BUCKETS * Tag::COUNT;
    let mut weights = vec![0f32; n];
    // Daumé's trick: `total` holds each update times its step, so that the average over all
    // steps is `weights - total / steps` without touching every weight at every step.
    let mut total = vec![0f32; n];
    let mut step = 1f32;
    let words: Vec<Vec<features::Word>> = sentences
        .iter()
        .map(|s| features::words(&s.tokens.iter().map(String::as_str).collect::<Vec<_>>()))
        .collect();
    let mut feats = Vec::new();
    let average = |weights: &[f32], total: &[f32], step: f32| -> Vec<f32> {
        weights.iter().zip(total).map(|(w, t)| w - t / step).collect()
    };
    for pass in 0..passes {
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        order.sort_by_key(|&i| xxh3_64_with_seed(&(i as u64).to_le_bytes(), pass as u64));
        for &k in &order {
            let gold = &sentences[k].tags;
            let guess = decode(&words[k], |feats, scores| add_rows(&weights, feats, scores));
            if guess != *gold {
                // The structured perceptron's update: up the features of the gold sequence,
                // down those of the guess (where both agree, the two cancel).
                for i in 0..gold.len() {
                    for (tags, delta) in [(gold, 1.0), (&guess, -1.0)] {
                        feats.clear();
                        features::extract(&words[k], i, &mut feats);
                        let prev = i.checked_sub(1).map(|j| tags[j]);
                        feats.extend(features::transition(&words[k], i, history(prev)));
                        for &f in &feats {
                            let at = f as usize * Tag::COUNT + tags[i].index();
                            weights[at] += delta;
                            total[at] += delta * step;
                        }
                    }
                }
            }
            step += 1.0;
        }
        report(pass + 1, &average(&weights, &total, step));
    }
    average(&weights, &total, step)
}

/// Adds the rows of `feats` in `weights` to `scores`.
fn add_rows(weights: &[f32], feats: &[u32], scores: &mut [f32; Tag::COUNT]) {
    for &f in feats {
        for (s, w) in scores.iter_mut().zip(&weights[f as usize * Tag::COUNT..][..Tag::COUNT]) {
            *s += w;
        }
    }
}

/// Tags with float weights (to compare with the quantised ones).
pub fn tag_with(weights: &[f32], tokens: &[&str]) -> Vec<Tag> {
    decode(&features::words(tokens), |feats, scores| add_rows(weights, feats, scores))
}

/// The weights as one signed byte each: scaled so that the largest magnitude below the
/// `clip` quantile maps to 127, larger ones clipped. Greedy decoding takes an argmax of sums,
/// which one common scale leaves unchanged but for rounding.
pub fn quantize(weights: &[f32], clip: f64) -> Tagger {
    let mut magnitudes: Vec<f32> = weights.iter().map(|w| w.abs()).filter(|&w| w > 0.0).collect();
    magnitudes.sort_by(f32::total_cmp);
    let at = ((magnitudes.len() as f64 - 1.0) * clip).round() as usize;
    let top = magnitudes.get(at).copied().unwrap_or(1.0).max(f32::MIN_POSITIVE);
    let scale = 127.0 / top;
    Tagger { weights: weights.iter().map(|w| (w * scale).round().clamp(-127.0, 127.0) as i8).collect() }
}
