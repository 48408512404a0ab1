/**
 * The SIMD engine's builds compiled from disk, as the Node tests load
 * them (`npm run build:wasm` or the unit tests' global setup builds them).
 * Node 20's V8 has relaxed SIMD behind a flag, which must be set before the
 * first compile: importing this module sets it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import type { SimdEngines, SimdLevel } from '../engine/wasm/create.ts';
import { simdEngines, simdModuleUrl } from '../engine/wasm/create.ts';

setFlagsFromString('--experimental-wasm-relaxed-simd');

export const compiledSimd = (level: SimdLevel, shared = false): WebAssembly.Module =>
  new WebAssembly.Module(readFileSync(fileURLToPath(simdModuleUrl(level, shared))));

/** Engines of one build, as the worker's loadSimdEngines gives them. */
export const simdEnginesOf = (level: SimdLevel): SimdEngines => simdEngines(compiledSimd(level), level);
