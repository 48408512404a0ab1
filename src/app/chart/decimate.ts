/**
 * Thins a long loss series for drawing: at most `max` points, each the mean
 * of a run of neighbours (so the curve keeps its level; spikes are softened,
 * never invented). Short series pass through untouched. Keeps the chart's
 * render time flat however long a run gets.
 */
export interface XY {
  x: number;
  y: number;
}

export function decimate(points: readonly XY[], max: number): XY[] {
  if (points.length <= max) return points.slice();
  const out: XY[] = [];
  const per = points.length / max;
  for (let k = 0; k < max; k++) {
    const a = Math.floor(k * per);
    const b = Math.max(a + 1, Math.floor((k + 1) * per));
    let sy = 0;
    for (let i = a; i < b; i++) sy += points[i].y;
    out.push({ x: points[b - 1].x, y: sy / (b - a) });
  }
  return out;
}
