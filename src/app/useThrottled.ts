/**
 * A value that follows another at most once per `ms`: the first value at
 * once, then each change no sooner than `ms` after the last one shown, the
 * latest winning (a trailing update is never lost). A null or undefined
 * value (a run cleared) shows at once.
 *
 * Why: the page's own work per worker message must stay small while any
 * engine trains. The SIMD engine finishes an epoch of 50,000 images in about
 * half a second here, so the evaluation panels (ten ROC curves, a 100-cell
 * table) and the charts, each a few tens of milliseconds to render on this
 * machine, would redraw several times a second; a person reads them no
 * faster than once a second. The store still takes every event as it comes.
 */
import { useEffect, useRef, useState } from 'react';

/** ms still to wait before a change may show, when the last one showed at `lastShownAt`. */
export function throttleWait(lastShownAt: number, now: number, ms: number): number {
  return Math.max(0, lastShownAt + ms - now);
}

export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(Number.NEGATIVE_INFINITY);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const show = () => {
      lastShownAt.current = performance.now();
      setShown(value);
    };
    const wait = value == null ? 0 : throttleWait(lastShownAt.current, performance.now(), ms);
    if (wait === 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, ms]);
  return shown;
}

/** How often the panels that change once an epoch (evaluation, accuracy, the validation curve) may redraw while training, ms. */
export const EPOCH_PANELS_MS = 1000;
/** How often the live loss curves may redraw, ms: the worker sends up to 10 points a second, and each redraw is main-thread time taken from a busy 2-core machine (30-100 ms a chart before they were hand-drawn, a few ms now). */
export const LOSS_CURVE_MS = 500;
