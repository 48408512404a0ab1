/**
 * What the page does when the worker does not do what it asked, or goes
 * away: a refused start puts back what the click changed; a job the worker
 * no longer runs is ended here; a replaced worker ends whatever job the page
 * showed as running, keeping its curves. Pure: state in, changes out.
 */
import type { Interruption } from '../interruption.ts';
import type { StreamEvent } from '../../worker/protocol.ts';
import { assertNever } from '../../worker/protocol.ts';
import type { PageProblem } from '../workerWords.ts';
import type { LabState } from './index.ts';

type Refused = Extract<StreamEvent, { type: 'refused' }>;

/** Ends the page's job (run, race or range test) that is still running (by id, or whichever), with `problem`. */
function endRunningJob(s: LabState, runId: number | undefined, problem: PageProblem, cause?: Interruption['cause']): Partial<LabState> | null {
  if (s.run && s.run.phase !== 'done' && (runId === undefined || s.run.id === runId)) {
    return { run: { ...s.run, phase: 'done', error: problem, ...(cause ? { interrupted: cause } : {}) } };
  }
  if (s.race && s.race.phase !== 'done' && (runId === undefined || s.race.runId === runId)) {
    return {
      race: { ...s.race, phase: 'done', error: problem, runs: s.race.runs.map((r) => (r.status === 'running' ? { ...r, status: 'stopped' } : r)) },
    };
  }
  if (s.rangeTest?.status === 'running' && (runId === undefined || s.rangeTest.runId === runId)) {
    return { rangeTest: { ...s.rangeTest, status: 'failed', problem } };
  }
  return null;
}

export function applyRefusal(s: LabState, e: Refused): Partial<LabState> {
  switch (e.command) {
    case 'start':
    case 'race':
    case 'range-test':
      // Put back what the click changed: no phantom "Loading MNIST…".
      if (!s.pendingStart || s.pendingStart.runId !== e.runId) return {};
      return { ...s.pendingStart.restore, pendingStart: null, workerError: { kind: 'refused-start' } };
    case 'pause':
    case 'resume':
    case 'stop':
      // The worker does not run the job the page shows as running: end it here, or Stop would do nothing for ever.
      return endRunningJob(s, e.runId, { kind: 'lost-track' }) ?? {};
    case 'set-hyper':
      // The run has ended; the form keeps the value for the next one.
      return {};
    case 'fault':
    case 'init':
    case 'data':
    case 'reset':
    case 'predict':
    case 'get-params':
    case 'load-params':
    case 'examples':
    case 'inspect':
    case 'replay':
    case 'sample':
    case 'augment-preview':
    case 'model-rotation':
      // Never refused (a fault only without ?faults=1, where nothing sends one).
      return {};
    default:
      return assertNever(e.command);
  }
}

/**
 * The worker was replaced: the job it held (if the page showed one running)
 * ends with the reason and keeps its curves; the weights went with the worker.
 */
export function applyInterruption(s: LabState, i: Interruption): Partial<LabState> {
  const common: Partial<LabState> = { model: null, prediction: null, resetting: false, pendingStart: null };
  const ended = endRunningJob(s, undefined, { kind: 'interrupted-job', interruption: i }, i.cause);
  if (ended) return { ...common, ...ended, workerError: null };
  return { ...common, workerError: { kind: 'interrupted-idle', interruption: i, hadModel: s.model !== null } };
}
