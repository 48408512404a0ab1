/**
 * The settings' preview, kept up to date: asks the worker for the run's
 * first training images a quarter of a second after the last change of a
 * setting that shapes them (augmentation, seed, batch size, training-set
 * size), and keeps only the answer to the latest question.
 */
import { useEffect, useRef, useState } from 'react';
import type { RunSettings } from '../../../shared/settings.ts';
import { requestPreview } from '../../rotationActions.ts';

/** ms after the last change before asking: typing "30" asks once, not for "3" and then "30". */
export const PREVIEW_DEBOUNCE_MS = 250;

export type PreviewState =
  | { status: 'loading' }
  | { status: 'ready'; images: Uint8Array; labels: Uint8Array }
  | { status: 'failed' }
  /** The settings do not parse: nothing to preview until they do. */
  | { status: 'invalid' };

/** The settings the preview depends on, as one comparable key (null while the form is invalid). */
export function previewKey(s: RunSettings | null): string | null {
  if (!s) return null;
  const { rotationDeg, shiftPx, scalePct, elastic, elasticAlpha, elasticSigma, seed, batchSize, trainSize } = s;
  return JSON.stringify([rotationDeg, shiftPx, scalePct, elastic, elastic ? elasticAlpha : 0, elastic ? elasticSigma : 0, seed, batchSize, trainSize]);
}

export function useAugmentPreview(settings: RunSettings | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'loading' });
  const asked = useRef(0);
  const key = previewKey(settings);
  // The settings of `key`, read when the timer fires (the key alone decides when to ask).
  const latest = useRef(settings);
  latest.current = settings;

  useEffect(() => {
    if (key === null) {
      setState({ status: 'invalid' });
      return;
    }
    const question = ++asked.current;
    const timer = setTimeout(() => {
      const s = latest.current;
      if (!s) return;
      void requestPreview(s).then((got) => {
        if (question !== asked.current) return;
        setState(got ? { status: 'ready', ...got } : { status: 'failed' });
      });
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key]);

  return state;
}
