/**
 * Why the page replaced its training worker, as a code, and the words for it.
 * The worker sends codes and numbers; the page says what they mean.
 */
import { backendName } from '../shared/backendNames.ts';
import type { BackendName } from '../shared/backendNames.ts';

export type InterruptCause =
  /** Nothing came from the worker for too long: it closed, crashed silently, or loops forever. */
  | 'worker-stopped'
  /** The worker beat, but its job made no progress for too long (most often a GPU that stopped answering). */
  | 'stalled'
  /** The browser took the WebGL context away (a GPU reset, too many contexts, a driver problem). */
  | 'webgl-lost'
  /** The worker raised an error event (an uncaught exception, a script that failed to load). */
  | 'crashed';

export interface Interruption {
  cause: InterruptCause;
  /** The browser's own words, for a crash. */
  detail?: string;
  /** The backend the new worker leaves out from now on, if the old one failed on it. */
  excluded: BackendName | null;
}

const WHAT: Record<InterruptCause, string> = {
  'worker-stopped': 'The training worker stopped answering',
  stalled: 'Training stopped making progress (the GPU may have stopped answering)',
  'webgl-lost': 'The browser took the GPU away from the lab (the WebGL context was lost)',
  crashed: 'The training worker stopped unexpectedly',
};

/** What happened, and what the page did about it: a new worker, on the next backend if the old one failed. */
export function interruptionText(i: Interruption): string {
  const detail = i.detail ? ` (${i.detail})` : '';
  const next = i.excluded ? `A new worker has started without ${backendName(i.excluded)}` : 'A new worker has started';
  return `${WHAT[i.cause]}${detail}. ${next}.`;
}

/** For a job it ended: its curves stay, its weights are gone. */
export function interruptedJobText(i: Interruption): string {
  return `${interruptionText(i)} The curves so far are kept; the trained weights were lost with the old worker. Your settings are kept: press Train to start again.`;
}

/** When no job was running: only the model (if any) was lost. */
export function interruptedIdleText(i: Interruption, hadModel: boolean): string {
  return `${interruptionText(i)}${hadModel ? ' The trained network was lost with the old worker: train again, or load a saved model.' : ''}`;
}
