/**
 * The run history as the page sees it: the list (without curves, which stay
 * in IndexedDB until a run is overlaid or exported), which runs are ticked
 * for the overlay and export, and the last message about either.
 */
import type { StateCreator } from 'zustand';
import type { Notice } from '../notice.ts';
import type { DamagedRecord } from '../storage/idb.ts';
import type { LabState } from '../store/index.ts';
import type { HistoryRecordSummary } from './record.ts';
import { newestFirst } from './record.ts';

export interface HistorySlice {
  /** Newest first. */
  history: HistoryRecordSummary[];
  /** The list has been read from IndexedDB (a long history takes a few seconds when the page opens). */
  historyListed: boolean;
  /** Ticked run ids, in the order they were ticked (that order picks each run's colour). */
  historySelected: number[];
  historyMessage: Notice | null;
  /** Stored records that failed the history record's schema: listed so they can be removed, never shown. */
  historyDamaged: DamagedRecord[];
  /** Records this page is still writing, run by run (a run or race training now): the list shows them as running. */
  historyLive: number[];
  /** Replaces the list; ticks of runs no longer in it are dropped. */
  setHistory(list: HistoryRecordSummary[]): void;
  /**
   * Adds runs to the list, or replaces those with the same id, keeping it
   * newest first: a save changes the list by what it wrote, never by reading
   * the whole history back.
   */
  upsertHistory(runs: readonly HistoryRecordSummary[]): void;
  removeHistory(id: number): void;
  setHistorySelected(ids: number[]): void;
  toggleHistorySelected(id: number, on: boolean): void;
  setHistoryMessage(m: HistorySlice['historyMessage']): void;
  setHistoryDamaged(list: DamagedRecord[]): void;
  setHistoryLive(id: number, live: boolean): void;
}

export const createHistorySlice: StateCreator<LabState, [], [], HistorySlice> = (set) => ({
  history: [],
  historyListed: false,
  historySelected: [],
  historyMessage: null,
  historyDamaged: [],
  historyLive: [],
  setHistory: (history) =>
    set((s) => {
      const ids = new Set(history.map((r) => r.id));
      return { history, historyListed: true, historySelected: s.historySelected.filter((id) => ids.has(id)) };
    }),
  upsertHistory: (runs) =>
    set((s) => {
      if (runs.length === 0) return {};
      const ids = new Set(runs.map((r) => r.id));
      return { history: [...s.history.filter((r) => !ids.has(r.id)), ...runs].sort(newestFirst) };
    }),
  removeHistory: (id) => set((s) => ({ history: s.history.filter((r) => r.id !== id), historySelected: s.historySelected.filter((x) => x !== id) })),
  setHistorySelected: (ids) => set({ historySelected: [...new Set(ids)] }),
  toggleHistorySelected: (id, on) =>
    set((s) => {
      const has = s.historySelected.includes(id);
      if (on === has) return {};
      return { historySelected: on ? [...s.historySelected, id] : s.historySelected.filter((x) => x !== id) };
    }),
  setHistoryMessage: (historyMessage) => set({ historyMessage }),
  setHistoryDamaged: (historyDamaged) => set({ historyDamaged }),
  setHistoryLive: (id, live) =>
    set((s) => (s.historyLive.includes(id) === live ? {} : { historyLive: live ? [...s.historyLive, id] : s.historyLive.filter((x) => x !== id) })),
});
