/**
 * Thinning a ROC curve for display. A curve over 10,000 samples can have
 * thousands of points; a chart needs a few hundred.
 *
 * Method: Visvalingam–Whyatt. Each interior point's cost is the area of the
 * triangle it forms with its current neighbours; the cheapest point is removed
 * and its neighbours' costs are recomputed, until at most `maxPoints` remain.
 * The cost is chosen because it is exactly what removal does to the drawn
 * area: removing a point changes the trapezoid area by the triangle's signed
 * area. So:
 *
 * - points inside straight horizontal/vertical runs (zero area, the points
 *   scikit-learn's `drop_intermediate` drops) are always removed first, and
 *   removed even when the curve is already short enough: it costs nothing.
 *   This also takes out a point drop_intermediate keeps, such as (0, 1/3) on a
 *   vertical run starting at (0,0), since scikit-learn tests before prepending (0,0);
 * - after that, the drawn area moves by at most the sum of the removed
 *   triangles' areas, in practice well under 1e-3 for 200 points;
 * - the first and last points (normally (0,0) and (1,1)) are never removed.
 *
 * The returned `auc` is NOT the area of the thinned polyline: it is the exact
 * trapezoid area of the curve that was passed in, so a label next to the chart
 * shows the true AUC while the drawn shape may differ by that tiny amount.
 */

import { curveArea } from './auc.ts';
import { StampedMinHeap } from './heap.ts';
import type { RocCurve } from './roc.ts';

/** A display-sized ROC curve plus the exact AUC of the full curve it came from. */
export interface ThinnedRocCurve extends RocCurve {
  /** trapezoid area of the INPUT curve, not of the thinned points */
  auc: number;
}

/**
 * @param curve a full curve (e.g. from rocCurve, with or without dropIntermediate).
 * @param maxPoints upper bound on the returned points, integer >= 2; exact, no slack.
 */
export function thinCurve(curve: RocCurve, maxPoints = 200): ThinnedRocCurve {
  const { fpr, tpr, thresholds } = curve;
  const m = fpr.length;
  if (tpr.length !== m || thresholds.length !== m) {
    throw new Error(`thinCurve: fpr, tpr and thresholds lengths differ (${m}, ${tpr.length}, ${thresholds.length})`);
  }
  if (!Number.isInteger(maxPoints) || maxPoints < 2) {
    throw new Error(`thinCurve: maxPoints must be an integer >= 2, got ${maxPoints}`);
  }
  const auc = curveArea(curve);

  // Doubly linked list over the surviving points; stamp[i] invalidates old heap entries.
  const prev = new Int32Array(m);
  const next = new Int32Array(m);
  const stamp = new Uint32Array(m);
  const removed = new Uint8Array(m);
  for (let i = 0; i < m; i++) {
    prev[i] = i - 1;
    next[i] = i + 1;
  }
  // Each removal re-pushes at most two neighbours: m - 2 initial + 2 (m - 2) pushes.
  const heap = new StampedMinHeap(Math.max(0, 3 * (m - 2)));
  for (let i = 1; i < m - 1; i++) heap.push(triangleArea(fpr, tpr, i - 1, i, i + 1), i, 0);

  let alive = m;
  while (heap.pop()) {
    const i = heap.poppedItem;
    if (removed[i] === 1 || heap.poppedStamp !== stamp[i]) continue; // stale entry
    // Zero-cost points always go; others only while the budget is exceeded.
    if (heap.poppedKey !== 0 && alive <= maxPoints) break;
    const p = prev[i];
    const q = next[i];
    removed[i] = 1;
    next[p] = q;
    prev[q] = p;
    alive--;
    // Re-price the two neighbours; the endpoints are never candidates.
    if (p !== 0) heap.push(triangleArea(fpr, tpr, prev[p], p, q), p, ++stamp[p]);
    if (q !== m - 1) heap.push(triangleArea(fpr, tpr, p, q, next[q]), q, ++stamp[q]);
  }

  const out: ThinnedRocCurve = { fpr: [], tpr: [], thresholds: [], auc };
  for (let i = 0; i < m; i = next[i]) {
    out.fpr.push(fpr[i]);
    out.tpr.push(tpr[i]);
    out.thresholds.push(thresholds[i]);
  }
  return out;
}

/**
 * Unsigned area of the triangle (a, b, c) in (fpr, tpr) space: the change in
 * drawn area when b is removed. Exactly 0 when a, b, c share an fpr or a tpr,
 * whatever the rounding of the rates.
 */
function triangleArea(fpr: ArrayLike<number>, tpr: ArrayLike<number>, a: number, b: number, c: number): number {
  const cross = (fpr[b] - fpr[a]) * (tpr[c] - tpr[a]) - (fpr[c] - fpr[a]) * (tpr[b] - tpr[a]);
  return Math.abs(cross) / 2;
}
