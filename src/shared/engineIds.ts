/**
 * What trains, and why, as codes and numbers: the worker decides and sends
 * these (the `engine` event of worker/protocol.ts); the page words them
 * (app/engineWords.ts). Nothing here is a sentence.
 */
import type { BackendName } from './backendNames.ts';

/** The hand-written WebAssembly SIMD engine, or tfjs on one of its backends. */
export type EngineId = 'simd' | BackendName;

export const ENGINE_IDS: readonly EngineId[] = ['simd', 'webgl', 'wasm', 'cpu'];

export function isEngineId(s: unknown): s is EngineId {
  return typeof s === 'string' && (ENGINE_IDS as readonly string[]).includes(s);
}

/** The SIMD engine's two builds: relaxed SIMD's fused multiply-add, or plain 128-bit SIMD. */
export type SimdBuild = 'relaxed-simd' | 'simd';

/**
 * What WebGL draws with, from WEBGL_debug_renderer_info: a graphics card
 * ('hardware'), a software renderer that computes on the CPU (SwiftShader,
 * Mesa's llvmpipe, another one), or 'unknown' (WebGL not tried, or the
 * browser hides its renderer).
 */
export type RendererKind = 'hardware' | 'swiftshader' | 'llvmpipe' | 'software' | 'unknown';

/** Software renderers by a word of their unmasked renderer string, most specific first. */
const SOFTWARE: readonly [RegExp, RendererKind][] = [
  [/swiftshader/i, 'swiftshader'],
  [/llvmpipe/i, 'llvmpipe'],
  [/softpipe|software|basic render driver|\bwarp\b/i, 'software'],
];

/** The kind of an unmasked renderer string (e.g. "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)…)"); null or empty: unknown. */
export function rendererKind(renderer: string | null | undefined): RendererKind {
  if (!renderer) return 'unknown';
  for (const [pattern, kind] of SOFTWARE) if (pattern.test(renderer)) return kind;
  return 'hardware';
}

export function isSoftwareRenderer(kind: RendererKind): boolean {
  return kind === 'swiftshader' || kind === 'llvmpipe' || kind === 'software';
}

/**
 * Why this engine trains:
 * - measured: the fastest of the engines the worker timed at start (runnerUp: the next);
 * - default: nothing to time against: without the SIMD engine, tfjs's own order (WebGL, wasm, cpu) chose;
 * - forced: the page address named it (`?backend=`);
 * - forced-unavailable: the page address named another (`forced`), which does not work here.
 */
export type EngineReason = 'measured' | 'default' | 'forced' | 'forced-unavailable';

/**
 * Why an engine is not used:
 * - no-simd: this WebAssembly runtime has no SIMD;
 * - failed: it did not start (or its build did not load);
 * - failed-earlier: it failed earlier in this page (a lost WebGL context), so a new worker leaves it out.
 */
export type UnavailableCode = 'no-simd' | 'failed' | 'failed-earlier';

/** One engine's time per training step in the start-up probe. */
export interface EngineTiming {
  engine: EngineId;
  /** Wall time per training step of the probed network at the probe's batch size, ms. */
  msPerStep: number;
  /** Threads one step used, where the SIMD engine was timed on one thread and on two; absent otherwise. */
  threads?: number;
}

/** What the worker trains on, and why: the `engine` event's body. */
export interface EngineReport {
  engine: EngineId;
  /** The SIMD engine's build; absent for tfjs. */
  build?: SimdBuild;
  /** Threads one run's step uses. */
  threads: number;
  /** Threads a comparison's runs train on at once (2 on the SIMD engine where the page is cross-origin isolated); absent: as `threads`. */
  comparisonThreads?: number;
  reason: EngineReason;
  /** The engine the page address asked for, with reason 'forced-unavailable'. */
  forced?: EngineId;
  /** With reason 'measured': the second fastest, and how many times its step took the chosen engine's (≥ 1). */
  runnerUp?: { engine: EngineId; ratio: number };
  /** The start-up probe, when one ran: each engine's time per step, and the probe's own wall time (ms). */
  probe?: { batchSize: number; ms: number; timings: EngineTiming[] };
  /** What WebGL runs on; 'unknown' when it was not tried. */
  renderer: RendererKind;
  /** Engines left out, each with why. */
  unavailable: { engine: EngineId; code: UnavailableCode }[];
}

/**
 * Why one run trains on tfjs although the SIMD engine was chosen:
 * - memory: its weights, optimizer state and batch buffers would pass the engine's memory limit;
 * - failed: the SIMD engine could not be made for it.
 */
export type FallbackCode = 'memory' | 'failed';
