import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { useBackend } from '../../test-support/tf.ts';
import { mulberry32 } from '../../shared/rng.ts';
import type { Products } from './products.ts';
import { nativeProducts, productsFor, xnnpackProducts } from './products.ts';

/** Values and gradients of sum(product · probe), a loss that weighs every output differently. */
async function valueAndGrads(products: Products, kind: 'input' | 'plain' | 'perRun', data: Record<string, Float32Array>) {
  const shapes = {
    input: { a: [5, 7], b: [7, 3], out: [5, 3] },
    plain: { a: [5, 7], b: [7, 3], out: [5, 3] },
    perRun: { a: [2, 5, 7], b: [2, 7, 3], out: [2, 5, 3] },
  }[kind];
  const result = tf.tidy(() => {
    const a = tf.tensor(
      data.a.subarray(
        0,
        shapes.a.reduce((p, q) => p * q),
      ),
      shapes.a,
    );
    const b = tf.tensor(
      data.b.subarray(
        0,
        shapes.b.reduce((p, q) => p * q),
      ),
      shapes.b,
    );
    const probe = tf.tensor(
      data.probe.subarray(
        0,
        shapes.out.reduce((p, q) => p * q),
      ),
      shapes.out,
    );
    const product = (a: tf.Tensor, b: tf.Tensor) =>
      kind === 'input'
        ? products.input(a as tf.Tensor2D, b as tf.Tensor2D)
        : kind === 'plain'
          ? products.plain(a as tf.Tensor2D, b as tf.Tensor2D)
          : products.perRun(a as tf.Tensor3D, b as tf.Tensor3D);
    const f = (a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(product(a, b), probe));
    // The input product takes no gradient for its left operand, as in the network.
    const { value, grads } = kind === 'input' ? tf.valueAndGrads((b: tf.Tensor) => f(a, b))([b]) : tf.valueAndGrads(f)([a, b]);
    return [tf.reshape(product(a, b), [-1]), tf.reshape(value, [1]), ...grads.map((g) => tf.reshape(g, [-1]))];
  });
  const out = await Promise.all(result.map(async (t) => Array.from(await t.data())));
  tf.dispose(result);
  return out;
}

function randomData(seed: number): Record<string, Float32Array> {
  const rng = mulberry32(seed);
  const fill = () => Float32Array.from({ length: 70 }, () => rng.next() * 2 - 1);
  return { a: fill(), b: fill(), probe: fill() };
}

describe('matrix products', () => {
  it("wasm gets the XNNPACK-friendly forms; WebGL and cpu keep tfjs's own", () => {
    expect(productsFor('wasm')).toBe(xnnpackProducts);
    expect(productsFor('webgl')).toBe(nativeProducts);
    expect(productsFor('cpu')).toBe(nativeProducts);
  });

  for (const kind of ['input', 'plain', 'perRun'] as const) {
    it(`${kind}: the explicit-transpose form gives tfjs's values and gradients bit for bit on cpu`, async () => {
      await useBackend('cpu');
      const data = randomData(7);
      const native = await valueAndGrads(nativeProducts, kind, data);
      const xnn = await valueAndGrads(xnnpackProducts, kind, data);
      expect(xnn).toEqual(native);
      // A gradient that is all zeros would pass the comparison for nothing.
      expect(native[2].some((g) => g !== 0)).toBe(true);
    });

    it(`${kind}: on wasm it agrees with cpu to float tolerance`, async () => {
      const data = randomData(8);
      await useBackend('cpu');
      const cpu = await valueAndGrads(nativeProducts, kind, data);
      await useBackend('wasm');
      const wasm = await valueAndGrads(productsFor('wasm'), kind, data);
      expect(wasm.length).toBe(cpu.length);
      wasm.forEach((part, i) => part.forEach((v, k) => expect(v).toBeCloseTo(cpu[i][k], 4)));
    });
  }
});
