/**
 * Initial weights, drawn from a seeded generator so every engine (tfjs
 * today, a WebAssembly engine later) starts from the very same numbers.
 *
 * - 'pytorch': what torch.nn.Linear does by default. Its weights use
 *   kaiming_uniform(a=√5), whose bound works out to 1/√fan_in, and its bias is
 *   uniform in ±1/√fan_in too. This is what reproduces the ANN_MNIST notebook.
 * - 'glorot': tfjs/Keras's default dense init: weights uniform in
 *   ±√(6/(fan_in+fan_out)), biases zero. Larger first-layer weights than
 *   PyTorch's, so the first epoch learns visibly differently.
 */
import type { Rng } from '../shared/rng.ts';
import { deriveRng } from '../shared/rng.ts';
import type { InitScheme } from '../shared/settings.ts';
import type { Architecture } from './architecture.ts';
import { paramShapes } from './architecture.ts';

function uniform(n: number, bound: number, rng: Rng): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = (rng.next() * 2 - 1) * bound;
  return a;
}

/** Parameters in paramShapes order, flat row-major. */
export function initParams(arch: Architecture, scheme: InitScheme, seed: number): Float32Array[] {
  const rng = deriveRng(seed, `init:${scheme}`);
  const out: Float32Array[] = [];
  for (const shape of paramShapes(arch)) {
    if (shape.length === 2) {
      const [fanIn, fanOut] = shape;
      const bound = scheme === 'pytorch' ? 1 / Math.sqrt(fanIn) : Math.sqrt(6 / (fanIn + fanOut));
      out.push(uniform(fanIn * fanOut, bound, rng));
    } else {
      const fanIn = out[out.length - 1].length / shape[0];
      out.push(scheme === 'pytorch' ? uniform(shape[0], 1 / Math.sqrt(fanIn), rng) : new Float32Array(shape[0]));
    }
  }
  return out;
}
