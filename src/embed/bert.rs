//! The BERT encoder of all-MiniLM-L6-v2 (6 layers, 384 wide, 12 heads, 1,536-wide feed
//! forward), in f32, then mean-pooled: a batch's sentences share each dense layer's matrix
//! product, and attend each within itself.
//!
//! Our own forward pass over our own matrix products (`gemm`) rather than a framework (candle,
//! rten): attention within each sentence needs no padding or attention mask, so the code is the
//! textbook encoder in about 300 lines; every sum runs in an order the code fixes, with no
//! fused multiply-add and our own exponential and error function (`math`) rather than the
//! platform's, so a vector is the same on any CPU, with any thread count, batched or alone; and the weights load
//! straight from the per-row int8 file that `scripts/quantize_model.py` writes, where candle
//! needs its own VarBuilder and rten an ONNX export made with torch.

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use safetensors::{Dtype, SafeTensors};

use super::{gemm, math};

/// Width of the hidden states.
pub(crate) const HIDDEN: usize = 384;
const HEADS: usize = 12;
const HEAD: usize = HIDDEN / HEADS;
const FFN: usize = 1536;
const LAYERS: usize = 6;
const LAYER_NORM_EPS: f32 = 1e-12;
/// Positions the weights hold (the model is used on at most 256 tokens).
pub(crate) const MAX_TOKENS: usize = 256;

/// A dense layer: `y = x Wᵀ + b`, `Wᵀ` kept as `inp` rows of `out` columns, row-major, so that
/// the matrix product reads it in order.
struct Linear {
    w: Vec<f32>,
    b: Vec<f32>,
    inp: usize,
    out: usize,
}

struct LayerNorm {
    gamma: Vec<f32>,
    beta: Vec<f32>,
}

struct Layer {
    query: Linear,
    key: Linear,
    value: Linear,
    attn_out: Linear,
    attn_norm: LayerNorm,
    up: Linear,
    down: Linear,
    out_norm: LayerNorm,
}

/// An int8 matrix as the file holds it: rows of `cols` values and a scale per row. The
/// word-piece embeddings stay so: a batch reads a few hundred of their 30,522 rows, each
/// dequantised when read, to the same f32 that dequantising the whole table at load gives
/// (which took half the load time and 47 MB). The dense layers are dequantised whole
/// ([`matrix`]).
struct Quantised {
    values: Vec<i8>,
    scales: Vec<f32>,
    cols: usize,
}

impl Quantised {
    /// Reads `name.q` (int8, rows of `cols`) and `name.scale`.
    fn read(st: &SafeTensors<'_>, name: &str, cols: usize) -> Result<Quantised> {
        let q =
            st.tensor(&format!("{name}.q")).with_context(|| format!("the model has no tensor {name}.q"))?;
        let rows = q.shape().first().copied().unwrap_or(0);
        if q.dtype() != Dtype::I8 || q.shape() != [rows, cols] {
            bail!("tensor {name}.q: expected int8 rows of {cols}");
        }
        let scales = vector(st, &format!("{name}.scale"), rows)?;
        Ok(Quantised { values: q.data().iter().map(|&b| b as i8).collect(), scales, cols })
    }

    /// Rows held.
    fn len(&self) -> usize {
        self.scales.len()
    }

    /// Row `id`, in f32.
    fn row(&self, id: usize) -> impl Iterator<Item = f32> + '_ {
        let s = self.scales[id];
        self.values[id * self.cols..][..self.cols].iter().map(move |&v| f32::from(v) * s)
    }
}

/// The encoder's weights, in f32 but for the word-piece embeddings.
pub(crate) struct Bert {
    words: Quantised,
    positions: Vec<f32>,
    token_type: Vec<f32>,
    embed_norm: LayerNorm,
    layers: Vec<Layer>,
}

/// Reads the f32 tensor `name`, checking its length.
fn vector(st: &SafeTensors<'_>, name: &str, len: usize) -> Result<Vec<f32>> {
    let t = st.tensor(name).with_context(|| format!("the model has no tensor {name}"))?;
    if t.dtype() != Dtype::F32 || t.data().len() != 4 * len {
        bail!("tensor {name}: expected {len} f32 values");
    }
    Ok(t.data().chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
}

/// Reads the int8 matrix `name.q` of `rows` × `cols` and its per-row scales, in f32.
fn matrix(st: &SafeTensors<'_>, name: &str, rows: usize, cols: usize) -> Result<Vec<f32>> {
    let q = Quantised::read(st, name, cols)?;
    if q.len() != rows {
        bail!("tensor {name}.q: expected int8 of {rows} × {cols}");
    }
    Ok((0..rows).flat_map(|r| q.row(r)).collect())
}

fn linear(st: &SafeTensors<'_>, name: &str, inp: usize, out: usize) -> Result<Linear> {
    let w = matrix(st, &format!("{name}.weight"), out, inp)?;
    let mut wt = vec![0.0f32; w.len()];
    for (o, row) in w.chunks_exact(inp).enumerate() {
        for (i, &v) in row.iter().enumerate() {
            wt[i * out + o] = v;
        }
    }
    Ok(Linear { w: wt, b: vector(st, &format!("{name}.bias"), out)?, inp, out })
}

fn layer_norm(st: &SafeTensors<'_>, name: &str) -> Result<LayerNorm> {
    Ok(LayerNorm {
        gamma: vector(st, &format!("{name}.weight"), HIDDEN)?,
        beta: vector(st, &format!("{name}.bias"), HIDDEN)?,
    })
}

impl Bert {
    /// Loads the weights from the bytes of a safetensors file.
    pub(crate) fn load(bytes: &[u8]) -> Result<Bert> {
        let st = SafeTensors::deserialize(bytes).context("the model file is no safetensors file")?;
        // The layers dequantise in parallel: loading is a fixed cost of every run that embeds.
        let layers = (0..LAYERS)
            .into_par_iter()
            .map(|i| {
                let p = format!("encoder.layer.{i}");
                Ok(Layer {
                    query: linear(&st, &format!("{p}.attention.self.query"), HIDDEN, HIDDEN)?,
                    key: linear(&st, &format!("{p}.attention.self.key"), HIDDEN, HIDDEN)?,
                    value: linear(&st, &format!("{p}.attention.self.value"), HIDDEN, HIDDEN)?,
                    attn_out: linear(&st, &format!("{p}.attention.output.dense"), HIDDEN, HIDDEN)?,
                    attn_norm: layer_norm(&st, &format!("{p}.attention.output.LayerNorm"))?,
                    up: linear(&st, &format!("{p}.intermediate.dense"), HIDDEN, FFN)?,
                    down: linear(&st, &format!("{p}.output.dense"), FFN, HIDDEN)?,
                    out_norm: layer_norm(&st, &format!("{p}.output.LayerNorm"))?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        // Every sentence is segment 0.
        let token_types = matrix(&st, "embeddings.token_type_embeddings.weight", 2, HIDDEN)?;
        Ok(Bert {
            words: Quantised::read(&st, "embeddings.word_embeddings.weight", HIDDEN)?,
            positions: matrix(&st, "embeddings.position_embeddings.weight", MAX_TOKENS, HIDDEN)?,
            token_type: token_types[..HIDDEN].to_vec(),
            embed_norm: layer_norm(&st, "embeddings.LayerNorm")?,
            layers,
        })
    }

    /// For each sentence of `batch` (word-piece ids, at most [`MAX_TOKENS`] each, `[CLS]` and
    /// `[SEP]` included), the mean of its last hidden states, not normalised. The sentences'
    /// rows go through each dense layer together, which is where the time goes; attention
    /// stays within each sentence, so no padding or mask is needed.
    pub(crate) fn pooled(&self, batch: &[Vec<u32>]) -> Vec<Vec<f32>> {
        let lens: Vec<usize> = batch.iter().map(|ids| ids.len().min(MAX_TOKENS)).collect();
        let rows: usize = lens.iter().sum();
        let mut x = vec![0.0f32; rows * HIDDEN];
        let mut at = 0;
        for (ids, &t) in batch.iter().zip(&lens) {
            for (i, &id) in ids[..t].iter().enumerate() {
                let id = (id as usize).min(self.words.len().saturating_sub(1));
                let pos = &self.positions[i * HIDDEN..][..HIDDEN];
                let row = &mut x[(at + i) * HIDDEN..][..HIDDEN];
                for (d, word) in self.words.row(id).enumerate() {
                    row[d] = word + pos[d] + self.token_type[d];
                }
            }
            at += t;
        }
        normalise_rows(&mut x, &self.embed_norm);
        let mut s = Scratch::new(rows, lens.iter().copied().max().unwrap_or(0));
        for layer in &self.layers {
            layer.run(&mut x, &mut s, &lens);
        }
        let mut at = 0;
        lens.iter()
            .map(|&t| {
                let mut pooled = vec![0.0f32; HIDDEN];
                for row in x[at * HIDDEN..(at + t) * HIDDEN].chunks_exact(HIDDEN) {
                    for (p, v) in pooled.iter_mut().zip(row) {
                        *p += v;
                    }
                }
                at += t;
                pooled.iter_mut().for_each(|p| *p /= t.max(1) as f32);
                pooled
            })
            .collect()
    }
}

/// Buffers for one batch, reused by every layer.
struct Scratch {
    q: Vec<f32>,
    k: Vec<f32>,
    v: Vec<f32>,
    scores: Vec<f32>,
    ctx: Vec<f32>,
    proj: Vec<f32>,
    up: Vec<f32>,
}

impl Scratch {
    fn new(rows: usize, longest: usize) -> Scratch {
        let h = vec![0.0; rows * HIDDEN];
        Scratch {
            q: h.clone(),
            k: h.clone(),
            v: h.clone(),
            scores: vec![0.0; longest * longest],
            ctx: h.clone(),
            proj: h,
            up: vec![0.0; rows * FFN],
        }
    }
}

impl Layer {
    /// One encoder layer over the rows of sentences of lengths `lens`, one after another.
    fn run(&self, x: &mut [f32], s: &mut Scratch, lens: &[usize]) {
        let rows: usize = lens.iter().sum();
        self.query.apply(x, &mut s.q, rows);
        self.key.apply(x, &mut s.k, rows);
        self.value.apply(x, &mut s.v, rows);
        let mut first = 0;
        for &t in lens {
            s.attend(first, t);
            first += t;
        }
        self.attn_out.apply(&s.ctx, &mut s.proj, rows);
        add_and_normalise(x, &s.proj, &self.attn_norm);
        self.up.apply(x, &mut s.up, rows);
        math::map_in_place(&mut s.up, gelu);
        self.down.apply(&s.up, &mut s.proj, rows);
        add_and_normalise(x, &s.proj, &self.out_norm);
    }
}

impl Scratch {
    /// Self-attention of the sentence whose `t` rows start at row `first`: each head's context
    /// into its columns of `ctx`.
    fn attend(&mut self, first: usize, t: usize) {
        let scale = 1.0 / (HEAD as f32).sqrt();
        let base = first * HIDDEN;
        let s = self;
        assert!(base + t * HIDDEN <= s.q.len() && t * t <= s.scores.len());
        for h in 0..HEADS {
            let at = base + h * HEAD;
            // scores = Q_h K_hᵀ / √d, each head a column slice of Q and K.
            gemm::matmul_transposed(
                t,
                HEAD,
                t,
                scale,
                &s.q[at..],
                HIDDEN,
                &s.k[at..],
                HIDDEN,
                &mut s.scores,
                t,
            );
            for row in s.scores[..t * t].chunks_exact_mut(t) {
                softmax(row);
            }
            // ctx_h = softmax(scores) V_h, written into the head's columns of ctx.
            gemm::matmul(t, t, HEAD, &s.scores, t, &s.v[at..], HIDDEN, &mut s.ctx[at..], HIDDEN);
        }
    }
}

impl Linear {
    /// `out = x Wᵀ + b` for `t` rows of `x`.
    fn apply(&self, x: &[f32], out: &mut [f32], t: usize) {
        assert!(x.len() >= t * self.inp && out.len() >= t * self.out);
        gemm::matmul(t, self.inp, self.out, x, self.inp, &self.w, self.out, out, self.out);
        for row in out[..t * self.out].chunks_exact_mut(self.out) {
            for (v, b) in row.iter_mut().zip(&self.b) {
                *v += b;
            }
        }
    }
}

fn softmax(row: &mut [f32]) {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    math::map_in_place(row, |v| math::exp(v - max));
    // Summed in order, apart from the loop that vectorises.
    let mut sum = 0.0;
    for v in row.iter() {
        sum += *v;
    }
    row.iter_mut().for_each(|v| *v /= sum);
}

/// GELU as BERT has it, with the error function (not the tanh approximation).
#[inline(always)]
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + math::erf(x / std::f32::consts::SQRT_2))
}

fn add_and_normalise(x: &mut [f32], residual: &[f32], norm: &LayerNorm) {
    for (v, r) in x.iter_mut().zip(residual) {
        *v += r;
    }
    normalise_rows(x, norm);
}

fn normalise_rows(x: &mut [f32], norm: &LayerNorm) {
    for row in x.chunks_exact_mut(HIDDEN) {
        let mean = row.iter().sum::<f32>() / HIDDEN as f32;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / HIDDEN as f32;
        let inv = 1.0 / (var + LAYER_NORM_EPS).sqrt();
        for ((v, g), b) in row.iter_mut().zip(&norm.gamma).zip(&norm.beta) {
            *v = (*v - mean) * inv * g + b;
        }
    }
}
