/**
 * The ticked runs with their curves, for the overlay chart: at most
 * OVERLAY_MAX runs (the first ticked), each training curve thinned to at most
 * OVERLAY_POINTS points, so the chart's cost stays flat however many runs are
 * ticked (a thousand lines of a thousand points each froze the tab, and could
 * crash it). Curves are read from IndexedDB when a run is first drawn
 * and kept while it is; a run rewritten in place (written after each epoch)
 * has a new content key, and is read again.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { decimate } from '../chart/decimate.ts';
import { i18n } from '../../i18n/index.ts';
import { storageCause } from '../storage/failure.ts';
import { useLab } from '../store/index.ts';
import { getRecord } from './historyDb.ts';
import type { HistoryCurves } from './record.ts';

/** Runs the overlay draws at most: more lines than this cannot be told apart anyway. */
export const OVERLAY_MAX = 20;
/** Training points drawn per run: ~2 per pixel of the chart's width. */
export const OVERLAY_POINTS = 200;

export interface OverlayRun {
  id: number;
  name: string;
  /** Planned epochs: the chart's x axis spans the longest. */
  epochs: number;
  curves: HistoryCurves;
  /** Place in the tick order: picks the run's colour, dash and marker. */
  styleIndex: number;
}

export interface Overlay {
  runs: OverlayRun[];
  /** How many runs are ticked; more than runs.length when the overlay is capped. */
  ticked: number;
}

interface Drawn {
  id: number;
  key: string;
  name: string;
  epochs: number;
  styleIndex: number;
}

const sameDrawn = (a: readonly Drawn[], b: readonly Drawn[]): boolean =>
  a.length === b.length &&
  a.every((d, i) => d.id === b[i].id && d.key === b[i].key && d.name === b[i].name && d.epochs === b[i].epochs && d.styleIndex === b[i].styleIndex);

/** `value`, or the one returned last time while the two are `same`. */
function useStable<T>(value: T, same: (a: T, b: T) => boolean): T {
  const kept = useRef(value);
  // Idempotent: rendering twice with the same value keeps the same result.
  if (kept.current !== value && !same(kept.current, value)) kept.current = value;
  return kept.current;
}

const thinned = (c: HistoryCurves): HistoryCurves => ({
  train: decimate(
    c.train.map((p) => ({ x: p.epoch, y: p.loss })),
    OVERLAY_POINTS,
  ).map((p) => ({ epoch: p.x, loss: p.y })),
  validation: c.validation,
});

export function useHistoryOverlay(): Overlay {
  const history = useLab((s) => s.history);
  const selected = useLab((s) => s.historySelected);
  // Drawn: the first ticked, with their content keys (a rewritten run must be read again).
  const wanted = useMemo(() => {
    const byId = new Map(history.map((r) => [r.id, r]));
    return selected.slice(0, OVERLAY_MAX).flatMap((id, styleIndex): Drawn[] => {
      const r = byId.get(id);
      return r ? [{ id, key: r.key, name: r.name, epochs: r.settings.epochs, styleIndex }] : [];
    });
  }, [history, selected]);
  // The same runs as before, the same array: a save of another run (the list changes at every
  // epoch of a training run) must not redraw the chart, which costs ~0.1-0.5 s with 20 runs.
  const drawn = useStable(wanted, sameDrawn);
  // By run id: the curves and the content key they were read for.
  const [curves, setCurves] = useState<ReadonlyMap<number, { key: string; curves: HistoryCurves }>>(() => new Map());
  // The key each drawn run was asked for (loaded, loading, or gone): a deleted run is not asked for again and again.
  const asked = useRef(new Map<number, string>());

  useEffect(() => {
    const ids = new Set(drawn.map((d) => d.id));
    // Forget runs no longer drawn, so the cache stays the size of the overlay.
    setCurves((c) => ([...c.keys()].every((id) => ids.has(id)) ? c : new Map([...c].filter(([id]) => ids.has(id)))));
    for (const id of asked.current.keys()) if (!ids.has(id)) asked.current.delete(id);
    const missing = drawn.filter((d) => asked.current.get(d.id) !== d.key);
    if (missing.length === 0) return;
    for (const d of missing) asked.current.set(d.id, d.key);
    // Not cancelled on unmount: a late result is harmless, and StrictMode's second effect would otherwise never load.
    void Promise.all(missing.map((d) => getRecord(d.id)))
      .then((records) => {
        const found = records.flatMap((r, i) => (r ? [[r.id, { key: missing[i].key, curves: thinned(r.curves) }] as const] : []));
        if (found.length) setCurves((c) => new Map([...c, ...found]));
      })
      .catch((e: unknown) => {
        for (const d of missing) asked.current.delete(d.id);
        useLab.getState().setHistoryMessage({ kind: 'error', text: () => i18n.t('history.messages.curvesUnreadable', { cause: storageCause(e) }) });
      });
  }, [drawn]);

  return useMemo(
    () => ({
      ticked: selected.length,
      runs: drawn.flatMap((d) => {
        // A run rewritten in place keeps its last curves on the chart until the new ones are read.
        const c = curves.get(d.id);
        return c ? [{ id: d.id, name: d.name, epochs: d.epochs, curves: c.curves, styleIndex: d.styleIndex }] : [];
      }),
    }),
    [drawn, curves, selected.length],
  );
}
