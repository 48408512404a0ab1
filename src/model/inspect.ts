/**
 * One image through the network by hand, forwards and back: what each layer
 * made of it, and which input pixels pushed the predicted digit up or down
 * (the gradient of its log-probability with respect to the 784 pixels).
 *
 * Plain TypeScript over the weights as the engines hand them out (paramShapes
 * order, W [in, out] row-major), not a tfjs graph: it works with whatever
 * engine trained the weights (tfjs today, the SIMD engine that offers no
 * gradients), on weights kept from an earlier epoch without building an
 * engine for them, and it is checked against finite differences in Node.
 * One image of the preset is ~110,000 multiply-adds each way: well under a
 * millisecond. Sums are taken in doubles; the engines use float32, so the
 * log-probabilities agree with theirs to about 1e-5.
 */
import { LEAKY_RELU_SLOPE, MNIST_PIXEL_MEAN, MNIST_PIXEL_STD } from '../shared/network.ts';
import type { Architecture } from './architecture.ts';

export interface Inspection {
  /** The network's log-probabilities of the ten digits, nats. */
  logProbs: Float32Array;
  /** Each hidden layer's activations (after its nonlinearity), input side first; empty with no hidden layer. */
  layers: Float32Array[];
  /** The most probable digit (the first of equals). */
  digit: number;
  /**
   * ∂ log p(digit) / ∂ pixel for each of the 784 pixels in [0, 1] units,
   * row-major 28×28: positive where more ink would raise the digit's
   * probability, negative where it would lower it.
   */
  saliency: Float32Array;
}

type Nonlinearity = { f(z: number): number /** f′ at z, from z and f(z). */; df(z: number, a: number): number };

const NONLINEARITIES: Record<NonNullable<Architecture['activation']>, Nonlinearity> = {
  // At exactly 0 the derivative is taken as 0, as PyTorch and tfjs do.
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
  'leaky-relu': { f: (z) => (z > 0 ? z : LEAKY_RELU_SLOPE * z), df: (z) => (z > 0 ? 1 : LEAKY_RELU_SLOPE) },
  tanh: { f: Math.tanh, df: (_z, a) => 1 - a * a },
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), df: (_z, a) => a * (1 - a) },
};

/** z = aᵀW + b for W [in, out] row-major; rows whose input is 0 (most of a drawing) are skipped. */
function dense(a: ArrayLike<number>, w: Float32Array, b: Float32Array, inputs: number, outputs: number): Float64Array {
  const z = Float64Array.from(b);
  for (let i = 0; i < inputs; i++) {
    const ai = a[i];
    if (ai === 0) continue;
    const row = i * outputs;
    for (let j = 0; j < outputs; j++) z[j] += ai * w[row + j];
  }
  return z;
}

/** W δ: the gradient with respect to a layer's inputs from the one with respect to its outputs. */
function backDense(delta: Float64Array, w: Float32Array, inputs: number, outputs: number): Float64Array {
  const g = new Float64Array(inputs);
  for (let i = 0; i < inputs; i++) {
    const row = i * outputs;
    let s = 0;
    for (let j = 0; j < outputs; j++) s += w[row + j] * delta[j];
    g[i] = s;
  }
  return g;
}

/** Numerically stable log-softmax. */
function logSoftmax(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (const v of z) sum += Math.exp(v - max);
  const lse = max + Math.log(sum);
  return z.map((v) => v - lse);
}

/** The network's pieces for one image, in doubles: input, each hidden layer's z and activation, the log-probabilities. */
interface Forward {
  act: Nonlinearity;
  zs: Float64Array[];
  hs: Float64Array[];
  logProbs: Float64Array;
}

function forward(arch: Architecture, params: readonly Float32Array[], pixels: ArrayLike<number>): Forward {
  const { sizes } = arch;
  const layerCount = sizes.length - 1;
  if (params.length !== 2 * layerCount) throw new RangeError(`expected ${2 * layerCount} weight arrays, got ${params.length}`);
  if (pixels.length !== sizes[0]) throw new RangeError(`expected ${sizes[0]} pixels, got ${pixels.length}`);
  const act = NONLINEARITIES[arch.activation ?? 'relu'];
  const input = arch.inputScaling === 'standardised' ? Float64Array.from(pixels, (p) => (p - MNIST_PIXEL_MEAN) / MNIST_PIXEL_STD) : pixels;
  const zs: Float64Array[] = [];
  const hs: Float64Array[] = [];
  let a: ArrayLike<number> = input;
  for (let l = 0; l < layerCount - 1; l++) {
    const z = dense(a, params[2 * l], params[2 * l + 1], sizes[l], sizes[l + 1]);
    const h = z.map(act.f);
    zs.push(z);
    hs.push(h);
    a = h;
  }
  const last = layerCount - 1;
  return { act, zs, hs, logProbs: logSoftmax(dense(a, params[2 * last], params[2 * last + 1], sizes[last], sizes[layerCount])) };
}

/** The log-probabilities alone, in doubles (what the saliency is the gradient of; the tests difference it). */
export function logProbsOf(arch: Architecture, params: readonly Float32Array[], pixels: ArrayLike<number>): Float64Array {
  return forward(arch, params, pixels).logProbs;
}

/**
 * `pixels`: 784 values in [0, 1] (the drawing after MNIST's preprocessing);
 * `params`: the network's weights in paramShapes order. With `digit` given,
 * the saliency is that digit's instead of the predicted one's.
 */
export function inspect(arch: Architecture, params: readonly Float32Array[], pixels: ArrayLike<number>, digit?: number): Inspection {
  const { sizes } = arch;
  const { act, zs, hs, logProbs } = forward(arch, params, pixels);
  let top = 0;
  for (let k = 1; k < logProbs.length; k++) if (logProbs[k] > logProbs[top]) top = k;
  const target = digit ?? top;

  // ∂ log p(target) / ∂ logits = onehot(target) − softmax; then back through each layer: W δ ⊙ f′(z).
  let delta = logProbs.map((lp, k) => (k === target ? 1 : 0) - Math.exp(lp));
  for (let l = sizes.length - 2; l >= 1; l--) {
    const g = backDense(delta, params[2 * l], sizes[l], sizes[l + 1]);
    const z = zs[l - 1];
    const h = hs[l - 1];
    delta = g.map((v, i) => v * act.df(z[i], h[i]));
  }
  const toInput = backDense(delta, params[0], sizes[0], sizes[1]);
  // Standardising divides every pixel by the same σ: the chain rule scales by 1/σ.
  const scale = arch.inputScaling === 'standardised' ? 1 / MNIST_PIXEL_STD : 1;
  return {
    logProbs: Float32Array.from(logProbs),
    layers: hs.map((h) => Float32Array.from(h)),
    digit: top,
    saliency: Float32Array.from(toInput, (v) => v * scale),
  };
}
