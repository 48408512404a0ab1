/**
 * Runs a learning-rate race inside the worker: R runs stacked in one engine,
 * the same batches, each with its own learning rate and momentum (scheduled
 * like a single run's, from the run's own base values), streamed to the page
 * as per-run loss points and per-epoch evaluations. A diverged run is frozen
 * and reported at once; the others go on.
 */
import type { ImageSet } from '../data/dataset.ts';
import type { RaceEngine } from '../engine/race.ts';
import type { LoopOutcome } from '../train/loop.ts';
import type { RaceControl } from '../train/raceLoop.ts';
import { raceLoop } from '../train/raceLoop.ts';
import type { Schedule } from '../train/schedule.ts';
import { scheduledHyper } from '../train/schedule.ts';
import { describeDivergedLoss } from '../train/divergence.ts';
import type { RaceEpochRun, RaceRunReason, RaceStart, WorkerEvent } from './protocol.ts';
import { evaluationBuffers } from './protocol.ts';
import { summarize } from './summary.ts';
import { raceRunNames } from '../shared/raceRuns.ts';

export interface RaceContext {
  post(e: WorkerEvent, transfer?: ArrayBufferView[]): void;
  engine: RaceEngine;
  train: ImageSet;
  trainIndices: Int32Array;
  validationIndices: Int32Array;
  stopRequested(): boolean;
  whilePaused(): Promise<void>;
  flushIntervalMs?: number;
}

export async function runRace(cmd: RaceStart, ctx: RaceContext): Promise<void> {
  const { runId, settings, runs } = cmd;
  const names = raceRunNames(runs);
  const batchesPerEpoch = Math.ceil(ctx.trainIndices.length / settings.batchSize);
  const totalSteps = batchesPerEpoch * settings.epochs;
  const schedule: Schedule = { kind: settings.schedule };
  const ended = new Set<number>();

  const endRun = (run: number, o: LoopOutcome) => {
    if (ended.has(run)) return;
    ended.add(run);
    const reason: RaceRunReason = o.kind;
    const message =
      o.kind === 'diverged'
        ? `${names[run]} diverged: the loss ${describeDivergedLoss(o.loss)} at batch ${o.step}, epoch ${o.epoch}. The other runs go on.`
        : o.kind === 'completed'
          ? `${names[run]} finished ${o.epochs} epoch${o.epochs === 1 ? '' : 's'}.`
          : `${names[run]} stopped during epoch ${o.epoch}.`;
    ctx.post({ type: 'race-run-end', runId, run, reason, message });
  };

  const control: RaceControl = {
    hypers: (step) =>
      // One-cycle moves each run's momentum relative to that run's own base.
      runs.map((r) =>
        scheduledHyper(schedule, { step, totalSteps, stepsPerEpoch: batchesPerEpoch, baseLr: r.learningRate, baseMomentum: r.momentum }),
      ),
    stopRequested: ctx.stopRequested,
    whilePaused: ctx.whilePaused,
  };

  const outcomes = await raceLoop(
    ctx.engine,
    { train: ctx.train, trainIndices: ctx.trainIndices, validationIndices: ctx.validationIndices },
    { epochs: settings.epochs, batchSize: settings.batchSize, seed: settings.seed, flushIntervalMs: ctx.flushIntervalMs },
    control,
    {
      onLosses: (points, progress) => ctx.post({ type: 'race-losses', runId, points, progress }),
      onEpoch: (end) => {
        const runs: RaceEpochRun[] = [];
        const buffers: ArrayBufferView[] = [];
        for (const r of end.runs) {
          const { evaluation } = summarize('validation', r.validation);
          runs.push({ run: r.run, trainLoss: r.trainLoss, validation: evaluation, ...(r.diverged ? { diverged: true } : {}) });
          buffers.push(...evaluationBuffers(evaluation));
        }
        ctx.post({ type: 'race-epoch', runId, epoch: end.epoch, runs }, buffers);
      },
      onRunEnd: endRun,
    },
  );
  outcomes.forEach((o, run) => endRun(run, o));
  const diverged = outcomes.filter((o) => o.kind === 'diverged').length;
  ctx.post({
    type: 'race-done',
    runId,
    message: ctx.stopRequested()
      ? 'Race stopped.'
      : `Race finished: ${runs.length - diverged} of ${runs.length} runs completed ${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'}${diverged ? `, ${diverged} diverged` : ''}.`,
  });
}
