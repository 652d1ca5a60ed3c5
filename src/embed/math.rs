//! The exponential and the error function in plain f32 arithmetic, without branches, so that
//! the encoder's loops over them vectorise (`libm`'s, one value at a time, took a third of the
//! model's time). Like the matrix products (`gemm`), they use only additions, multiplications,
//! divisions and exact roundings in an order the code fixes, with no fused multiply-add, so a
//! value is the same on any CPU whatever the vector width.
//!
//! `exp` is Cephes' `expf` (range reduction by ln 2 in two parts, a polynomial of degree 5
//! on [-ln 2 / 2, ln 2 / 2]; within 2 units in the last place of `libm` over the encoder's
//! range); `erf` is the Chebyshev fit of `erfc` in Numerical Recipes (fractional error below
//! 1.2e-7; within 4e-7 of `libm` in f32), through `exp`.

/// Adding this rounds an f32 of magnitude below 2²² to an integer (to nearest, ties to even),
/// exactly, and leaves that integer in the low bits of the sum's representation.
const ROUNDER: f32 = 12_582_912.0; // 1.5 · 2²³

/// eˣ, for `x` clamped to [-87, 88] (e⁻⁸⁷ is about 1.6e-38, the smallest normal magnitude's
/// neighbour; the encoder never needs more).
#[inline(always)]
pub(crate) fn exp(x: f32) -> f32 {
    const LOG2_E: f32 = std::f32::consts::LOG2_E;
    // ln 2 in two parts, the first exact in few bits, so that n · C1 is exact.
    const C1: f32 = 0.693_359_4;
    const C2: f32 = -2.121_944_4e-4;
    let x = x.clamp(-87.0, 88.0);
    let rounded = x * LOG2_E + ROUNDER;
    let n = rounded - ROUNDER;
    let r = x - n * C1 - n * C2;
    let p = ((((1.987_569_1e-4 * r + 1.398_2e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2) * r
        + 1.666_666_5e-1)
        * r
        + 0.5;
    let y = p * (r * r) + r + 1.0;
    // 2ⁿ from its exponent bits: n is the low bits of `rounded`.
    let n = (rounded.to_bits() as i32).wrapping_sub(ROUNDER.to_bits() as i32);
    y * f32::from_bits(((n + 127) << 23) as u32)
}

/// The error function.
#[inline(always)]
pub(crate) fn erf(x: f32) -> f32 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -1.265_512_2
        + t * (1.000_023_7
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_204
                                + t * (1.488_515_9 + t * (-0.822_152_2 + t * 0.170_872_77))))))));
    let erfc = t * exp(-z * z + poly);
    (1.0 - erfc).copysign(x)
}

/// `f` applied to every value of `xs`, the loop compiled for the widest vector registers the
/// CPU has (chosen when the program runs, as in `gemm`): each value's result is the same at
/// any width.
#[inline(always)]
pub(crate) fn map_in_place(xs: &mut [f32], f: impl Fn(f32) -> f32 + Copy) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") {
            // SAFETY: the CPU has AVX-512F, checked just above.
            return unsafe { map_avx512(xs, f) };
        }
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU has AVX2, checked just above.
            return unsafe { map_avx2(xs, f) };
        }
    }
    xs.iter_mut().for_each(|x| *x = f(*x));
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
unsafe fn map_avx512(xs: &mut [f32], f: impl Fn(f32) -> f32 + Copy) {
    xs.iter_mut().for_each(|x| *x = f(*x));
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn map_avx2(xs: &mut [f32], f: impl Fn(f32) -> f32 + Copy) {
    xs.iter_mut().for_each(|x| *x = f(*x));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_and_erf_agree_with_libm_over_the_encoders_range() {
        let mut worst_exp = 0.0f64;
        let mut worst_erf = 0.0f64;
        for i in -800_000..=200_000 {
            let x = i as f32 * 1e-4;
            let (got, want) = (f64::from(exp(x)), f64::from(libm::expf(x)));
            worst_exp = worst_exp.max((got - want).abs() / want);
            let (got, want) = (f64::from(erf(x)), f64::from(libm::erff(x)));
            worst_erf = worst_erf.max((got - want).abs());
        }
        assert!(worst_exp < 3e-7, "exp: relative error {worst_exp}");
        assert!(worst_erf < 4e-7, "erf: absolute error {worst_erf}");
        assert_eq!(exp(0.0), 1.0);
        assert!(erf(0.0).abs() < 2e-7 && erf(1e-3) > erf(0.0));
        assert!(exp(-1000.0) > 0.0 && exp(-1000.0) < 1e-37 && exp(1000.0).is_finite());
        assert_eq!((erf(10.0), erf(-10.0)), (1.0, -1.0));
    }

    #[test]
    fn every_vector_width_gives_the_same_bits() {
        let xs: Vec<f32> = (-40_000..40_000).map(|i| i as f32 * 2.7e-4).collect();
        let one_at_a_time: Vec<u32> = xs.iter().map(|&x| erf(x).to_bits() ^ exp(x).to_bits()).collect();
        let mut erfs = xs.clone();
        map_in_place(&mut erfs, erf);
        let mut exps = xs.clone();
        map_in_place(&mut exps, exp);
        let mapped: Vec<u32> = erfs.iter().zip(&exps).map(|(e, x)| e.to_bits() ^ x.to_bits()).collect();
        assert!(mapped == one_at_a_time);
    }
}
