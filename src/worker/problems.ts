/**
 * What went wrong in the worker, as the protocol's problem codes: the page
 * words them. An exception's own text travels as `detail` only.
 */
import { DataLoadError } from '../data/load.ts';
import type { BackendSkip, WorkerProblem } from './protocol.ts';

/** No backend works in this browser; `skipped` says why for each. */
export class NoBackendError extends Error {
  constructor(readonly skipped: BackendSkip[]) {
    // For logs only: the page words the problem from `skipped`.
    super(`no tfjs backend works: ${skipped.map((s) => `${s.backend} ${s.why}${s.detail ? ` (${s.detail})` : ''}`).join('; ')}`);
    this.name = 'NoBackendError';
  }
}

/** An exception's own text, for `detail`. */
export const detailOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * The problem an error is, when it is one the page words by its own code
 * (the data, no backend); null for anything else, which the host reports
 * by what it was doing.
 */
export function knownProblem(err: unknown): WorkerProblem | null {
  if (err instanceof DataLoadError) return err.problem;
  if (err instanceof NoBackendError) return { kind: 'no-backend', skipped: err.skipped };
  return null;
}
