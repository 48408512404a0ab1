/**
 * The matrix products of a training step, written for the backend they run on.
 *
 * tfjs differentiates matMul(a, b) into two transposed products, dy·bᵀ and
 * aᵀ·dy. The WebGL and cpu backends read a transposed operand for free. The
 * wasm backend sends a product to XNNPACK only when it is plain 2-D
 * (no transpose flag, no batch axis); anything else goes to a naive loop,
 * 5-25× slower (measured in Node: a [64,784]ᵀ·[64,128] weight gradient 14 ms
 * against 1 ms; a batched [4,64,128]·[4,128,64] 2.4-3.9 ms against 4 × 0.1).
 * So on wasm every gradient is an explicit transpose (cheap: these operands
 * are small) followed by a plain product, and a race's per-run layers are R
 * plain products instead of one batched one. Elsewhere the explicit
 * transpose would be one more GPU program per product for nothing (≈1 ms a
 * batch on SwiftShader), so tfjs's own gradients are kept.
 *
 * Every form sums the same terms in the same order, so on the cpu backend
 * they agree bit for bit, and a race's run matches the same run alone.
 */
import * as tf from '@tensorflow/tfjs-core';

export interface Products {
  /** x·W for the input layer: x needs no gradient. */
  input(x: tf.Tensor2D, w: tf.Tensor2D): tf.Tensor2D;
  /** a·b with both gradients. */
  plain(a: tf.Tensor2D, b: tf.Tensor2D): tf.Tensor2D;
  /** [R, n, in]·[R, in, out]: one product per run. */
  perRun(a: tf.Tensor3D, b: tf.Tensor3D): tf.Tensor3D;
}

/** The products for the active backend; pick once per engine (the backend does not change under it). */
export function productsFor(backend: string): Products {
  return backend === 'wasm' ? xnnpackProducts : nativeProducts;
}

export const nativeProducts: Products = {
  input: (x, w) => tf.matMul(x, w),
  plain: (a, b) => tf.matMul(a, b),
  perRun: (a, b) => tf.matMul(a, b),
};

export const xnnpackProducts: Products = {
  input: (x, w) =>
    (
      tf.customGrad((w) => ({
        value: tf.matMul(x, w as tf.Tensor2D),
        gradFunc: (dy: tf.Tensor2D) => tf.matMul(tf.transpose(x), dy),
      })) as (w: tf.Tensor2D) => tf.Tensor2D
    )(w),

  plain: (a, b) =>
    (
      tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
        const [a, b, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
        save([a, b]);
        return {
          value: tf.matMul(a, b),
          gradFunc: (dy: tf.Tensor2D, [a, b]: tf.Tensor[]) => [tf.matMul(dy, tf.transpose(b)), tf.matMul(tf.transpose(a), dy)],
        };
      }) as (a: tf.Tensor2D, b: tf.Tensor2D) => tf.Tensor2D
    )(a, b),

  perRun: (a, b) =>
    (
      tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
        const [a, b, save] = args as [tf.Tensor3D, tf.Tensor3D, tf.GradSaveFunc];
        save([a, b]);
        const as = tf.unstack(a) as tf.Tensor2D[];
        const bs = tf.unstack(b) as tf.Tensor2D[];
        return {
          value: tf.stack(as.map((ar, r) => tf.matMul(ar, bs[r]))) as tf.Tensor3D,
          gradFunc: (dy: tf.Tensor3D, [a, b]: tf.Tensor[]) => {
            const dys = tf.unstack(dy) as tf.Tensor2D[];
            const as = tf.unstack(a) as tf.Tensor2D[];
            const bs = tf.unstack(b) as tf.Tensor2D[];
            return [tf.stack(dys.map((d, r) => tf.matMul(d, tf.transpose(bs[r])))), tf.stack(dys.map((d, r) => tf.matMul(tf.transpose(as[r]), d)))];
          },
        };
      }) as (a: tf.Tensor3D, b: tf.Tensor3D) => tf.Tensor3D
    )(a, b),
};
