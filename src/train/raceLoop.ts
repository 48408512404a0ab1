/**
 * The training loop of a learning-rate race: trainLoop's epochs, seeded
 * shuffles, grouped readbacks and pause/stop, for R runs trained together on
 * the same batches. Each run is judged on its own: one that diverges is
 * frozen and reported, and the others go on. The race ends when every epoch
 * is done, a stop is requested, or no run is left.
 */
import { IMAGE_SIZE, epochOrder, fillBatch } from '../data/dataset.ts';
import type { StepHyper } from '../engine/engine.ts';
import type { RaceEngine } from '../engine/race.ts';
import { yieldToEventLoop } from '../shared/yield.ts';
import { isDivergedLoss } from './divergence.ts';
import type { SetPrediction } from './evaluate.ts';
import type { LoopData, LoopOutcome, LoopSettings, LossPoint, Progress } from './loop.ts';
import { now } from './loop.ts';
import { predictRaceSet } from './raceEvaluate.ts';

/** A point of run `run`'s live loss curve. */
export interface RaceLossPoint extends LossPoint {
  run: number;
}

export interface RaceRunEpoch {
  run: number;
  /** Mean training NLL over the epoch's samples, nats (NaN if it trained none). */
  trainLoss: number;
  validation: SetPrediction;
  /**
   * True for a run that diverged during this epoch: its frozen weights, judged
   * once, at the epoch's end, with the others (free: the stacked forward pass
   * computes every run). It shows what the blow-up left: at lr 10 a network
   * guessing at chance (9 %); at lr 1, stopped early in epoch 1, 31 %, where
   * PyTorch, which never stops it, ends near chance. Left out when those
   * weights give non-finite log-probabilities (NaN or ∞ weights).
   */
  diverged?: true;
}

export interface RaceEpochEnd {
  epoch: number;
  /** The runs still racing at the end of the epoch, and those that diverged during it, in run order. */
  runs: RaceRunEpoch[];
  /** Training wall time of this epoch, ms (evaluation excluded). */
  trainMs: number;
}

export interface RaceHooks {
  /** Points of every running run read back together (run order), and the race's progress. */
  onLosses?(points: RaceLossPoint[], progress: Progress): void;
  /** Awaited: the race does not start the next epoch before it returns. */
  onEpoch?(e: RaceEpochEnd): void | Promise<void>;
  /** A run left the race early (it diverged); the others go on. */
  onRunEnd?(run: number, outcome: LoopOutcome): void;
}

export interface RaceControl {
  /** Every run's hyperparameters (length R), read before every batch. */
  /** Hyperparameters for batch `step` (0-based over the race), one per run; read before every batch. */
  hypers(step: number): readonly StepHyper[];
  stopRequested(): boolean;
  /** Resolves when not paused (immediately if running). */
  whilePaused(): Promise<void>;
}

/** Per run, as trainLoop's outcome; a diverged run's step is the batch whose loss diverged. */
export type RaceOutcome = LoopOutcome[];

interface RunState {
  /** null while the run is racing. */
  outcome: LoopOutcome | null;
  /** Lowest batch loss so far: the reference of the divergence rule. */
  best: number;
  epochLossSum: number;
  epochSamples: number;
}

export async function raceLoop(engine: RaceEngine, data: LoopData, settings: LoopSettings, control: RaceControl, hooks: RaceHooks = {}): Promise<RaceOutcome> {
  const { epochs, batchSize, seed } = settings;
  const R = engine.runs;
  const flushEvery = settings.flushIntervalMs ?? 100;
  const n = data.trainIndices.length;
  const batchesPerEpoch = Math.ceil(n / batchSize);
  const x = new Float32Array(batchSize * IMAGE_SIZE);
  const y = new Int32Array(batchSize);
  const runs: RunState[] = Array.from({ length: R }, () => ({ outcome: null, best: Infinity, epochLossSum: 0, epochSamples: 0 }));
  const racing = () => runs.some((s) => s.outcome === null);

  let step = 0;
  /** Images trained on (each by every run), for the throughput. */
  let samples = 0;
  let activeMs = 0;
  // Per batch still on the device: its size (to weight the epoch means) and the hypers it ran with.
  let pending: Array<{ size: number; hypers: readonly StepHyper[] }> = [];

  const progress = (epoch: number, batch: number): Progress => {
    const samplesPerSec = activeMs > 0 ? (samples * 1000) / activeMs : 0;
    const remaining = (epochs - epoch) * n + (n - Math.min(n, batch * batchSize));
    return { epoch, epochs, batch, batchesPerEpoch, step, samplesPerSec, etaSec: samplesPerSec > 0 ? remaining / samplesPerSec : NaN };
  };

  const diverge = (r: number, outcome: LoopOutcome) => {
    runs[r].outcome = outcome;
    engine.setActive(r, false);
    hooks.onRunEnd?.(r, outcome);
  };

  /** Reads pending losses, reports a point per racing run, and freezes runs that diverged. */
  const flush = async (epoch: number, batch: number): Promise<void> => {
    const t0 = now();
    const losses = await engine.flushLosses();
    activeMs += now() - t0;
    const group = pending;
    pending = [];
    if (group.length === 0) return;
    const firstStep = step - group.length + 1;
    const points: RaceLossPoint[] = [];
    runs.forEach((s, r) => {
      if (s.outcome !== null) return;
      let sum = 0;
      let weighted = 0;
      let weight = 0;
      for (let i = 0; i < group.length; i++) {
        const loss = losses[i * R + r];
        if (isDivergedLoss(loss, s.best)) {
          diverge(r, { kind: 'diverged', epoch, step: firstStep + i, loss, hyper: { ...group[i].hypers[r] } });
          return;
        }
        // Per batch, never per group (see trainLoop): a blow-up inside one group must not become the reference.
        s.best = Math.min(s.best, loss);
        sum += loss;
        weighted += loss * group[i].size;
        weight += group[i].size;
      }
      s.epochLossSum += weighted;
      s.epochSamples += weight;
      points.push({ run: r, step, epoch: epoch - 1 + batch / batchesPerEpoch, loss: sum / group.length, batches: group.length });
    });
    if (points.length > 0) hooks.onLosses?.(points, progress(epoch, batch));
  };

  const stopAll = (epoch: number) => {
    runs.forEach((s) => {
      if (s.outcome === null) s.outcome = { kind: 'stopped', epoch, step };
    });
  };

  for (let epoch = 1; epoch <= epochs && racing(); epoch++) {
    const order = epochOrder(data.trainIndices, seed, epoch);
    runs.forEach((s) => {
      s.epochLossSum = 0;
      s.epochSamples = 0;
    });
    const epochStart = activeMs;
    let lastFlush = now();
    for (let b = 0; b < batchesPerEpoch; b++) {
      if (!control.stopRequested()) await control.whilePaused();
      if (control.stopRequested()) {
        await flush(epoch, b);
        stopAll(epoch);
        return outcomes(runs);
      }
      const t0 = now();
      const start = b * batchSize;
      const m = Math.min(batchSize, n - start);
      fillBatch(data.train, order, start, m, x, y);
      const hypers = control.hypers(step).map((h) => ({ ...h }));
      engine.trainBatch(x, y, m, hypers);
      pending.push({ size: m, hypers });
      step++;
      samples += m;
      activeMs += now() - t0;
      if (now() - lastFlush >= flushEvery || b + 1 === batchesPerEpoch) {
        await flush(epoch, b + 1);
        lastFlush = now();
        if (!racing()) return outcomes(runs);
      }
      // A readback may resolve as a microtask (cpu backend): always give queued messages their turn.
      await yieldToEventLoop();
    }
    const trainMs = activeMs - epochStart;
    const validation = await predictRaceSet(engine, data.train, data.validationIndices);
    const reports: RaceRunEpoch[] = [];
    runs.forEach((s, r) => {
      const trainLoss = s.epochSamples > 0 ? s.epochLossSum / s.epochSamples : NaN;
      if (s.outcome === null) reports.push({ run: r, trainLoss, validation: validation[r] });
      else if (s.outcome.kind === 'diverged' && s.outcome.epoch === epoch && validation[r].logProbs.every(Number.isFinite)) {
        reports.push({ run: r, trainLoss, validation: validation[r], diverged: true });
      }
    });
    await hooks.onEpoch?.({ epoch, runs: reports, trainMs });
  }
  runs.forEach((s) => {
    if (s.outcome === null) s.outcome = { kind: 'completed', epochs };
  });
  return outcomes(runs);
}

function outcomes(runs: RunState[]): RaceOutcome {
  return runs.map((s) => s.outcome!);
}
