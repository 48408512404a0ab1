/**
 * The evaluation the ROC, confusion and per-class panels show, and the words
 * that name it. Both selectors return values that change only when an epoch
 * or the test evaluation arrives (or the student switches sets), not on the
 * loss events that arrive ten times a second, so the panels stay still
 * while the loss chart moves.
 */
import { useDeferredValue } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '../../../worker/protocol.ts';
import { shownEvaluation } from '../../store/evalSlice.ts';
import { useLab } from '../../store/index.ts';
import { EPOCH_PANELS_MS, useThrottled } from '../../useThrottled.ts';
import { shownLabel } from './evalText.ts';

export interface Shown {
  evaluation: Evaluation | null;
  /** "Validation, epoch 3" or "Test set (final)"; '' when there is nothing to show. */
  label: string;
}

export function useShownEvaluation(): Shown {
  // Subscribes to the language too: the label is worded here.
  useTranslation();
  // Deferred: ten ROC curves and a 100-cell table take a few hundred ms to
  // render on a slow machine. As a deferred update React renders them in
  // slices and yields between, so the page (and the loss chart) never freezes.
  // Throttled: on a fast engine epochs end several times a second (see useThrottled). An epoch the
  // student replays with the Epoch slider shows at once.
  const ms = useLab((s) => (s.replayEpoch === null || s.replayEpoch === undefined ? EPOCH_PANELS_MS : 0));
  const evaluation = useDeferredValue(useThrottled(useLab(shownEvaluation), ms));
  // The shown validation evaluation is the latest epoch's, or the one the Epoch slider replays; throttled alike, it changes with it.
  const epoch = useDeferredValue(
    useThrottled(
      useLab(
        (s) => (s.race && s.raceSelected !== null ? s.race.runs[s.raceSelected]?.epochs.at(-1)?.epoch : (s.replayEpoch ?? s.run?.epochs.at(-1)?.epoch)) ?? null,
      ),
      ms,
    ),
  );
  return { evaluation, label: evaluation ? shownLabel(evaluation.set, epoch) : '' };
}
