/**
 * Why the page replaced its training worker, as a code. The store keeps it
 * so; workerWords.ts says what it means in the page's language.
 */
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
  /** The browser's own words for a crash (technical: shown in brackets inside the page's sentence). */
  detail?: string;
  /** The backend the new worker leaves out from now on, if the old one failed on it. */
  excluded: BackendName | null;
}
