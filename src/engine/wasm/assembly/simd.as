// Float32 SIMD helpers shared by the kernels. ASC_FEATURE_RELAXED_SIMD is a
// compile-time constant: the relaxed build uses the fused multiply-add, the
// plain build a multiply then an add; the other branch is not emitted.

/** a·b + c, lane by lane (fused, one rounding, where the build has relaxed SIMD). */
// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}
