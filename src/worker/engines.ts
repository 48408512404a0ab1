/**
 * Which engine the worker trains on: the hand-written WebAssembly SIMD
 * engine or tfjs on one of its backends; decided once at start (again only
 * after an engine failed), and reported as codes and numbers.
 *
 * - `?backend=` names an engine: it trains if it works; if not, tfjs's own
 *   order (WebGL, wasm, cpu) picks as before, and the report says which was
 *   asked for.
 * - Otherwise, where this runtime has the SIMD engine, the probe
 *   (engine/probe.ts) times it, tfjs's first working backend and, when that
 *   is WebGL, tfjs's wasm as well, on the page's network and batch size, and
 *   the fastest trains. tfjs's cpu backend is never timed: it is the last
 *   resort, 10-100 times slower than the others. Without SIMD (a browser
 *   from before 2021-23, which lacks tfjs's SIMD wasm build too) tfjs's own
 *   order chooses, as it did before there was a choice.
 * - WebGL on a software renderer (SwiftShader, llvmpipe: WEBGL_debug_renderer_info,
 *   read from a context of its own before tfjs's WebGL backend starts) is not
 *   timed, nor started. Its first steps compile some twenty shader programs, about
 *   2 s on this project's 2-core machine (10 s under load), which alone would
 *   break the probe's budget of well under a second, and it computes on the
 *   same CPU cores as the CPU engines, with a graphics pipeline in between:
 *   measured here, 56 ms a batch of 64 against 0.5 ms for the SIMD engine and
 *   4.5 ms for tfjs wasm. The report names the renderer, and `?backend=webgl`
 *   still forces it.
 *
 * tfjs always has a backend: the engine's own when tfjs trains, else the
 * fastest tfjs backend timed (or tfjs's first choice), which trains any run
 * the SIMD engine cannot (see `makeEngine`).
 */
import type { RaceEngine } from '../engine/race.ts';
import type { ProbeOptions } from '../engine/probe.ts';
import { PROBE_OPTIONS, fastest, probeBatch, timeSteps } from '../engine/probe.ts';
import type { SimdEngines } from '../engine/wasm/create.ts';
import type { Architecture } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import type { BackendName } from '../shared/backendNames.ts';
import { BACKEND_ORDER } from '../shared/backendNames.ts';
import type { EngineId, EngineReport, EngineTiming, FallbackCode, RendererKind, UnavailableCode } from '../shared/engineIds.ts';
import { isSoftwareRenderer } from '../shared/engineIds.ts';
import type { OptimizerSpec } from '../shared/optimizer.ts';
import { SGD } from '../shared/optimizer.ts';
import type { BackendChoice } from './protocol.ts';

export interface EngineDeps {
  /** Activates a tfjs backend: `preferred` first if given, never one in `failed` (see backend.ts). */
  selectBackend(preferred?: BackendName, failed?: ReadonlySet<BackendName>): Promise<BackendChoice>;
  /** A tfjs engine on the active backend. */
  createTfjsEngine(arch: Architecture, params: Float32Array[], runs: number, optimizer: OptimizerSpec): RaceEngine;
  /** The SIMD engine's best build for this runtime, compiled once; null without SIMD. Absent: not offered. */
  loadSimd?(): Promise<SimdEngines | null>;
  /**
   * The SIMD engine with one run's step on two threads (its shared build and
   * a helper worker per engine). Absent where the page may not use threads
   * (not cross-origin isolated, or fewer than four cores without ?threads=2).
   */
  loadThreadedSimd?(): Promise<SimdEngines | null>;
  /** What WebGL draws with, once WebGL has been tried. */
  webglRenderer?(): RendererKind;
  /** What WebGL would draw with, without starting tfjs's WebGL backend ('unknown' where it cannot tell). */
  peekRenderer?(): RendererKind;
  /** Threads a tfjs backend computes with. */
  tfjsThreads?(backend: BackendName): number;
  /** Threads a comparison on the SIMD engine trains on at once (the worker pool's; 1 without one). */
  comparisonThreads?: number;
  /** The probe's step counts and budget (tests shorten it). */
  probeOptions?: ProbeOptions;
  clock?(): number;
}

/** The engine chosen, and what it needs to make engines. */
export interface EngineSelection {
  report: EngineReport;
  /** tfjs's active backend: the engine's when tfjs trains, else the one for runs the SIMD engine cannot train. */
  tfjs: BackendChoice;
  /** The SIMD engine, when it trains. */
  simd: SimdEngines | null;
}

export interface SelectRequest {
  /** `?backend=`. */
  preferred?: EngineId;
  /** Engines that failed in this page (an earlier worker's lost WebGL context, a run that broke). */
  failed: ReadonlySet<EngineId>;
  /** The network and batch size the probe times. */
  arch: Architecture;
  batchSize: number;
}

const tfjsOnly = (failed: ReadonlySet<EngineId>): ReadonlySet<BackendName> => new Set([...failed].filter((e): e is BackendName => e !== 'simd'));

export async function selectEngine(deps: EngineDeps, req: SelectRequest): Promise<EngineSelection> {
  const failedTfjs = tfjsOnly(req.failed);
  const unavailable: EngineReport['unavailable'] = [...req.failed].map((engine) => ({ engine, code: 'failed-earlier' as UnavailableCode }));
  // The two-thread variant (its build and a helper worker) loads while the one-thread build does; it is timed
  // beside it and trains where it is the faster. One that fails to load is left out.
  const simdWanted = !req.failed.has('simd') && (req.preferred === undefined || req.preferred === 'simd');
  const threadedLoad = simdWanted ? (deps.loadThreadedSimd?.().catch(() => null) ?? null) : null;
  const simd = await loadSimd(deps, req.failed, unavailable);
  const threaded = simd && threadedLoad ? await threadedLoad : null;
  /** The SIMD engine that trains if the SIMD engine is chosen: on one thread, or on two. */
  let simdPick = simd;
  const base = (engine: EngineId, tfjs: BackendChoice) => ({
    engine,
    threads: engine === 'simd' ? (simdPick?.threads ?? 1) : (deps.tfjsThreads?.(tfjs.backend) ?? 1),
    ...(engine === 'simd' && simd ? { build: simd.level } : {}),
    ...(engine === 'simd' && (deps.comparisonThreads ?? 1) > 1 ? { comparisonThreads: deps.comparisonThreads } : {}),
    renderer: deps.webglRenderer?.() ?? 'unknown',
    unavailable,
  });

  /** tfjs's first working backend, `preferred` first; those it tried before are noted as not starting. */
  const firstTfjs = async (preferred?: BackendName): Promise<BackendChoice> => {
    const choice = await deps.selectBackend(preferred, failedTfjs);
    const order = preferred ? [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)] : BACKEND_ORDER;
    for (const b of order.slice(0, order.indexOf(choice.backend)))
      if (!unavailable.some((u) => u.engine === b)) unavailable.push({ engine: b, code: 'failed' });
    return choice;
  };

  const onSoftwareWebgl = (tfjs: BackendChoice) => tfjs.backend === 'webgl' && isSoftwareRenderer(deps.webglRenderer?.() ?? 'unknown');

  if (req.preferred === 'simd' && simd) {
    // Standing by for a run the SIMD engine cannot train, on the CPU beside it: no WebGL context is made for it.
    // Forced, with threads allowed: on two threads, untimed, as a forced engine is.
    simdPick = threaded ?? simd;
    const tfjs = await firstTfjs('wasm');
    return { report: { ...base('simd', tfjs), reason: 'forced' }, tfjs, simd: simdPick };
  }
  if (req.preferred) {
    const tfjs = await firstTfjs(req.preferred === 'simd' ? undefined : req.preferred);
    const report: EngineReport =
      tfjs.backend === req.preferred
        ? { ...base(tfjs.backend, tfjs), reason: 'forced' }
        : { ...base(tfjs.backend, tfjs), reason: 'forced-unavailable', forced: req.preferred };
    return { report, tfjs, simd: null };
  }

  // tfjs's first working backend, as before there was a choice; wasm beside WebGL, which it often beats on a CPU.
  // Where the SIMD engine is there and WebGL would draw in software, WebGL is not timed, so its backend is not
  // started either: tfjs begins on wasm (peekRenderer says why).
  const softwareWebgl = simd !== null && isSoftwareRenderer(deps.peekRenderer?.() ?? 'unknown');
  let tfjs = await firstTfjs(softwareWebgl ? 'wasm' : undefined);
  if (!simd) return { report: { ...base(tfjs.backend, tfjs), reason: 'default' }, tfjs, simd: null };
  const candidates: EngineId[] = [
    'simd',
    ...(tfjs.backend === 'cpu' || onSoftwareWebgl(tfjs) ? [] : [tfjs.backend]),
    ...(tfjs.backend === 'webgl' && !failedTfjs.has('wasm') ? (['wasm'] as const) : []),
  ];

  const clock = deps.clock ?? now;
  const t0 = clock();
  const timings: EngineTiming[] = [];
  for (const engine of candidates) {
    try {
      if (engine !== 'simd' && tfjs.backend !== engine) {
        tfjs = await deps.selectBackend(engine, failedTfjs);
        if (tfjs.backend !== engine) {
          unavailable.push({ engine, code: 'failed' });
          continue;
        }
      }
      if (engine === 'simd' && threaded) {
        // Both SIMD variants, each timing with its threads; the faster is the SIMD engine's time.
        const one = await timeOne(simd.createRaceEngine, req, deps.probeOptions, clock);
        timings.push({ engine, msPerStep: one, threads: 1 });
        const two = await timeOne(threaded.createRaceEngine, req, deps.probeOptions, clock).catch(() => Number.NaN);
        if (Number.isFinite(two)) timings.push({ engine, msPerStep: two, threads: 2 });
        if (two < one) simdPick = threaded;
        continue;
      }
      const make = engine === 'simd' ? simd.createRaceEngine : deps.createTfjsEngine;
      timings.push({ engine, msPerStep: await timeOne(make, req, deps.probeOptions, clock) });
    } catch {
      unavailable.push({ engine, code: 'failed' });
    }
  }
  const best = fastest(timings.filter((t) => t.engine !== 'simd' || t.threads === undefined || t.threads === simdPick?.threads));
  // tfjs keeps the faster of its backends, for runs the SIMD engine cannot train.
  const tfjsBest = fastest(timings.filter((t) => t.engine !== 'simd'))?.engine as BackendName | undefined;
  if (tfjsBest && tfjs.backend !== tfjsBest) tfjs = await deps.selectBackend(tfjsBest, failedTfjs);
  const probe = { batchSize: req.batchSize, ms: clock() - t0, timings };
  const engine = best?.engine === 'simd' ? 'simd' : tfjs.backend;
  const runnerUp = best?.engine === engine ? best.runnerUp : undefined;
  return { report: { ...base(engine, tfjs), reason: 'measured', ...(runnerUp ? { runnerUp } : {}), probe }, tfjs, simd: engine === 'simd' ? simdPick : null };
}

/** The SIMD engine unless it failed before or this runtime lacks it; says why not in `unavailable`. */
async function loadSimd(deps: EngineDeps, failed: ReadonlySet<EngineId>, unavailable: EngineReport['unavailable']): Promise<SimdEngines | null> {
  if (!deps.loadSimd || failed.has('simd')) return null;
  try {
    const simd = await deps.loadSimd();
    if (!simd) unavailable.push({ engine: 'simd', code: 'no-simd' });
    return simd;
  } catch {
    unavailable.push({ engine: 'simd', code: 'failed' });
    return null;
  }
}

async function timeOne(
  make: (arch: Architecture, params: Float32Array[], runs: number, optimizer: OptimizerSpec) => RaceEngine,
  req: SelectRequest,
  options: ProbeOptions = PROBE_OPTIONS,
  clock: () => number,
): Promise<number> {
  const engine = make(req.arch, initParams(req.arch, 'pytorch', 0), 1, SGD);
  try {
    return await timeSteps(engine, probeBatch(req.arch, req.batchSize), options, clock);
  } finally {
    engine.dispose();
  }
}

/**
 * The SIMD engine's memory limit: weights, optimizer state and batch buffers
 * of every run in one linear memory. WebAssembly's 32-bit memory stops at
 * 4 GiB and browsers refuse well before that on small devices; 1 GiB is far
 * above any network the lab builds at batch ≤ 1,024 with 6 runs (the largest,
 * 4 × 1,024 units with Adam, needs about 0.3 GiB).
 */
export const SIMD_MEMORY_LIMIT = 2 ** 30;

/** Bytes the SIMD engine needs for `runs` runs of `arch` at batch `batch`, roughly (padding left out). */
export function simdBytes(arch: Architecture, runs: number, stateSlots: number, batch: number): number {
  let params = 0;
  let activations = 0;
  for (let l = 0; l + 1 < arch.sizes.length; l++) {
    params += (arch.sizes[l] + 1) * arch.sizes[l + 1];
    activations += arch.sizes[l + 1];
  }
  // Per run: weights and state; shared: the batch's inputs, activations, their gradients and dropped copies, one gradient buffer and one transposed matrix.
  return 4 * (runs * params * (1 + stateSlots) + 2 * params + batch * (2 * arch.sizes[0] + 4 * activations));
}

/** Why a run cannot train on the SIMD engine, or null when it can. */
export function simdUnsupported(arch: Architecture, runs: number, stateSlots: number, batch: number): FallbackCode | null {
  return simdBytes(arch, runs, stateSlots, batch) > SIMD_MEMORY_LIMIT ? 'memory' : null;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
