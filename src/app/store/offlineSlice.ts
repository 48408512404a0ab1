/** Whether the lab works with no network: the page itself (service worker) and the data (the worker's cache). */
import type { StateCreator } from 'zustand';
import type { DataOffline } from '../../worker/protocol.ts';
import type { LabState } from './index.ts';

/** The app shell (html, scripts, styles, wasm, icons) as the service worker keeps it. */
export type ShellState =
  /** The dev server: no service worker, which would keep modules that change at every edit. */
  | 'dev'
  /** No service workers here: an insecure page (http other than localhost), some private modes. */
  | 'unsupported'
  | 'installing'
  /** A service worker is active: every file of the shell is in its cache. */
  | 'ready'
  /** Installing failed (a file did not download); the next visit tries again. */
  | 'failed';

/** The answer to navigator.storage.persist(): 'unknown' until it is asked (once the lab is available offline). */
export type PersistState = 'unknown' | 'granted' | 'denied' | 'unsupported';

export interface OfflineState {
  shell: ShellState;
  /** 'loading' until the worker has loaded the data set once. */
  data: DataOffline | 'loading';
  persist: PersistState;
  /** A newer version of the lab is installed and waits: applying it reloads the page. */
  update: (() => void) | null;
}

export interface OfflineSlice {
  offline: OfflineState;
  setOffline(patch: Partial<OfflineState>): void;
}

export const createOfflineSlice: StateCreator<LabState, [], [], OfflineSlice> = (set) => ({
  offline: { shell: 'installing', data: 'loading', persist: 'unknown', update: null },
  setOffline: (patch) => set((s) => ({ offline: { ...s.offline, ...patch } })),
});
