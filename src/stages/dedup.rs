//! Dedup: syndicated copies of whole articles, and paragraphs repeated within and across
//! articles, each counted once.
//!
//! Exact copies are found by a hash of the normalised words. Near copies by MinHash over word
//! shingles with LSH banding; every candidate pair is confirmed by its true Jaccard similarity
//! before it is merged. The fullest copy of an article is kept (most words, then the smallest
//! id), the first occurrence of a paragraph is kept, so the result does not depend on threads.
//!
//! MinHash/LSH is written here rather than taken from `gaoya`: that crate's index hashes with
//! its own random state and has had no commits since 2023, and what we need (a fixed-seed
//! signature, banding into sorted buckets, exact confirmation) is about eighty lines that we can
//! keep deterministic and bounded in memory (signatures are `u32`, shingle sets are rebuilt only
//! for candidate pairs).

use std::collections::BTreeMap;

use anyhow::Result;
use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use super::{Stage, StageContext};
use crate::model::{Corpus, Duplicate, DuplicateKind, ParagraphRef, ParagraphRefOpt};
use crate::sorted::common;
use crate::union_find::UnionFind;

/// The dedup stage.
pub struct Dedup;

impl Stage for Dedup {
    fn name(&self) -> &'static str {
        "dedup"
    }

    fn run(&self, ctx: &StageContext<'_>, mut corpus: Corpus) -> Result<Corpus> {
        let cfg = &ctx.config.dedup;
        let texts: Vec<String> = corpus
            .articles
            .iter()
            .map(|a| a.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n"))
            .collect();
        let sizes: Vec<usize> = texts.iter().map(|t| crate::text::words(t).count()).collect();
        let views: Vec<&str> = texts.iter().map(String::as_str).collect();
        let groups = find_groups(&views, cfg.shingle_words, cfg.article_threshold, Bands::ARTICLE);
        let mut duplicates = Vec::new();
        for group in groups {
            // The fullest copy wins; ties go to the first id (articles are in id order).
            let kept = *group.iter().max_by_key(|&&i| (sizes[i], std::cmp::Reverse(i))).expect("group");
            for &i in group.iter().filter(|&&i| i != kept) {
                let sim = jaccard(&texts[kept], &texts[i], cfg.shingle_words);
                corpus.articles[i].duplicate_of = Some(corpus.articles[kept].id.clone());
                duplicates.push(Duplicate {
                    kind: DuplicateKind::Article,
                    kept: ParagraphRefOpt { article: corpus.articles[kept].id.clone(), paragraph: None },
                    dropped: vec![ParagraphRefOpt {
                        article: corpus.articles[i].id.clone(),
                        paragraph: None,
                    }],
                    similarity: round3(sim),
                });
            }
        }

        drop(views);
        drop(texts);

        // Paragraphs of the articles that remain, in corpus order.
        let refs: Vec<(usize, usize)> = corpus
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| a.duplicate_of.is_none())
            .flat_map(|(ai, a)| (0..a.paragraphs.len()).map(move |pi| (ai, pi)))
            .collect();
        let para_groups: Vec<(Vec<usize>, Vec<f64>)> = {
            let text = |i: usize| corpus.articles[refs[i].0].paragraphs[refs[i].1].text.as_str();
            let para_texts: Vec<&str> = (0..refs.len()).map(text).collect();
            find_groups(&para_texts, cfg.shingle_words, cfg.paragraph_threshold, Bands::PARAGRAPH)
                .into_iter()
                .map(|group| {
                    let sims = group[1..]
                        .iter()
                        .map(|&i| jaccard(para_texts[group[0]], para_texts[i], cfg.shingle_words))
                        .collect();
                    (group, sims)
                })
                .collect()
        };
        for (group, sims) in para_groups {
            let kept = group[0];
            let (ka, kp) = refs[kept];
            let kept_ref = ParagraphRef { article: corpus.articles[ka].id.clone(), paragraph: kp };
            for (&i, sim) in group[1..].iter().zip(sims) {
                let (ai, pi) = refs[i];
                corpus.articles[ai].paragraphs[pi].duplicate_of = Some(kept_ref.clone());
                duplicates.push(Duplicate {
                    kind: DuplicateKind::Paragraph,
                    kept: ParagraphRefOpt { article: kept_ref.article.clone(), paragraph: Some(kp) },
                    dropped: vec![ParagraphRefOpt {
                        article: corpus.articles[ai].id.clone(),
                        paragraph: Some(pi),
                    }],
                    similarity: round3(sim),
                });
            }
        }
        duplicates.sort_by(|a, b| (a.kind, &a.kept, &a.dropped).cmp(&(b.kind, &b.kept, &b.dropped)));
        corpus.duplicates = duplicates;
        for _ in &corpus.articles {
            ctx.progress.inc();
        }
        Ok(corpus)
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// LSH banding: `bands` × `rows` MinHash values.
#[derive(Debug, Clone, Copy)]
pub struct Bands {
    bands: usize,
    rows: usize,
}

impl Bands {
    /// 16 × 4: a pair at Jaccard 0.8 shares a band with probability 0.999, at 0.5 with 0.64.
    pub const ARTICLE: Bands = Bands { bands: 16, rows: 4 };
    /// The same for paragraphs: at their stricter threshold a pair shares a band almost surely
    /// (0.9: p > 0.9999), which 8 × 8 missed at the margin (p = 0.98); the extra candidates
    /// cost little, since few paragraphs are like another at all.
    pub const PARAGRAPH: Bands = Bands { bands: 16, rows: 4 };
}

const HASHES: usize = 64;

/// Hashes of the lower-cased words of a text: the unit of both the exact hash and the
/// shingles. Hashing words once, and shingles from word hashes, keeps dedup free of
/// per-shingle allocation.
fn word_hashes(text: &str) -> Vec<u64> {
    let mut lower = String::new();
    crate::text::words(text)
        .map(|w| {
            crate::text::lower_into(w, &mut lower);
            xxh3_64(lower.as_bytes())
        })
        .collect()
}

/// Combines a run of word hashes into one, order-sensitive.
fn combine(words: &[u64]) -> u64 {
    let mut h = 0x243F_6A88_85A3_08D3u64;
    for &w in words {
        h = (h ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29);
    }
    h ^ (h >> 32)
}

/// Hashes of the `k`-word shingles of a text, sorted and unique. Texts shorter than `k` words
/// are one shingle.
pub(crate) fn shingles(text: &str, k: usize) -> Vec<u64> {
    shingles_of(&word_hashes(text), k)
}

/// [`shingles`] from a text's [`word_hashes`].
fn shingles_of(words: &[u64], k: usize) -> Vec<u64> {
    let mut out: Vec<u64> = if words.len() <= k {
        if words.is_empty() { Vec::new() } else { vec![combine(words)] }
    } else {
        words.windows(k).map(combine).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

/// True Jaccard similarity of two texts' shingle sets.
pub(crate) fn jaccard(a: &str, b: &str, k: usize) -> f64 {
    let (x, y) = (shingles(a, k), shingles(b, k));
    if x.is_empty() && y.is_empty() {
        return 1.0;
    }
    let inter = common(&x, &y);
    inter as f64 / (x.len() + y.len() - inter) as f64
}

/// A MinHash signature by one-permutation hashing: each shingle is mixed once, its top bits
/// choose one of [`HASHES`] bins and the bin keeps its least value; an empty bin (a short text
/// leaves some) takes the value of the first filled bin along a fixed probe sequence of its own
/// (optimal densification, Shrivastava 2017), so that two texts agree on a bin about as often
/// as their shingle sets overlap. One mix per shingle instead of one per shingle and bin: the
/// signature was dedup's largest cost.
fn signature(shingles: &[u64]) -> [u32; HASHES] {
    const EMPTY: u32 = u32::MAX;
    let mut sig = [EMPTY; HASHES];
    for &h in shingles {
        let x = mix(h ^ 0x9E37_79B9_7F4A_7C15);
        let bin = (x >> 58) as usize; // the top 6 bits: HASHES is 64
        sig[bin] = sig[bin].min(x as u32);
    }
    if sig.iter().all(|&v| v == EMPTY) {
        return sig;
    }
    let filled = sig;
    for (bin, slot) in sig.iter_mut().enumerate().filter(|(_, v)| **v == EMPTY) {
        // Probe 1, 2, … of this bin: the same sequence in every text, so two texts that
        // both lack this bin borrow alike when they agree on the bins they have.
        *slot = (1u64..)
            .map(|t| filled[(mix((bin as u64) << 32 | t) >> 58) as usize])
            .find(|&v| v != EMPTY)
            .expect("a filled bin");
    }
    sig
}

/// A multiply-xorshift mixer (splitmix64's finaliser): cheap, and fixed across runs.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// Groups of texts that are copies of each other: exact copies of the normalised words, plus
/// near copies at or above `threshold`. Each group is sorted and has at least two members;
/// groups are in order of their first member.
pub(crate) fn find_groups(texts: &[&str], k: usize, threshold: f64, bands: Bands) -> Vec<Vec<usize>> {
    let n = texts.len();
    let mut uf = UnionFind::new(n);
    // Each text's words are hashed once, for both passes: the hash of the normalised words
    // (None for a text without words), and the MinHash signature of a text of two shingles or
    // more.
    let prints: Vec<(Option<u128>, Option<[u32; HASHES]>)> = texts
        .par_iter()
        .map(|t| {
            let words = word_hashes(t);
            let mut exact = Xxh3::new();
            for w in &words {
                exact.update(&w.to_le_bytes());
            }
            let shingles = shingles_of(&words, k);
            (
                (!words.is_empty()).then(|| exact.digest128()),
                (shingles.len() >= 2).then(|| signature(&shingles)),
            )
        })
        .collect();
    // Exact: one representative per distinct normalised text goes on to the near pass.
    let mut first_of: BTreeMap<u128, usize> = BTreeMap::new();
    let mut reps = Vec::new();
    for (i, (h, _)) in prints.iter().enumerate() {
        let Some(h) = h else { continue };
        match first_of.get(h) {
            Some(&f) => uf.union(f, i),
            None => {
                first_of.insert(*h, i);
                reps.push(i);
            }
        }
    }
    // Near: texts with at least k words, banded signatures, confirmed by true Jaccard.
    let mut buckets: Vec<(u64, u32)> = Vec::new();
    for (r, &i) in reps.iter().enumerate() {
        let Some(sig) = &prints[i].1 else { continue };
        for b in 0..bands.bands {
            let rows = &sig[b * bands.rows..(b + 1) * bands.rows];
            let mut bytes = Vec::with_capacity(4 * rows.len() + 1);
            bytes.push(b as u8);
            for v in rows {
                bytes.extend_from_slice(&v.to_le_bytes());
            }
            buckets.push((xxh3_64(&bytes), r as u32));
        }
    }
    drop(prints);
    buckets.par_sort_unstable();
    let mut candidates: Vec<(u32, u32)> = Vec::new();
    for run in buckets.chunk_by(|a, b| a.0 == b.0) {
        // A huge bucket is text shared by many (a boilerplate paragraph): chain its members
        // to the first instead of comparing every pair, which keeps the pass sub-quadratic.
        if run.len() <= 8 {
            for (x, a) in run.iter().enumerate() {
                for b in &run[x + 1..] {
                    candidates.push((a.1.min(b.1), a.1.max(b.1)));
                }
            }
        } else {
            let first = run[0].1;
            for w in &run[1..] {
                candidates.push((first.min(w.1), first.max(w.1)));
            }
        }
    }
    candidates.par_sort_unstable();
    candidates.dedup();
    let confirmed: Vec<(usize, usize)> = candidates
        .par_iter()
        .filter(|&&(a, b)| a != b)
        .map(|&(a, b)| (reps[a as usize], reps[b as usize]))
        .filter(|&(a, b)| jaccard(texts[a], texts[b], k) >= threshold)
        .collect();
    for (a, b) in confirmed {
        uf.union(a, b);
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The central bank raised its key interest rate by half a percentage point on Thursday, \
        the largest increase in two decades, as it tries to contain inflation that has reached a forty-year high \
        and shows few signs of easing before the end of the year according to most economists.";

    #[test]
    fn exact_and_near_copies_group_unrelated_do_not() {
        let near = STORY.replace("Thursday", "Wednesday");
        let upper = STORY.to_uppercase();
        let texts = [
            STORY,
            "Completely different text about football results and the weekend matches in the league.",
            &upper,
            &near,
        ];
        let groups = find_groups(&texts, 5, 0.8, Bands::ARTICLE);
        assert_eq!(groups, vec![vec![0, 2, 3]]);
    }

    #[test]
    fn threshold_is_respected() {
        let longer = format!("{STORY} Markets barely moved after the announcement.");
        let texts = vec![STORY, longer.as_str()];
        let sim = jaccard(texts[0], texts[1], 5);
        assert!(sim > 0.8 && sim < 0.95, "{sim}");
        assert_eq!(find_groups(&texts, 5, 0.8, Bands::ARTICLE), vec![vec![0, 1]]);
        assert!(find_groups(&texts, 5, 0.95, Bands::ARTICLE).is_empty());
    }

    #[test]
    fn signatures_agree_about_as_often_as_shingle_sets_overlap() {
        let agree = |a: &str, b: &str| {
            let (x, y) = (signature(&shingles(a, 5)), signature(&shingles(b, 5)));
            x.iter().zip(&y).filter(|(p, q)| p == q).count() as f64 / HASHES as f64
        };
        let near = STORY.replace("Thursday", "Wednesday");
        let sim = jaccard(STORY, &near, 5);
        assert!((agree(STORY, &near) - sim).abs() < 0.15, "{} vs {sim}", agree(STORY, &near));
        assert!(
            agree(STORY, "Completely different text about football results and the weekend matches.") < 0.1
        );
        // A text of two shingles fills every bin.
        assert!(signature(&shingles("one two three four five six", 5)).iter().all(|&v| v != u32::MAX));
    }

    #[test]
    fn jaccard_bounds() {
        assert_eq!(jaccard(STORY, STORY, 5), 1.0);
        assert_eq!(jaccard("", "", 5), 1.0);
        assert_eq!(jaccard("a b c d e f", "g h i j k l", 5), 0.0);
    }
}
