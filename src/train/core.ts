/**
 * The one training core. A single run, every run of a comparison and the
 * range test are all this loop: epochs of batches from one BatchSource,
 * trained by one or more engines (a group = runs that share architecture and
 * optimizer kind, stacked in one engine; groups take turns batch by batch, so
 * their curves grow together), losses read back in groups, each run judged
 * on its own (divergence, early stopping), one evaluation per epoch, and
 * pause, stop and hyperparameter changes honoured between batches.
 *
 * It knows nothing about workers or pages: whoever runs it passes the
 * engines, a control and hooks. Runs are numbered globally, in the order of
 * the job's run list; each group says which of them its engine trains.
 */
import type { AugmentSettings } from '../data/augment/index.ts';
import { isAugmentOff } from '../data/augment/index.ts';
import type { ImageSet } from '../data/dataset.ts';
import type { StepHyper } from '../engine/engine.ts';
import type { RaceEngine } from '../engine/race.ts';
import { meanNllFromLogProbs } from '../metrics/index.ts';
import { yieldToEventLoop } from '../shared/yield.ts';
import type { BatchSource } from './batches.ts';
import { isDivergedLoss } from './divergence.ts';
import type { SetPrediction } from './evaluate.ts';
import type { LoopOutcome, LossPoint, Progress } from './types.ts';
import { now } from './types.ts';
import { predictRuns } from './predictRuns.ts';

/** Longest the loop trains without letting the worker's queued messages in, ms (a slower batch yields after each). */
const YIELD_EVERY_MS = 4;

/** Runs stacked in one engine: `runs[k]` is the global index of the engine's run k. */
export interface RunGroup {
  engine: RaceEngine;
  runs: readonly number[];
  /**
   * The group's own augmentation (a comparison whose runs differ in it);
   * absent: the batch source's images as they come.
   */
  augment?: AugmentSettings;
}

export interface CoreSettings {
  epochs: number;
  /** Minimum wall time between two loss readbacks, ms. Bounds both GPU stalls and message rate. */
  flushIntervalMs?: number;
  /** Stop after this many batches in all (the range test); every epoch's batches otherwise. */
  maxSteps?: number;
  /** Evaluate every run on `validation` after each epoch (default true; the range test does not). */
  evaluate?: boolean;
  /** Freeze a run whose batch loss diverges (default true; the range test has its own rule). */
  judgeDivergence?: boolean;
  /** Per global run: early stopping's patience in epochs on validation loss; 0 or absent is off. */
  patience?: readonly number[];
}

export interface CoreData {
  batches: BatchSource;
  /** The held-out images each epoch is judged on. */
  validation: { set: ImageSet; indices: Int32Array };
}

export interface CoreControl {
  /** Every run's numbers for batch `step` (0-based over the job), in global run order; read before every batch. */
  hypers(step: number): readonly StepHyper[];
  stopRequested(): boolean;
  /** Resolves when not paused (immediately if running). */
  whilePaused(): Promise<void>;
}

/** How a run ended. Early stopping restored the weights of `bestEpoch`, the epoch of its lowest validation loss. */
export type RunOutcome = LoopOutcome | { kind: 'early-stopped'; epoch: number; step: number; bestEpoch: number; bestLoss: number };

/** A point of run `run`'s live loss curve. */
export interface RunLossPoint extends LossPoint {
  run: number;
}

export interface RunEpoch {
  run: number;
  /** Mean training NLL over the epoch's samples, nats (NaN if it trained none). */
  trainLoss: number;
  validation: SetPrediction;
  /**
   * The run diverged during this epoch: these are its frozen weights, judged
   * once, at the epoch's end, with the others (free: the stacked forward pass
   * computes every run). At lr 10 they guess at chance; at lr 1, stopped early
   * in epoch 1, they score 31 % where PyTorch, which never stops, ends near
   * chance. Left out when those weights give non-finite log-probabilities.
   */
  diverged?: true;
}

export interface CoreEpochEnd {
  epoch: number;
  /** The runs still training at the end of the epoch, and those that diverged during it, in run order. */
  runs: RunEpoch[];
  /** Training wall time of this epoch, ms (evaluation excluded). */
  trainMs: number;
}

export interface CoreHooks {
  /** Points of every training run read back together (run order), and the job's progress. */
  onLosses?(points: RunLossPoint[], progress: Progress): void;
  /** Every batch's raw loss of run `run`, the first of them from batch `firstStep` (0-based): the range test plots each batch. */
  onBatchLosses?(run: number, firstStep: number, losses: number[]): void;
  /** Asked after each readback: true ends every run as completed (the range test's blow-up rule). */
  finished?(): boolean;
  /** Awaited: the job does not start the next epoch before it returns. */
  onEpoch?(e: CoreEpochEnd): void | Promise<void>;
  /** A run ended before the others (diverged, early-stopped); every run's end is also returned. */
  onRunEnd?(run: number, outcome: RunOutcome): void;
}

interface RunState {
  group: RunGroup;
  /** The run's index inside its group's engine. */
  local: number;
  outcome: RunOutcome | null;
  /** Lowest batch loss so far: the reference of the divergence rule. */
  best: number;
  epochLossSum: number;
  epochSamples: number;
  /** Early stopping: the lowest validation loss, its epoch and that epoch's weights. */
  kept: { loss: number; epoch: number; params: Float32Array[] } | null;
}

export async function trainRuns(
  groups: readonly RunGroup[],
  data: CoreData,
  settings: CoreSettings,
  control: CoreControl,
  hooks: CoreHooks = {},
): Promise<RunOutcome[]> {
  const { epochs } = settings;
  const { batches } = data;
  const flushEvery = settings.flushIntervalMs ?? 100;
  const judge = settings.judgeDivergence ?? true;
  const evaluate = settings.evaluate ?? true;
  const maxSteps = settings.maxSteps ?? Infinity;
  const total = groups.reduce((n, g) => n + g.runs.length, 0);
  const runs: RunState[] = new Array(total);
  for (const group of groups) {
    if (group.runs.length !== group.engine.runs) throw new Error(`a group lists ${group.runs.length} runs for an engine of ${group.engine.runs}`);
    group.runs.forEach((r, local) => {
      runs[r] = { group, local, outcome: null, best: Infinity, epochLossSum: 0, epochSamples: 0, kept: null };
    });
  }
  if (runs.some((s) => s === undefined)) throw new Error('the groups must number their runs 0..R-1, each once');
  const training = () => runs.some((s) => s.outcome === null);

  let step = 0;
  let lastYield = now();
  /** Images trained on (each by every run), for the throughput. */
  let samples = 0;
  let activeMs = 0;
  /** Per group: the batches still on its device, with their size and first global step. */
  const pending = new Map<RunGroup, { size: number; step: number; hypers: StepHyper[] }[]>(groups.map((g) => [g, []]));
  const stepsTotal = Math.min(maxSteps, epochs * batches.batchesPerEpoch);

  const progress = (epoch: number, batch: number): Progress => {
    const samplesPerSec = activeMs > 0 ? (samples * 1000) / activeMs : 0;
    const remaining = Math.max(0, stepsTotal - step) * batches.batchSize;
    return { epoch, epochs, batch, batchesPerEpoch: batches.batchesPerEpoch, step, samplesPerSec, etaSec: samplesPerSec > 0 ? remaining / samplesPerSec : NaN };
  };

  const end = (r: number, outcome: RunOutcome, report: boolean) => {
    const s = runs[r];
    s.outcome = outcome;
    s.group.engine.setActive(s.local, false);
    if (report) hooks.onRunEnd?.(r, outcome);
  };

  /** Reads every group's pending losses, reports a point per training run, and freezes runs that diverged. */
  const flush = async (epoch: number, batch: number): Promise<void> => {
    const points: RunLossPoint[] = [];
    for (const group of groups) {
      const t0 = now();
      const losses = await group.engine.flushLosses();
      activeMs += now() - t0;
      const list = pending.get(group)!;
      pending.set(group, []);
      if (list.length === 0) continue;
      const R = group.engine.runs;
      group.runs.forEach((r, local) => {
        const s = runs[r];
        if (s.outcome !== null) return;
        const raw: number[] = [];
        let sum = 0;
        let weighted = 0;
        let weight = 0;
        for (let i = 0; i < list.length; i++) {
          const loss = losses[i * R + local];
          if (judge && isDivergedLoss(loss, s.best)) {
            if (raw.length) {
              hooks.onBatchLosses?.(r, list[0].step, raw);
              // The finite batches before the blow-up still make a point: a run that diverges inside
              // its first group (lr 10 at its 4th batch) keeps a curve, and so a history record.
              const last = batch - (list.length - i);
              points.push({ run: r, step: list[i].step, epoch: epoch - 1 + last / batches.batchesPerEpoch, loss: sum / raw.length, batches: raw.length });
            }
            end(r, { kind: 'diverged', epoch, step: list[i].step + 1, loss, hyper: { ...list[i].hypers[r] } }, true);
            return;
          }
          // Per batch, never per group: on WebGL a group can hold a dozen batches, and a
          // blow-up inside the very first group (2.3 → 10¹⁰) must not become the reference.
          s.best = Math.min(s.best, loss);
          raw.push(loss);
          sum += loss;
          weighted += loss * list[i].size;
          weight += list[i].size;
        }
        s.epochLossSum += weighted;
        s.epochSamples += weight;
        hooks.onBatchLosses?.(r, list[0].step, raw);
        points.push({ run: r, step, epoch: epoch - 1 + batch / batches.batchesPerEpoch, loss: sum / list.length, batches: list.length });
      });
    }
    points.sort((a, b) => a.run - b.run);
    if (points.length > 0) hooks.onLosses?.(points, progress(epoch, batch));
  };

  const finishAll = (kind: 'stopped' | 'completed', epoch: number) => {
    runs.forEach((s) => {
      if (s.outcome === null) s.outcome = kind === 'stopped' ? { kind, epoch, step } : { kind, epochs: epoch };
    });
  };

  for (let epoch = 1; epoch <= epochs && training(); epoch++) {
    runs.forEach((s) => {
      s.epochLossSum = 0;
      s.epochSamples = 0;
    });
    const epochStart = activeMs;
    let lastFlush = now();
    for (let b = 0; b < batches.batchesPerEpoch; b++) {
      if (!control.stopRequested()) await control.whilePaused();
      if (control.stopRequested()) {
        await flush(epoch, b);
        finishAll('stopped', epoch);
        return outcomes(runs);
      }
      const t0 = now();
      const m = batches.fill(epoch, b);
      const hypers = control.hypers(step).map((h) => ({ ...h }));
      for (const group of groups) {
        if (group.runs.every((r) => runs[r].outcome !== null)) continue;
        const groupHypers = group.runs.map((r) => hypers[r]);
        const hidden = group.engine.arch.sizes.slice(1, -1);
        const noise = groupHypers.some((h) => (h.dropout ?? 0) > 0) ? batches.dropoutNoise(step, m, hidden) : undefined;
        // The images as bytes where the engine scales them itself and no augmentation applies.
        const pixels = group.augment && !isAugmentOff(group.augment) ? null : batches.pixels;
        if (pixels && group.engine.trainPixels) group.engine.trainPixels(pixels, batches.y, m, groupHypers, noise);
        else group.engine.trainBatch(group.augment ? batches.augmentedX(group.augment) : batches.x, batches.y, m, groupHypers, noise);
        pending.get(group)!.push({ size: m, step, hypers });
      }
      step++;
      samples += m;
      activeMs += now() - t0;
      const last = b + 1 === batches.batchesPerEpoch || step >= maxSteps;
      // The run's first batch is reported at once: the first point is what a student waits for after
      // Train, and waiting for the interval put it 100 ms after the first batch (0.14 s after the click).
      if (now() - lastFlush >= flushEvery || last || step === 1) {
        await flush(epoch, b + 1);
        lastFlush = now();
        if (hooks.finished?.()) {
          finishAll('completed', epoch);
          return outcomes(runs);
        }
        if (!training()) return outcomes(runs);
      }
      if (step >= maxSteps) {
        finishAll('completed', epoch);
        return outcomes(runs);
      }
      // A readback may resolve as a microtask (cpu backend): give queued messages (pause, stop, a
      // prediction) their turn every few ms. Not after every batch: a turn of the event loop costs
      // about as much as one of the SIMD engine's batches (0.5 ms at 64 here).
      if (now() - lastYield >= YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = now();
      }
    }
    const trainMs = activeMs - epochStart;
    if (!evaluate) continue;
    const validation = await predictRuns(groups, data.validation.set, data.validation.indices);
    const reports: RunEpoch[] = [];
    const stopping: number[] = [];
    for (let r = 0; r < total; r++) {
      const s = runs[r];
      const trainLoss = s.epochSamples > 0 ? s.epochLossSum / s.epochSamples : NaN;
      if (s.outcome === null) {
        reports.push({ run: r, trainLoss, validation: validation[r] });
        if (await earlyStopDue(s, settings.patience?.[r] ?? 0, epoch, validation[r])) stopping.push(r);
      } else if (s.outcome.kind === 'diverged' && s.outcome.epoch === epoch && validation[r].logProbs.every(Number.isFinite)) {
        reports.push({ run: r, trainLoss, validation: validation[r], diverged: true });
      }
    }
    await hooks.onEpoch?.({ epoch, runs: reports, trainMs });
    for (const r of stopping) {
      const kept = runs[r].kept!;
      runs[r].group.engine.setParams(runs[r].local, kept.params);
      end(r, { kind: 'early-stopped', epoch, step, bestEpoch: kept.epoch, bestLoss: kept.loss }, true);
    }
  }
  finishAll('completed', Math.min(epochs, Math.ceil(step / batches.batchesPerEpoch)));
  return outcomes(runs);
}

/**
 * Early stopping's rule, after an epoch's validation: keep the weights of the
 * lowest validation loss so far; once `patience` epochs have passed without a
 * lower one, the run is due to stop (and gets those weights back).
 */
async function earlyStopDue(s: RunState, patience: number, epoch: number, validation: SetPrediction): Promise<boolean> {
  if (!(patience > 0)) return false;
  const classes = s.group.engine.arch.sizes[s.group.engine.arch.sizes.length - 1];
  const loss = meanNllFromLogProbs(validation.logProbs, validation.labels, classes);
  if (s.kept === null || loss < s.kept.loss) {
    s.kept = { loss, epoch, params: await s.group.engine.getParams(s.local) };
    return false;
  }
  return epoch - s.kept.epoch >= patience;
}

function outcomes(runs: RunState[]): RunOutcome[] {
  return runs.map((s) => s.outcome!);
}
