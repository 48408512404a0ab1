/**
 * When the service worker may be registered: once the training worker has
 * settled its first load of the data set (kept, or not), or after
 * `atLatestMs` whatever happened (a worker that never answers).
 *
 * Why wait: installing the service worker downloads and stores the whole app
 * shell (scripts, WebAssembly) once per version. Measured on this project's
 * 2-core machine, that kept its thread busy about a third of a core for four
 * seconds right after the page opened, while the training worker downloaded,
 * decompressed and parsed the MNIST files: with service workers blocked, the
 * data was ready 1.3-1.6 s sooner and the first loss point after a Train
 * pressed as the page opened came 1.1-1.4 s sooner. A returning visitor's
 * page is controlled from its navigation on, whenever register() is called.
 */
import type { OfflineState } from '../store/offlineSlice.ts';

interface OfflineSource {
  getState(): { offline: Pick<OfflineState, 'data'> };
  subscribe(listener: (state: { offline: Pick<OfflineState, 'data'> }) => void): () => void;
}

export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Calls `action` once: when the data has settled, or after `atLatestMs`. */
export function afterDataSettles(store: OfflineSource, action: () => void, atLatestMs: number, timers: Timers = browserTimers): void {
  let done = false;
  let unsubscribe = () => {};
  const timer = timers.setTimeout(() => fire(), atLatestMs);
  function fire(): void {
    if (done) return;
    done = true;
    unsubscribe();
    timers.clearTimeout(timer);
    action();
  }
  const settled = (s: { offline: Pick<OfflineState, 'data'> }) => s.offline.data !== 'loading';
  if (settled(store.getState())) {
    fire();
    return;
  }
  unsubscribe = store.subscribe((s) => {
    if (settled(s)) fire();
  });
}
