/** tfjs in Node for the unit tests and the measurement scripts: the pure-JS cpu backend, or wasm (XNNPACK) as the page runs it. */
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';

export async function useBackend(backend: 'cpu' | 'wasm' | string): Promise<typeof tf> {
  if (backend === 'wasm') {
    // Its binaries load from node_modules, not from a server.
    const dir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    setWasmPaths(path.join(dir, 'dist') + path.sep);
  }
  if (!(await tf.setBackend(backend))) throw new Error(`the ${backend} backend did not start`);
  await tf.ready();
  return tf;
}

export const useCpuBackend = () => useBackend('cpu');
