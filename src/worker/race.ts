/**
 * A comparison inside the worker (the learning-rate race is one): the
 * training core with every run of the comparison, grouped into stacked
 * engines by network, optimizer and initial weights (train/groups.ts), all on
 * the same batches, each run scheduled from its own base numbers, streamed to
 * the page as per-run loss points and per-epoch evaluations. A diverged run
 * is frozen and reported at once; the others go on.
 */
import type { ImageSet } from '../data/dataset.ts';
import type { RaceEngine } from '../engine/race.ts';
import type { Architecture } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import type { OptimizerSpec } from '../shared/optimizer.ts';
import { BatchSource } from '../train/batches.ts';
import type { CoreControl, RunGroup, RunOutcome } from '../train/core.ts';
import { trainRuns } from '../train/core.ts';
import { groupRuns } from '../train/groups.ts';
import { scheduledStep } from '../train/schedule.ts';
import type { RaceEpochRun, RaceStart, WorkerEvent } from './protocol.ts';
import { evaluationBuffers } from './protocol.ts';
import { runEndOf } from './runEnd.ts';
import { summarize } from './summary.ts';

export interface RaceContext {
  post(e: WorkerEvent, transfer?: ArrayBufferView[]): void;
  /** A stacked engine of `runs` runs, all starting from `params`. */
  createEngine(arch: Architecture, params: Float32Array[], runs: number, optimizer: OptimizerSpec): RaceEngine;
  train: ImageSet;
  /**
   * Called once the race has ended (after race-done): accuracy by rotation
   * of `runs`, measured with `groups`, whose engines it takes (it frees them).
   * A stopped race, or one where every run diverged, passes no groups and no
   * runs: there is nothing to measure, which the page hears too.
   */
  afterRace?(groups: RunGroup[], runs: ReadonlySet<number>): void;
  trainIndices: Int32Array;
  validationIndices: Int32Array;
  stopRequested(): boolean;
  whilePaused(): Promise<void>;
  flushIntervalMs?: number;
}

export async function runRace(cmd: RaceStart, ctx: RaceContext): Promise<void> {
  const { runId, runs } = cmd;
  // Batches are shared: batch size, epochs and seed are the same for every run (parseCompare sees to it);
  // a group whose runs augment differently from the others gets the same images augmented its way.
  const { batchSize, epochs, seed } = runs[0];
  const batches = new BatchSource({ train: ctx.train, indices: ctx.trainIndices, batchSize, seed });
  const stepsPerEpoch = batches.batchesPerEpoch;
  const totalSteps = stepsPerEpoch * epochs;
  const ended = new Set<number>();
  const groups: RunGroup[] = [];
  try {
    for (const g of groupRuns(runs))
      groups.push({ engine: ctx.createEngine(g.arch, initParams(g.arch, g.init, seed), g.runs.length, g.optimizer), runs: g.runs, augment: g.augment });
    ctx.post({ type: 'phase', runId, phase: 'training' });

    const endRun = (run: number, o: RunOutcome) => {
      if (ended.has(run)) return;
      ended.add(run);
      // The page names the run (app/runNames.ts) and words how it ended.
      ctx.post({ type: 'race-run-end', runId, run, end: runEndOf(o) });
    };
    const control: CoreControl = {
      // One-cycle moves each run's momentum relative to that run's own base.
      hypers: (step) => runs.map((r) => scheduledStep(r, r.schedule, { step, totalSteps, stepsPerEpoch })),
      stopRequested: ctx.stopRequested,
      whilePaused: ctx.whilePaused,
    };
    const outcomes = await trainRuns(
      groups,
      { batches, validation: { set: ctx.train, indices: ctx.validationIndices } },
      { epochs, flushIntervalMs: ctx.flushIntervalMs, patience: runs.map((r) => r.patience) },
      control,
      {
        onLosses: (points, progress) => ctx.post({ type: 'race-losses', runId, points, progress }),
        onEpoch: (end) => {
          const reported: RaceEpochRun[] = [];
          const buffers: ArrayBufferView[] = [];
          for (const r of end.runs) {
            const { evaluation } = summarize('validation', r.validation);
            reported.push({ run: r.run, trainLoss: r.trainLoss, validation: evaluation, ...(r.diverged ? { diverged: true } : {}) });
            buffers.push(...evaluationBuffers(evaluation));
          }
          ctx.post({ type: 'race-epoch', runId, epoch: end.epoch, runs: reported }, buffers);
        },
        onRunEnd: endRun,
      },
    );
    outcomes.forEach((o, run) => endRun(run, o));
    const diverged = outcomes.filter((o) => o.kind === 'diverged').length;
    const early = outcomes.filter((o) => o.kind === 'early-stopped').length;
    ctx.post({
      type: 'race-done',
      runId,
      summary: ctx.stopRequested()
        ? { kind: 'stopped' }
        : { kind: 'finished', runs: runs.length, completed: runs.length - diverged - early, earlyStopped: early, diverged, epochs },
    });
    // Accuracy by rotation of every run that did not diverge (a diverged run's weights are wild), after the end; not when stopped.
    const judged = new Set(outcomes.flatMap((o, run) => (o.kind === 'diverged' ? [] : [run])));
    const measured = judged.size > 0 && !ctx.stopRequested();
    ctx.afterRace?.(measured ? groups.splice(0) : [], measured ? judged : new Set());
  } finally {
    for (const g of groups) disposeQuietly(g.engine);
  }
}

/** Frees an engine; a lost WebGL context can make dispose throw, and the memory is gone with it anyway. */
function disposeQuietly(e: { dispose(): void }): void {
  try {
    e.dispose();
  } catch {
    // nothing left to free
  }
}
