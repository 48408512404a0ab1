/**
 * The SIMD engine, by what it trains (one run, or R runs stacked), as the
 * tfjs engine's create.ts offers it; and the loading around it: which build
 * this WebAssembly runtime can run, and compiling that build once.
 *
 * In the page's worker: `const engines = await loadSimdEngines()`; null means
 * no SIMD, so train on tfjs. Vite emits both builds as assets of the worker
 * (the `new URL(…, import.meta.url)` below), served from the app's own origin.
 */
import type { Architecture } from '../../model/architecture.ts';
import type { OptimizerSpec } from '../../shared/optimizer.ts';
import { SGD } from '../../shared/optimizer.ts';
import type { Engine } from '../engine.ts';
import type { RaceEngine } from '../race.ts';
import { singleRun } from '../single.ts';
import type { SimdLevel } from './raceEngine.ts';
import { WasmRaceEngine } from './raceEngine.ts';
import type { Team } from './team.ts';

export type { SimdLevel };

/**
 * Two minimal modules, each one function returning a v128: the first splats
 * an i32 (plain SIMD), the second also calls f32x4.relaxed_madd. A runtime
 * validates a module only when it has every feature the module uses.
 */
const SIMD_PROBE = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 8, 1, 6, 0, 65, 0, 253, 15, 11];
const RELAXED_SIMD_PROBE = [
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 19, 1, 17, 0, 65, 0, 253, 15, 65, 0, 253, 15, 65, 0, 253, 15, 253, 133, 2, 11,
];

/** The best build this runtime runs: relaxed SIMD (Chromium ≥ 114), plain SIMD, or null (no SIMD: use tfjs). */
export function simdSupport(): SimdLevel | null {
  if (typeof WebAssembly !== 'object') return null;
  if (WebAssembly.validate(Uint8Array.from(RELAXED_SIMD_PROBE))) return 'relaxed-simd';
  if (WebAssembly.validate(Uint8Array.from(SIMD_PROBE))) return 'simd';
  return null;
}

/**
 * Where a build is: a file beside this module in development, an asset of
 * the build in production. `shared`: the build whose memory is imported and
 * shared, for two threads (build-wasm.mjs).
 */
export function simdModuleUrl(level: SimdLevel, shared = false): URL {
  // Literal paths: Vite finds and emits only `new URL('literal', import.meta.url)`.
  if (shared)
    return level === 'relaxed-simd' ? new URL('./build/mlp-relaxed-shared.wasm', import.meta.url) : new URL('./build/mlp-simd-shared.wasm', import.meta.url);
  return level === 'relaxed-simd' ? new URL('./build/mlp-relaxed.wasm', import.meta.url) : new URL('./build/mlp-simd.wasm', import.meta.url);
}

/** Makes engines from one compiled build; each engine is an instance of it with its own memory. */
export interface SimdEngines {
  readonly level: SimdLevel;
  /** Threads one run's step computes on: 1, or 2 for a shared build with a helper (threadedSimdEngines). */
  readonly threads: number;
  createEngine(arch: Architecture, params: Float32Array[], optimizer?: OptimizerSpec): Engine;
  createRaceEngine(arch: Architecture, params: Float32Array[], runs: number, optimizer?: OptimizerSpec): RaceEngine;
}

export function simdEngines(module: WebAssembly.Module, level: SimdLevel): SimdEngines {
  return {
    level,
    threads: 1,
    createEngine: (arch, params, optimizer = SGD) => singleRun(new WasmRaceEngine(module, level, arch, params, 1, optimizer)),
    createRaceEngine: (arch, params, runs, optimizer = SGD) => new WasmRaceEngine(module, level, arch, params, runs, optimizer),
  };
}

/** A helper for an engine's shared memory: an instance of `module` on `memory` in another thread (worker/pool/teams.ts). */
export type TeamMaker = (module: WebAssembly.Module, memory: WebAssembly.Memory) => Team;

/** The shared builds' memory limit in 64 KiB pages, as build-wasm.mjs declares it: 1 GiB, reserved, not committed. */
const SHARED_MAXIMUM_PAGES = 16_384;

/**
 * The SIMD engine with one run's step on two threads: `module` is a shared
 * build, and every engine gets a shared memory and, when it trains one run,
 * a team from `teams`, which it lets go when disposed. A comparison's engine
 * of several runs gets none: the worker pool trains its runs in parallel
 * instead (worker/pool/). The same numbers as simdEngines' engines.
 */
export function threadedSimdEngines(module: WebAssembly.Module, level: SimdLevel, teams: TeamMaker): SimdEngines {
  const make = (arch: Architecture, params: Float32Array[], runs: number, optimizer: OptimizerSpec) => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: SHARED_MAXIMUM_PAGES, shared: true });
    const team = runs === 1 ? teams(module, memory) : null;
    try {
      return new WasmRaceEngine(module, level, arch, params, runs, optimizer, { memory, team });
    } catch (e) {
      team?.dispose();
      throw e;
    }
  };
  return {
    level,
    threads: 2,
    createEngine: (arch, params, optimizer = SGD) => singleRun(make(arch, params, 1, optimizer)),
    createRaceEngine: (arch, params, runs, optimizer = SGD) => make(arch, params, runs, optimizer),
  };
}

/**
 * Fetches and compiles the best build this runtime supports (or `level`);
 * null when it has no SIMD at all. A browser or worker only: Node has no
 * fetch of file URLs (the tests compile the file from disk and call simdEngines).
 */
export async function loadSimdEngines(level: SimdLevel | null = simdSupport()): Promise<SimdEngines | null> {
  return level ? simdEngines(await compileBuild(simdModuleUrl(level)), level) : null;
}

/** loadSimdEngines for two threads: the shared build, each engine's helper made by `teams`. */
export async function loadThreadedSimdEngines(teams: TeamMaker, level: SimdLevel | null = simdSupport()): Promise<SimdEngines | null> {
  return level ? threadedSimdEngines(await compileBuild(simdModuleUrl(level, true)), level, teams) : null;
}

async function compileBuild(url: URL): Promise<WebAssembly.Module> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load ${url.pathname}: HTTP ${response.status}`);
  // Seventeen kilobytes: compiled from the bytes, which needs no application/wasm type from the server (compileStreaming does).
  return WebAssembly.compile(await response.arrayBuffer());
}
