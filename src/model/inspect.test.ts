import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, INPUT_SCALINGS } from '../shared/network.ts';
import { mulberry32 } from '../shared/rng.ts';
import type { Architecture } from './architecture.ts';
import { initParams } from './init.ts';
import { inspect, logProbsOf } from './inspect.ts';

/** A digit-like input: two thirds of the pixels blank, the rest grey levels in (0, 1). */
function inkImage(seed: number): Float32Array {
  const rng = mulberry32(seed);
  return Float32Array.from({ length: 784 }, () => (rng.next() < 2 / 3 ? 0 : rng.next()));
}

/** Central differences of log p(digit) over every pixel, in doubles. */
function numericGradient(arch: Architecture, params: Float32Array[], pixels: Float32Array, digit: number, eps = 1e-5): Float64Array {
  const x = Float64Array.from(pixels);
  const g = new Float64Array(784);
  for (let i = 0; i < 784; i++) {
    const keep = x[i];
    x[i] = keep + eps;
    const up = logProbsOf(arch, params, x)[digit];
    x[i] = keep - eps;
    const down = logProbsOf(arch, params, x)[digit];
    x[i] = keep;
    g[i] = (up - down) / (2 * eps);
  }
  return g;
}

/** Largest difference between the two gradients, as a share of the largest gradient. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let diff = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    diff = Math.max(diff, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(b[i]));
  }
  return diff / scale;
}

describe('inspect: the saliency is the gradient of log p(digit) with respect to the pixels', () => {
  const cases = ACTIVATIONS.flatMap((activation) => INPUT_SCALINGS.map((inputScaling) => ({ activation, inputScaling })));
  it.each(cases)('matches finite differences: $activation, $inputScaling', ({ activation, inputScaling }) => {
    const arch: Architecture = { sizes: [784, 24, 12, 10], activation, inputScaling };
    // Glorot's larger weights give a network far from uniform, so the gradient is not near 0 everywhere.
    const params = initParams(arch, 'glorot', 5);
    const pixels = inkImage(7);
    const seen = inspect(arch, params, pixels);
    const numeric = numericGradient(arch, params, pixels, seen.digit);
    expect(Math.max(...Array.from(numeric, Math.abs)), 'a gradient worth checking').toBeGreaterThan(1e-3);
    expect(relativeError(seen.saliency, numeric)).toBeLessThan(1e-4);
    // Blank pixels get their gradient too (the forward pass skips them, the way back must not).
    const blank = pixels.indexOf(0);
    expect(seen.saliency[blank]).toBeCloseTo(numeric[blank], 6);
  });

  it('with no hidden layer, the saliency is the difference of output weight columns the softmax weighs', () => {
    const arch: Architecture = { sizes: [784, 10] };
    const params = initParams(arch, 'pytorch', 2);
    const pixels = inkImage(3);
    const seen = inspect(arch, params, pixels);
    expect(seen.layers).toEqual([]);
    expect(relativeError(seen.saliency, numericGradient(arch, params, pixels, seen.digit))).toBeLessThan(1e-4);
  });

  it("gives another digit's gradient when asked, and the predicted digit is the most probable", () => {
    const arch: Architecture = { sizes: [784, 16, 10], activation: 'tanh' };
    const params = initParams(arch, 'glorot', 9);
    const pixels = inkImage(4);
    const seen = inspect(arch, params, pixels);
    expect(seen.digit).toBe(seen.logProbs.indexOf(Math.max(...seen.logProbs)));
    const other = (seen.digit + 3) % 10;
    const asked = inspect(arch, params, pixels, other);
    expect(asked.digit, 'still names the predicted digit').toBe(seen.digit);
    expect(relativeError(asked.saliency, numericGradient(arch, params, pixels, other))).toBeLessThan(1e-4);
    expect(relativeError(asked.saliency, seen.saliency)).toBeGreaterThan(0.1);
  });
});

describe('inspect: the forward pass', () => {
  it('gives log-probabilities that sum to 1 as probabilities, and each hidden layer after its nonlinearity', () => {
    const arch: Architecture = { sizes: [784, 32, 16, 10] };
    const params = initParams(arch, 'pytorch', 1);
    const seen = inspect(arch, params, inkImage(1));
    expect(seen.logProbs.reduce((s, lp) => s + Math.exp(lp), 0)).toBeCloseTo(1, 6);
    expect(seen.layers.map((l) => l.length)).toEqual([32, 16]);
    // ReLU: nothing below 0, and some units silent, some not.
    const first = Array.from(seen.layers[0]);
    expect(Math.min(...first)).toBe(0);
    expect(first.some((v) => v > 0)).toBe(true);
    // Layer 1 by hand: h = max(0, xᵀW₁ + b₁).
    const x = inkImage(1);
    const unit = 5;
    let z = params[1][unit];
    for (let i = 0; i < 784; i++) z += x[i] * params[0][i * 32 + unit];
    expect(seen.layers[0][unit]).toBeCloseTo(Math.max(0, z), 5);
  });

  it('refuses weights or pixels that do not fit the network', () => {
    const arch: Architecture = { sizes: [784, 8, 10] };
    const params = initParams(arch, 'pytorch', 1);
    expect(() => inspect(arch, params.slice(0, 2), inkImage(1))).toThrow(RangeError);
    expect(() => inspect(arch, params, new Float32Array(100))).toThrow(RangeError);
  });
});
