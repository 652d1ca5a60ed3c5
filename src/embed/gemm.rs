//! The encoder's matrix products, in plain Rust and in one fixed order of operations.
//!
//! Why not `matrixmultiply` or a BLAS: they choose their kernel when the program runs (SSE2,
//! AVX, FMA, AVX-512), and a fused multiply-add rounds once where a multiply then an add
//! rounds twice, so one sentence's vector differed in its last bits from one CPU to another.
//! A briefing must be the same on any machine. Here every sum runs in an order the code fixes,
//! with no fused operations (Rust never fuses them on its own), so the result is the same on
//! every CPU; the compiler still vectorises the loops over independent columns.

/// Columns of `b` that every row block goes through before the next ones: a panel of `k` rows
/// by 64 columns (96 KiB for `k` = 384) stays in the second-level cache while all the rows of
/// `a` pass.
const PANEL: usize = 64;

/// `c = a b` for `a` of `m` rows of `k` (row `i` at `a[i * lda..]`), `b` of `k` rows of `n`
/// (row `r` at `b[r * ldb..]`) and `c` of `m` rows of `n` (row `i` at `c[i * ldc..]`). Each
/// output is the sum over `r` in ascending order of `a[i][r] * b[r][j]`, whatever the CPU:
/// wider vector registers (AVX2, AVX-512, chosen when the program runs) only work out more
/// outputs at once, each in that same order and with no fused multiply-add.
#[allow(clippy::too_many_arguments)]
pub(crate) fn matmul(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
) {
    if m == 0 || n == 0 {
        return;
    }
    assert!((m - 1) * lda + k <= a.len());
    assert!(k == 0 || (k - 1) * ldb + n <= b.len());
    assert!((m - 1) * ldc + n <= c.len());
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") {
            // SAFETY: the CPU has AVX-512F, checked just above.
            return unsafe { matmul_avx512(m, k, n, a, lda, b, ldb, c, ldc) };
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { matmul_avx2(m, k, n, a, lda, b, ldb, c, ldc) };
        }
    }
    blocks::<4, 8>(m, k, n, a, lda, b, ldb, c, ldc);
}

/// A wrapper that compiles [`blocks`] of `$rows` rows and `$columns` columns for the
/// instruction set `$feature`, whose registers hold that many sums: AVX-512's 32 registers
/// hold 8 rows of 32 columns (16 registers) with room for a row of `b`, AVX2's 16 hold 4 rows
/// of 16. The instruction sets allow fused multiply-adds only where the code asks for them,
/// and it does not.
macro_rules! compiled_for {
    ($name:ident, $feature:literal, $rows:literal, $columns:literal) => {
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = $feature)]
        #[allow(clippy::too_many_arguments)]
        unsafe fn $name(
            m: usize,
            k: usize,
            n: usize,
            a: &[f32],
            lda: usize,
            b: &[f32],
            ldb: usize,
            c: &mut [f32],
            ldc: usize,
        ) {
            blocks::<$rows, $columns>(m, k, n, a, lda, b, ldb, c, ldc);
        }
    };
}

compiled_for!(matmul_avx512, "avx512f", 8, 32);
compiled_for!(matmul_avx2, "avx2", 4, 16);

/// [`matmul`] by blocks of `R` rows and `C` columns, whose sums stay in registers while the
/// shared dimension runs: each value of `b` read serves `R` rows. How the outputs are blocked
/// does not change any output's sum, which runs over the shared dimension in order.
#[inline(always)]
#[allow(clippy::too_many_arguments)]
fn blocks<const R: usize, const C: usize>(
    m: usize,
    k: usize,
    n: usize,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
) {
    for p0 in (0..n).step_by(PANEL) {
        let p1 = (p0 + PANEL).min(n);
        for i0 in (0..m).step_by(R) {
            // A block's last rows repeat the matrix's last row when `m` is not a multiple of
            // `R`: their sums are worked out and dropped.
            let rows: [&[f32]; R] = std::array::from_fn(|x| {
                let i = (i0 + x).min(m - 1);
                &a[i * lda..i * lda + k]
            });
            let live = R.min(m - i0);
            let mut j0 = p0;
            while j0 + C <= p1 {
                let mut sums = [[0.0f32; C]; R];
                for (r, b_row) in b[j0..].chunks(ldb).take(k).enumerate() {
                    let b_row: &[f32; C] = b_row[..C].try_into().expect("C wide");
                    for (sum, row) in sums.iter_mut().zip(&rows) {
                        let a_ir = row[r];
                        for l in 0..C {
                            sum[l] += a_ir * b_row[l];
                        }
                    }
                }
                for (x, sum) in sums.iter().enumerate().take(live) {
                    c[(i0 + x) * ldc + j0..][..C].copy_from_slice(sum);
                }
                j0 += C;
            }
            // The columns left over, one at a time, in the same order.
            for j in j0..p1 {
                for (x, row) in rows.iter().enumerate().take(live) {
                    let mut s = 0.0f32;
                    for (r, &a_ir) in row.iter().enumerate() {
                        s += a_ir * b[r * ldb + j];
                    }
                    c[(i0 + x) * ldc + j] = s;
                }
            }
        }
    }
}

/// Lanes of a dot product: eight partial sums, added up in a fixed order at the end, so that
/// the loop vectorises and its result does not depend on how.
const LANES: usize = 8;

/// `c = scale · a bᵀ` for `a` of `m` rows and `b` of `n` rows, each row `k` long (row `i` of
/// `a` at `a[i * lda..]`, of `b` at `b[i * ldb..]`), `c` of `m` rows of `n` (row `i` at
/// `c[i * ldc..]`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn matmul_transposed(
    m: usize,
    k: usize,
    n: usize,
    scale: f32,
    a: &[f32],
    lda: usize,
    b: &[f32],
    ldb: usize,
    c: &mut [f32],
    ldc: usize,
) {
    assert!(m == 0 || (m - 1) * lda + k <= a.len());
    assert!(n == 0 || (n - 1) * ldb + k <= b.len());
    assert!(m == 0 || (m - 1) * ldc + n <= c.len());
    for i in 0..m {
        let a_row = &a[i * lda..i * lda + k];
        for j in 0..n {
            c[i * ldc + j] = scale * dot(a_row, &b[j * ldb..j * ldb + k]);
        }
    }
}

/// The dot product of two rows of one length, in [`LANES`] partial sums.
pub(crate) fn dot(x: &[f32], y: &[f32]) -> f32 {
    let mut lanes = [0.0f32; LANES];
    let (xs, x_rest) = x.split_at(x.len() / LANES * LANES);
    let (ys, y_rest) = y.split_at(xs.len());
    for (xc, yc) in xs.chunks_exact(LANES).zip(ys.chunks_exact(LANES)) {
        for l in 0..LANES {
            lanes[l] += xc[l] * yc[l];
        }
    }
    let mut sum = x_rest.iter().zip(y_rest).fold(0.0f32, |s, (a, b)| s + a * b);
    for l in lanes {
        sum += l;
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook triple loop, in f64.
    fn reference(m: usize, k: usize, n: usize, a: &[f32], b: &[f32]) -> Vec<f64> {
        let mut c = vec![0.0; m * n];
        for i in 0..m {
            for j in 0..n {
                c[i * n + j] = (0..k).map(|r| f64::from(a[i * k + r]) * f64::from(b[r * n + j])).sum();
            }
        }
        c
    }

    /// Reproducible values in [-1, 1).
    fn values(count: usize, seed: u32) -> Vec<f32> {
        let mut x = seed;
        (0..count)
            .map(|_| {
                x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                (x >> 8) as f32 / (1u32 << 23) as f32 - 1.0
            })
            .collect()
    }

    #[test]
    fn products_match_the_textbook_loop_for_odd_sizes() {
        // Sizes that leave partial row blocks, column blocks and lanes.
        let (m, k, n) = (7, 37, 301);
        let (a, b) = (values(m * k, 1), values(k * n, 2));
        let want = reference(m, k, n, &a, &b);
        let mut c = vec![0.0; m * n];
        matmul(m, k, n, &a, k, &b, n, &mut c, n);
        for (got, want) in c.iter().zip(&want) {
            assert!((f64::from(*got) - want).abs() < 1e-4, "{got} against {want}");
        }
        // a bᵀ, with b given as its transpose.
        let mut bt = vec![0.0; n * k];
        for r in 0..k {
            for j in 0..n {
                bt[j * k + r] = b[r * n + j];
            }
        }
        let mut c2 = vec![0.0; m * n];
        matmul_transposed(m, k, n, 0.5, &a, k, &bt, k, &mut c2, n);
        for (got, want) in c2.iter().zip(&want) {
            assert!((f64::from(*got) - 0.5 * want).abs() < 1e-4, "{got} against {}", 0.5 * want);
        }
    }

    #[test]
    fn every_vector_width_gives_the_same_bits() {
        let (m, k, n) = (6, 384, 200);
        let (a, b) = (values(m * k, 5), values(k * n, 6));
        type Product = fn(usize, usize, usize, &[f32], usize, &[f32], usize, &mut [f32], usize);
        let run = |f: Product| {
            let mut c = vec![0.0; m * n];
            f(m, k, n, &a, k, &b, n, &mut c, n);
            c
        };
        let narrow = run(blocks::<4, 8>);
        assert_eq!(run(blocks::<4, 16>), narrow);
        assert_eq!(run(blocks::<4, 32>), narrow);
        assert_eq!(run(blocks::<8, 32>), narrow);
        assert_eq!(run(blocks::<3, 8>), narrow);
        assert_eq!(run(matmul), narrow);
    }

    #[test]
    fn a_row_does_not_depend_on_the_rows_beside_it() {
        let (m, k, n) = (9, 64, 40);
        let (a, b) = (values(m * k, 3), values(k * n, 4));
        let mut all = vec![0.0; m * n];
        matmul(m, k, n, &a, k, &b, n, &mut all, n);
        for i in 0..m {
            let mut one = vec![0.0; n];
            matmul(1, k, n, &a[i * k..], k, &b, n, &mut one, n);
            assert_eq!(one, all[i * n..(i + 1) * n], "row {i}");
        }
    }
}
