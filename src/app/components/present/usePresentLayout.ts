/**
 * The page's layout classes. Present mode is a class on the page's root, not
 * a second component tree: the same panels stay mounted (a half-typed race
 * list, an open disclosure, a stroke being drawn survive the switch) and
 * present.css rearranges them into one screen. A comparison gets its own
 * present layout (overlay chart, results table, the picked run's confusion
 * matrix) when it is the page's latest job.
 */
import { useEffect } from 'react';
import { useLab } from '../../store/index.ts';
import type { LabState } from '../../store/index.ts';

/** The comparison is newer than the single run (job ids grow with each job the page starts). */
export const comparisonIsLatest = (s: Pick<LabState, 'run' | 'race'>): boolean => s.race !== null && (s.run === null || s.race.runId > s.run.id);

export function usePresentLayout(): string {
  const present = useLab((s) => s.present);
  const comparison = useLab(comparisonIsLatest);
  useEffect(() => {
    // The dashboard is one screen tall: start it at the top, wherever the long page was scrolled to.
    if (present) window.scrollTo(0, 0);
  }, [present]);
  if (!present) return 'app';
  return comparison ? 'app app--present app--compare' : 'app app--present';
}
