/**
 * The start-up probe: a few training steps of each available engine on the
 * network about to be trained, timed, and the fastest chosen. Timing is the
 * only honest way to choose here: WebGL on a graphics card beats every CPU
 * engine on large networks, WebGL on a software renderer (SwiftShader,
 * llvmpipe) computes on the same CPU cores as the others and loses, and
 * which CPU engine wins depends on the network and the batch.
 *
 * Each engine first takes `warmSteps` untimed steps and a readback (WebGL
 * compiles its programs then, the SIMD engine grows its memory), then as
 * many timed steps as fit in `budgetMs` (between minSteps and maxSteps),
 * closed by a readback so that a GPU's queued work is counted.
 *
 * The batch is synthetic but shaped like MNIST's: about one pixel in five
 * lit, in a blob near the centre, so that the SIMD engine's skipping of zero
 * pixels counts as it will on the real images (no data needs to be loaded
 * before the choice).
 */
import type { Architecture } from '../model/architecture.ts';
import type { EngineId, EngineTiming } from '../shared/engineIds.ts';
import type { RaceEngine } from './race.ts';

export interface ProbeOptions {
  warmSteps: number;
  minSteps: number;
  maxSteps: number;
  /** Wall time after which no further timed step starts, ms. */
  budgetMs: number;
}

/** About 10-60 ms per engine on the CPU engines here, plus WebGL's compile on first use. */
export const PROBE_OPTIONS: ProbeOptions = { warmSteps: 2, minSteps: 2, maxSteps: 12, budgetMs: 60 };

export interface ProbeBatch {
  x: Float32Array;
  y: Int32Array;
  n: number;
}

/** n MNIST-like images: a disc of radius 7 px (154 of 784 pixels lit), fading outwards, its centre moving a little per image. */
export function probeBatch(arch: Architecture, n: number): ProbeBatch {
  const inputs = arch.sizes[0];
  const classes = arch.sizes[arch.sizes.length - 1];
  const side = Math.round(Math.sqrt(inputs));
  const x = new Float32Array(n * inputs);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const cr = side / 2 + (i % 5) - 2;
    const cc = side / 2 + (i % 3) - 1;
    for (let p = 0; p < inputs; p++) {
      const d = Math.hypot(Math.floor(p / side) - cr, (p % side) - cc);
      if (d < 7) x[i * inputs + p] = 1 - d / 8;
    }
    y[i] = i % classes;
  }
  return { x, y, n };
}

/** ms per training step of `engine` on `batch` (see the header); the engine is the caller's to dispose. */
export async function timeSteps(engine: RaceEngine, batch: ProbeBatch, options: ProbeOptions = PROBE_OPTIONS, clock: () => number = now): Promise<number> {
  const hypers = Array.from({ length: engine.runs }, () => ({ learningRate: 0.01, momentum: 0.5 }));
  for (let s = 0; s < options.warmSteps; s++) engine.trainBatch(batch.x, batch.y, batch.n, hypers);
  await engine.flushLosses();
  const t0 = clock();
  let steps = 0;
  while (steps < options.minSteps || (steps < options.maxSteps && clock() - t0 < options.budgetMs)) {
    engine.trainBatch(batch.x, batch.y, batch.n, hypers);
    steps++;
  }
  await engine.flushLosses();
  return (clock() - t0) / steps;
}

/**
 * The fastest of the timings (ties go to the earlier one) and the runner-up
 * with how many times the chosen engine's step its step took; null when no
 * timing is a finite positive number.
 */
export function fastest(timings: readonly EngineTiming[]): { engine: EngineId; runnerUp?: { engine: EngineId; ratio: number } } | null {
  const valid = timings.filter((t) => Number.isFinite(t.msPerStep) && t.msPerStep > 0);
  // A stable sort: equal times keep the caller's order of preference.
  const [best, second] = [...valid].sort((a, b) => a.msPerStep - b.msPerStep);
  if (!best) return null;
  return second ? { engine: best.engine, runnerUp: { engine: second.engine, ratio: second.msPerStep / best.msPerStep } } : { engine: best.engine };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
