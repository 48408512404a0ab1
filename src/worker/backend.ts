/**
 * Picks the tfjs backend inside the worker: WebGL first (the GPU), then
 * WebAssembly, then plain JavaScript, each checked with a real computation
 * before it is trusted. The page names the backend in use and, for a
 * fallback, why.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { backendName } from '../shared/backendNames.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type { BackendChoice } from './protocol.ts';

const backendNameRecord = { webgl: backendName('webgl'), wasm: backendName('wasm'), cpu: backendName('cpu') };

export const BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

const LABEL = backendNameRecord;

let wasmRegistered = false;

async function prepare(name: BackendName): Promise<void> {
  if (name === 'wasm' && !wasmRegistered) {
    // Loaded on demand: most sessions never need it.
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
    wasmRegistered = true;
  }
}

/** Activates `name` and proves it computes; throws with the reason if not. */
async function tryBackend(name: BackendName): Promise<void> {
  await prepare(name);
  let ok: boolean;
  try {
    ok = await tf.setBackend(name);
  } catch (e) {
    throw new Error((e as Error).message);
  }
  if (!ok) throw new Error(name === 'webgl' ? 'no WebGL context could be created in the worker' : `the ${name} backend failed to start`);
  const t = tf.tidy(() => tf.matMul(tf.ones([2, 3]), tf.ones([3, 2])));
  const v = await t.data();
  t.dispose();
  if (v[0] !== 3) throw new Error(`the ${name} backend computed a wrong result`);
  if (name === 'webgl' && tf.env().getNumber('WEBGL_VERSION') < 1) throw new Error('WebGL is not supported');
}

/**
 * Tries `preferred` (if given) and then the default order, skipping `failed`.
 * The reason names the first backend that did not work and why.
 */
export async function selectBackend(preferred?: BackendName, failed: ReadonlySet<BackendName> = new Set()): Promise<BackendChoice> {
  const order = preferred ? [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)] : [...BACKEND_ORDER];
  const problems: string[] = [];
  for (const name of order) {
    if (failed.has(name)) {
      problems.push(`${LABEL[name]} failed earlier in this session`);
      continue;
    }
    try {
      await tryBackend(name);
      if (name === 'webgl' && problems.length === 0) return { backend: name };
      if (problems.length === 0) return { backend: name, reason: 'chosen in the page address (?backend=)' };
      return { backend: name, reason: `${problems.join('; ')}; running on ${LABEL[name]} instead` };
    } catch (e) {
      problems.push(`${LABEL[name]} is unavailable: ${(e as Error).message}`);
    }
  }
  throw new Error(`No tfjs backend works in this browser: ${problems.join('; ')}`);
}
