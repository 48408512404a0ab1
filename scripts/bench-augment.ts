/**
 * Augmentation's cost, in Node (the worker runs the same JavaScript in V8):
 * ms per batch of 64 for each kind of augmentation, the elastic pool's
 * build, and one rotated test set's build. No tfjs here, so `npm run bench`
 * (tsx) and scripts/augment-bench.script.ts (Vitest, beside a tfjs training
 * step) share it.
 *
 * Each figure is the median over rounds, the settings taking turns round by
 * round, so a busy machine slows them alike. Each is taken twice: wall time,
 * and the process's CPU time (process.cpuUsage), which a machine shared
 * with other jobs inflates far less: on 2 cores at a load of 10, wall times
 * came out 2 to 4 times the CPU times and swung from round to round.
 */
import os from 'node:os';
import { elasticPool } from '../src/data/augment/elastic.ts';
import { augmentBatch } from '../src/data/augment/augmentBatch.ts';
import type { AugmentSettings } from '../src/data/augment/settings.ts';
import { NO_AUGMENTATION, SIMARD_ELASTIC } from '../src/data/augment/settings.ts';
import type { ImageSet } from '../src/data/dataset.ts';
import { IMAGE_SIZE, fillBatch, range } from '../src/data/dataset.ts';
import { rotatedSet } from '../src/data/rotatedSets.ts';
import { deriveRng } from '../src/shared/rng.ts';
import { readMnist } from '../src/test-support/mnist.ts';

export const AUGMENT_BATCH = 64;

export const AUGMENT_CASES: readonly { name: string; settings: AugmentSettings }[] = [
  { name: 'rotation ±30°', settings: { ...NO_AUGMENTATION, rotationDeg: 30 } },
  { name: 'rotation + shift + scale', settings: { rotationDeg: 30, shiftPx: 3, scalePct: 15, elastic: null } },
  { name: 'elastic (α 34, σ 4)', settings: { ...NO_AUGMENTATION, elastic: SIMARD_ELASTIC } },
  { name: 'all four', settings: { rotationDeg: 30, shiftPx: 3, scalePct: 15, elastic: SIMARD_ELASTIC } },
];

/** A duration, ms: wall clock and this process's CPU time. */
export interface Timing {
  wall: number;
  cpu: number;
}

export interface AugmentFigures {
  batchSize: number;
  /** Median ms to augment one batch, by case (AUGMENT_CASES order), and each round's. */
  perBatch: { name: string; ms: Timing; rounds: Timing[] }[];
  /** Median ms to fill a batch from the uint8 images (what every batch costs already), for scale. */
  fillMs: Timing;
  /** Median ms to build one elastic pool (256 fields, σ 4). */
  poolMs: Timing;
  /** Median ms to build one rotated test set (10,000 images, 30°). */
  rotatedSetMs: Timing;
  /** The training step timed in the same turns, when one was given: median ms per batch, and each round's. */
  step?: Timing;
  stepRounds?: Timing[];
}

/** Starts a stopwatch; calling the result gives the time since, ms. */
export function stopwatch(): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const d = process.cpuUsage(cpu);
    return { wall: performance.now() - wall, cpu: (d.user + d.system) / 1000 };
  };
}

const add = (a: Timing, b: Timing): Timing => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });
const scale = (a: Timing, k: number): Timing => ({ wall: a.wall * k, cpu: a.cpu * k });
const ZERO: Timing = { wall: 0, cpu: 0 };

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Medians of wall and CPU time, each on its own. */
export const medianTiming = (ts: Timing[]): Timing => ({ wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) });

/** A timer over `batches` batches of the training set: fills each, then times `work` on it. */
export function batchTimer(train: ImageSet) {
  const x = new Float32Array(AUGMENT_BATCH * IMAGE_SIZE);
  const y = new Int32Array(AUGMENT_BATCH);
  const order = range(train.count);
  let next = 0;
  return {
    /** Mean ms of `work` per batch over `batches` batches (and of the fill, for scale). */
    round(batches: number, work: (x: Float32Array, y: Int32Array, b: number) => void): { workMs: Timing; fillMs: Timing } {
      let workMs = ZERO;
      let fillMs = ZERO;
      for (let b = 0; b < batches; b++) {
        const start = next;
        next = (next + AUGMENT_BATCH) % (train.count - AUGMENT_BATCH);
        const fill = stopwatch();
        fillBatch(train, order, start, AUGMENT_BATCH, x, y);
        fillMs = add(fillMs, fill());
        const run = stopwatch();
        work(x, y, b);
        workMs = add(workMs, run());
      }
      return { workMs: scale(workMs, 1 / batches), fillMs: scale(fillMs, 1 / batches) };
    },
  };
}

/** ms per batch of one case, one round. */
export function augmentRound(timer: ReturnType<typeof batchTimer>, settings: AugmentSettings, batches: number, seed: number) {
  return timer.round(batches, (x, _y, b) => augmentBatch(x, AUGMENT_BATCH, settings, deriveRng(seed, `augment:1:${b}`), seed));
}

/**
 * Every case's cost per batch, round by round; `step`, when given, is timed
 * in the same turns (one round of training steps, ms per batch), so the
 * comparison sees the same machine.
 */
export async function benchAugment(rounds = 9, batches = 100, step?: () => Promise<Timing>): Promise<AugmentFigures> {
  const { train, test } = readMnist();
  const timer = batchTimer(train);
  const seed = 1;
  elasticPool(SIMARD_ELASTIC.sigma, seed);
  await step?.(); // warm-up: JIT, the pool, the engine's programs
  for (const c of AUGMENT_CASES) augmentRound(timer, c.settings, batches, seed);
  const ms: Timing[][] = AUGMENT_CASES.map(() => []);
  const fills: Timing[] = [];
  const steps: Timing[] = [];
  for (let r = 0; r < rounds; r++) {
    if (step) steps.push(await step());
    AUGMENT_CASES.forEach((c, k) => {
      const t = augmentRound(timer, c.settings, batches, seed);
      ms[k].push(t.workMs);
      fills.push(t.fillMs);
    });
  }
  const pools: Timing[] = [];
  for (let r = 0; r < 5; r++) {
    const t = stopwatch();
    elasticPool(SIMARD_ELASTIC.sigma, 1000 + r); // a new seed: never cached
    pools.push(t());
  }
  const sets: Timing[] = [];
  for (let r = 0; r < 3; r++) {
    const t = stopwatch();
    rotatedSet({ ...test }, 30); // a new set object: never cached
    sets.push(t());
  }
  return {
    batchSize: AUGMENT_BATCH,
    perBatch: AUGMENT_CASES.map((c, k) => ({ name: c.name, ms: medianTiming(ms[k]), rounds: ms[k] })),
    fillMs: medianTiming(fills),
    poolMs: medianTiming(pools),
    rotatedSetMs: medianTiming(sets),
    ...(step ? { step: medianTiming(steps), stepRounds: steps } : {}),
  };
}

/** The figures as a table; `step` (a training step at batch 64, if measured) adds each case's share of it, CPU to CPU where it has both. */
export function augmentReport(f: AugmentFigures, step: Timing | number | undefined = f.step, stepLabel = 'a training step'): string {
  const ref = typeof step === 'number' ? { wall: step, cpu: Number.NaN } : step;
  const list = (ts: Timing[]) => ts.map((t) => `${t.cpu.toFixed(2)}/${t.wall.toFixed(2)}`).join(' ');
  const pct = (a: number, b: number | undefined) => (b && Number.isFinite(b) ? `${((100 * a) / b).toFixed(0)} %` : '–');
  const row = (name: string, t: Timing) =>
    `${name.padEnd(26)}  ${t.cpu.toFixed(3).padStart(7)}  ${t.wall.toFixed(3).padStart(7)}  ${pct(t.cpu, ref?.cpu).padStart(9)}  ${pct(t.wall, ref?.wall).padStart(10)}`;
  const lines = [
    `augmentation in Node ${process.version} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}), batch ${f.batchSize}, medians, ms`,
    ref ? `${stepLabel}: ${Number.isFinite(ref.cpu) ? `${ref.cpu.toFixed(2)} CPU, ` : ''}${ref.wall.toFixed(2)} wall` : '',
    `${'case'.padEnd(26)}  ${'CPU'.padStart(7)}  ${'wall'.padStart(7)}  ${'CPU/step'.padStart(9)}  ${'wall/step'.padStart(10)}`,
    ...f.perBatch.map((c) => row(c.name, c.ms)),
    row('(filling the batch)', f.fillMs),
    `rounds, CPU/wall: ${f.perBatch.map((c) => `\n  ${c.name}: ${list(c.rounds)}`).join('')}${f.stepRounds ? `\n  ${stepLabel}: ${list(f.stepRounds)}` : ''}`,
    `elastic pool (256 fields, σ 4): ${f.poolMs.cpu.toFixed(0)} ms CPU (${f.poolMs.wall.toFixed(0)} wall) once per (σ, seed); 1.6 MB`,
    `one rotated test set (10,000 images): ${f.rotatedSetMs.cpu.toFixed(0)} ms CPU (${f.rotatedSetMs.wall.toFixed(0)} wall) once per angle; 7.8 MB`,
  ];
  return lines.filter(Boolean).join('\n');
}
