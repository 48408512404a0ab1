/**
 * The content size of an element, kept current by a ResizeObserver; 0 × 0
 * until the first measurement. A chart draws for the box it is given, so
 * the page's layout (and present mode) sizes it with CSS alone.
 *
 * The first size is the observer's first notification, which comes with the
 * browser's own layout, not a read of the box at mount: that read forced a
 * layout of the whole page in the middle of the task, 24-36 ms of the frame
 * in which the evaluation panels first mount at a run's first epoch (Long
 * Animation Frames, tfjs wasm, two cores). The chart draws from the next frame.
 */
import { type RefObject, useLayoutEffect, useState } from 'react';

export function useSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (width: number, height: number) => {
      const w = Math.floor(width);
      const h = Math.floor(height);
      setSize((s) => (s.width === w && s.height === h ? s : { width: w, height: h }));
    };
    const observer = new ResizeObserver(([entry]) => measure(entry.contentRect.width, entry.contentRect.height));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
