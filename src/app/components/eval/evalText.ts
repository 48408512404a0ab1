/** Words the evaluation panels share, in the page's language. */
import { i18n } from '../../../i18n/index.ts';
import type { EvalSet } from '../../../worker/protocol.ts';
import { num } from '../../format.ts';

/** Which evaluation a panel shows: "Validation, epoch 3" or "Test set (final)". */
export function shownLabel(set: EvalSet, epoch: number | null): string {
  if (set === 'test') return i18n.t('eval.shown.test');
  return epoch === null ? i18n.t('eval.shown.validation') : i18n.t('eval.shown.validationEpoch', { epoch: num(epoch, 0) });
}

/** The set inside a sentence: "test" or "validation". */
export const setName = (set: EvalSet): string => i18n.t(`eval.sets.${set}`);

/** An AUC to 4 decimals; NaN (no images of the digit, or a diverged run) reads "undefined". */
export function aucText(auc: number | null): string {
  return auc === null || !Number.isFinite(auc) ? i18n.t('eval.aucUndefined') : num(auc, 4);
}

/** What a panel says before the first epoch. */
export const notYet = (): string => i18n.t('eval.notYet');
