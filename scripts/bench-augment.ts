/**
 * Augmentation's cost, in Node (the worker runs the same JavaScript in V8):
 * ms per batch of 64 for each kind of augmentation, the elastic pool's
 * build, and one rotated test set's build. No tfjs here, so `npm run bench`
 * (tsx) and scripts/augment-bench.script.ts (Vitest, beside a tfjs training
 * step) share it.
 *
 * Each figure is the median over rounds, the settings taking turns round by
 * round, so a busy machine slows them alike.
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

export interface AugmentFigures {
  batchSize: number;
  /** Median ms to augment one batch, by case (AUGMENT_CASES order). */
  perBatch: { name: string; ms: number }[];
  /** Median ms to fill a batch from the uint8 images (what every batch costs already), for scale. */
  fillMs: number;
  /** Median ms to build one elastic pool (256 fields, σ 4). */
  poolMs: number;
  /** Median ms to build one rotated test set (10,000 images, 30°). */
  rotatedSetMs: number;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A timer over `batches` batches of the training set: fills each, then times `work` on it. */
export function batchTimer(train: ImageSet) {
  const x = new Float32Array(AUGMENT_BATCH * IMAGE_SIZE);
  const y = new Int32Array(AUGMENT_BATCH);
  const order = range(train.count);
  let next = 0;
  return {
    /** Mean ms of `work` per batch over `batches` batches (and of the fill, for scale). */
    round(batches: number, work: (x: Float32Array, y: Int32Array, b: number) => void): { workMs: number; fillMs: number } {
      let workMs = 0;
      let fillMs = 0;
      for (let b = 0; b < batches; b++) {
        const start = next;
        next = (next + AUGMENT_BATCH) % (train.count - AUGMENT_BATCH);
        const t0 = performance.now();
        fillBatch(train, order, start, AUGMENT_BATCH, x, y);
        const t1 = performance.now();
        work(x, y, b);
        workMs += performance.now() - t1;
        fillMs += t1 - t0;
      }
      return { workMs: workMs / batches, fillMs: fillMs / batches };
    },
  };
}

/** ms per batch of one case, one round. */
export function augmentRound(timer: ReturnType<typeof batchTimer>, settings: AugmentSettings, batches: number, seed: number) {
  return timer.round(batches, (x, _y, b) => augmentBatch(x, AUGMENT_BATCH, settings, deriveRng(seed, `augment:1:${b}`), seed));
}

export function benchAugment(rounds = 9, batches = 100): AugmentFigures {
  const { train, test } = readMnist();
  const timer = batchTimer(train);
  const seed = 1;
  elasticPool(SIMARD_ELASTIC.sigma, seed);
  for (const c of AUGMENT_CASES) augmentRound(timer, c.settings, batches, seed); // warm-up: JIT and the pool
  const ms: number[][] = AUGMENT_CASES.map(() => []);
  const fills: number[] = [];
  for (let r = 0; r < rounds; r++) {
    AUGMENT_CASES.forEach((c, k) => {
      const t = augmentRound(timer, c.settings, batches, seed);
      ms[k].push(t.workMs);
      fills.push(t.fillMs);
    });
  }
  const pools: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    elasticPool(SIMARD_ELASTIC.sigma, 1000 + r); // a new seed: never cached
    pools.push(performance.now() - t0);
  }
  const sets: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    rotatedSet({ ...test }, 30); // a new set object: never cached
    sets.push(performance.now() - t0);
  }
  return {
    batchSize: AUGMENT_BATCH,
    perBatch: AUGMENT_CASES.map((c, k) => ({ name: c.name, ms: median(ms[k]) })),
    fillMs: median(fills),
    poolMs: median(pools),
    rotatedSetMs: median(sets),
  };
}

/** The figures as a table; `stepMs` (a training step at batch 64, if measured) adds each case's share of it. */
export function augmentReport(f: AugmentFigures, stepMs?: number, stepLabel = 'a training step'): string {
  const pct = (ms: number) => (stepMs ? `${((100 * ms) / stepMs).toFixed(0)} %` : '–');
  const lines = [
    `augmentation in Node ${process.version} on ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores), batch ${f.batchSize}, medians`,
    `${'case'.padEnd(26)}  ms/batch  of ${stepLabel}${stepMs ? ` (${stepMs.toFixed(2)} ms)` : ''}`,
    ...f.perBatch.map((c) => `${c.name.padEnd(26)}  ${c.ms.toFixed(3).padStart(8)}  ${pct(c.ms)}`),
    `${'(filling the batch)'.padEnd(26)}  ${f.fillMs.toFixed(3).padStart(8)}  ${pct(f.fillMs)}`,
    `elastic pool (256 fields, σ 4): ${f.poolMs.toFixed(0)} ms once per (σ, seed); 1.6 MB`,
    `one rotated test set (10,000 images): ${f.rotatedSetMs.toFixed(0)} ms once per angle; 7.8 MB`,
  ];
  return lines.join('\n');
}
