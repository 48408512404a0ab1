/** Words the evaluation panels share. */
import type { EvalSet } from '../../../worker/protocol.ts';

/** Which evaluation a panel shows: "Validation, epoch 3" or "Test set (final)". */
export function shownLabel(set: EvalSet, epoch: number | null): string {
  if (set === 'test') return 'Test set (final)';
  return epoch === null ? 'Validation' : `Validation, epoch ${epoch}`;
}

export function setName(set: EvalSet): string {
  return set === 'test' ? 'test' : 'validation';
}

/** An AUC to 4 decimals; NaN (no images of the digit, or a diverged run) reads "undefined". */
export function aucText(auc: number | null): string {
  return auc === null || !Number.isFinite(auc) ? 'undefined' : auc.toFixed(4);
}

export const NOT_YET = 'Appears after the first epoch.';
