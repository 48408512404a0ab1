/** Activates a tfjs backend in Node for the measurement scripts; wasm loads its binaries from node_modules. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';

export async function useNodeBackend(backend: string): Promise<void> {
  if (backend === 'wasm') {
    const dir = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    setWasmPaths(path.join(dir, 'dist') + path.sep);
  }
  await tf.setBackend(backend);
  await tf.ready();
}
