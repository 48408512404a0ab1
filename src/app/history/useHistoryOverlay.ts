/**
 * The ticked runs with their curves, for the overlay chart. Curves are read
 * from IndexedDB the first time a run is ticked and kept for the page's life
 * (a record's curves never change; ids are never reused), so ticking and
 * unticking costs nothing after the first time.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLab } from '../store/index.ts';
import { getRecord } from './historyDb.ts';
import type { HistoryCurves } from './record.ts';

export interface OverlayRun {
  id: number;
  name: string;
  /** Planned epochs: the chart's x axis spans the longest. */
  epochs: number;
  curves: HistoryCurves;
  /** Place in the tick order: picks the run's colour, dash and marker. */
  styleIndex: number;
}

export function useHistoryOverlay(): OverlayRun[] {
  const history = useLab((s) => s.history);
  const selected = useLab((s) => s.historySelected);
  const [curves, setCurves] = useState<ReadonlyMap<number, HistoryCurves>>(() => new Map());
  // Asked for already (loaded, loading, or gone): a deleted run is not asked for again and again.
  const asked = useRef(new Set<number>());

  useEffect(() => {
    const missing = selected.filter((id) => !asked.current.has(id));
    if (missing.length === 0) return;
    for (const id of missing) asked.current.add(id);
    // Not cancelled on unmount: a late result is harmless, and StrictMode's second effect would otherwise never load.
    void Promise.all(missing.map((id) => getRecord(id)))
      .then((records) => {
        const found = records.filter((r) => r !== undefined);
        if (found.length) setCurves((c) => new Map([...c, ...found.map((r) => [r.id, r.curves] as const)]));
      })
      .catch((e: unknown) => {
        for (const id of missing) asked.current.delete(id);
        useLab.getState().setHistoryMessage({ kind: 'error', text: `The curves cannot be read: ${e instanceof Error ? e.message : String(e)}.` });
      });
  }, [selected]);

  return useMemo(
    () =>
      selected.flatMap((id, styleIndex) => {
        const r = history.find((h) => h.id === id);
        const c = curves.get(id);
        return r && c ? [{ id, name: r.name, epochs: r.settings.epochs, curves: c, styleIndex }] : [];
      }),
    [selected, history, curves],
  );
}
