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

/** Calls `action` once: when the data has settled, or after `atLatestMs`. */
export function afterDataSettles(store: OfflineSource, action: () => void, atLatestMs: number): void {
  let done = false;
  let unsubscribe = () => {};
  const timer = setTimeout(() => fire(), atLatestMs);
  function fire(): void {
    if (done) return;
    done = true;
    unsubscribe();
    clearTimeout(timer);
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
