/**
 * The run history as the page sees it: the list (without curves, which stay
 * in IndexedDB until a run is overlaid or exported), which runs are ticked
 * for the overlay and export, and the last message about either.
 */
import type { StateCreator } from 'zustand';
import type { DamagedRecord } from '../storage/idb.ts';
import type { LabState } from '../store/index.ts';
import type { HistoryRecordSummary } from './record.ts';

export interface HistorySlice {
  /** Newest first. */
  history: HistoryRecordSummary[];
  /** Ticked run ids, in the order they were ticked (that order picks each run's colour). */
  historySelected: number[];
  historyMessage: { kind: 'error' | 'info'; text: string } | null;
  /** Stored records that failed the history record's schema: listed so they can be removed, never shown. */
  historyDamaged: DamagedRecord[];
  /** Replaces the list; ticks of runs no longer in it are dropped. */
  setHistory(list: HistoryRecordSummary[]): void;
  setHistorySelected(ids: number[]): void;
  toggleHistorySelected(id: number, on: boolean): void;
  setHistoryMessage(m: HistorySlice['historyMessage']): void;
  setHistoryDamaged(list: DamagedRecord[]): void;
}

export const createHistorySlice: StateCreator<LabState, [], [], HistorySlice> = (set) => ({
  history: [],
  historySelected: [],
  historyMessage: null,
  historyDamaged: [],
  setHistory: (history) =>
    set((s) => {
      const ids = new Set(history.map((r) => r.id));
      return { history, historySelected: s.historySelected.filter((id) => ids.has(id)) };
    }),
  setHistorySelected: (ids) => set({ historySelected: [...new Set(ids)] }),
  toggleHistorySelected: (id, on) =>
    set((s) => {
      const has = s.historySelected.includes(id);
      if (on === has) return {};
      return { historySelected: on ? [...s.historySelected, id] : s.historySelected.filter((x) => x !== id) };
    }),
  setHistoryMessage: (historyMessage) => set({ historyMessage }),
  setHistoryDamaged: (historyDamaged) => set({ historyDamaged }),
});
