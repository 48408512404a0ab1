/**
 * The job holding the worker (a run, a race or a range test) from its
 * `accepted` to its end event: the flags the training loop reads between
 * batches (stop, pause) and the phase it works in, which Resume shows again
 * and the heartbeat names. The host owns at most one.
 */
import type { HyperSettings } from '../shared/runSpec.ts';
import { stepHyperOf } from '../shared/runSpec.ts';
import type { EngineId } from '../shared/engineIds.ts';
import type { RaceStart, RangeTestStart, RunPhase, StartRun, WorkerEvent } from './protocol.ts';

export type Post = (e: WorkerEvent, transfer?: ArrayBufferView[]) => void;

export interface Job {
  runId: number;
  kind: (StartRun | RaceStart | RangeTestStart)['type'];
  /** Posts for the job: remembers the phase it works in, and keeps it quiet while paused. */
  post: Post;
  /** The phase the job works in (never 'paused'). */
  phase: RunPhase;
  /** Asked to stop (Stop or Reset): the job ends after its current batch, and can no longer pause or change. */
  stop: boolean;
  paused: boolean;
  /** Resolves the loop's wait while paused. */
  resume: (() => void) | null;
  /** The live numbers the student set; a schedule moves the learning rate (and momentum) from them per batch. */
  hyper: HyperSettings;
  /** Bumped by each set-hyper; the loop posts a marker when it first trains with a new version. */
  hyperVersion: number;
  /** The heartbeat's timer. */
  beat?: ReturnType<typeof setInterval>;
  /** The engine its runs train on, once it has made them: the one to leave out next time if the job breaks. */
  engine?: EngineId;
}

export function createJob(cmd: StartRun | RaceStart | RangeTestStart, post: Post): Job {
  const job: Job = {
    runId: cmd.runId,
    kind: cmd.type,
    phase: 'loading-data',
    stop: false,
    paused: false,
    resume: null,
    hyper: stepHyperOf(cmd.settings),
    hyperVersion: 0,
    post: (e, transfer) => {
      if (e.type === 'phase' && e.phase !== 'paused') {
        job.phase = e.phase;
        // A phase reached while paused is shown on Resume.
        if (job.paused) return;
      }
      post(e, transfer);
    },
  };
  return job;
}

/** The loop's wait between batches: at once while running, until Resume (or Stop) while paused. */
export const whilePaused = (job: Job) => (): Promise<void> => (job.paused ? new Promise<void>((r) => (job.resume = r)) : Promise.resolve());

export function pauseJob(job: Job, paused: boolean): void {
  job.paused = paused;
  if (paused) return;
  job.resume?.();
  job.resume = null;
}

export function stopJob(job: Job): void {
  job.stop = true;
  pauseJob(job, false);
}
