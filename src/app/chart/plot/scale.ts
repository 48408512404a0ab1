/**
 * The arithmetic of the page's hand-drawn charts (Plot.tsx): a value to a
 * pixel and back on a linear or a log axis, round ticks, and a series as one
 * SVG path. Pure, so Node tests cover it.
 */

export interface XY {
  x: number;
  y: number;
}

export interface AxisScale {
  /** [low, high] in data units; on a log axis both above 0. */
  domain: readonly [number, number];
  log?: boolean;
}

export interface Scale {
  /** Data value → pixel; a value outside the domain lands outside the range (a log axis takes v ≤ 0 to its low end). */
  (v: number): number;
  invert(px: number): number;
}

/** The map from `axis` to the pixel interval [r0, r1] (r0 > r1 for a y axis, whose pixels grow downwards). */
export function scaleOf(axis: AxisScale, r0: number, r1: number): Scale {
  const [d0, d1] = axis.domain;
  const log = axis.log === true;
  const t = log ? (v: number) => Math.log10(v > 0 ? v : d0) : (v: number) => v;
  const t0 = t(d0);
  const span = t(d1) - t0 || 1;
  const k = (r1 - r0) / span;
  const s = ((v: number) => r0 + (t(v) - t0) * k) as Scale;
  s.invert = (px: number) => {
    const u = t0 + (px - r0) / k;
    return log ? 10 ** u : u;
  };
  return s;
}

/** A round step (1, 2 or 5 × 10ⁿ) that cuts [lo, hi] into about `count` parts. */
export function niceStep(lo: number, hi: number, count: number): number {
  const raw = Math.abs(hi - lo) / Math.max(1, count);
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

/** Round ticks inside [lo, hi], about `count` of them (with float noise taken out: 0.30000000000000004 → 0.3). */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  const step = niceStep(lo, hi, count);
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step - 1e-9) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** Whole numbers from `first` to `last` (epochs), at a step that keeps them to about ten, `last` always among them. */
export function wholeTicks(first: number, last: number): number[] {
  const n = Math.max(first, Math.floor(last));
  const step = Math.max(1, Math.ceil(n / 10));
  const ticks: number[] = [];
  for (let v = first; v <= n; v += step) ticks.push(v);
  if (ticks.at(-1) !== n) ticks.push(n);
  return ticks;
}

/** Ticks of a log axis: each power of ten inside [lo, hi]; where that makes fewer than three, 2 and 5 of each decade too. */
export function logTicks(lo: number, hi: number): number[] {
  const e0 = Math.floor(Math.log10(lo) + 1e-9);
  const e1 = Math.ceil(Math.log10(hi) - 1e-9);
  const inside = (v: number) => v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9);
  const powers: number[] = [];
  for (let e = e0; e <= e1; e++) if (inside(10 ** e)) powers.push(Number((10 ** e).toPrecision(12)));
  if (powers.length >= 3) return powers;
  const ticks: number[] = [];
  for (let e = e0; e <= e1; e++) for (const m of [1, 2, 5]) if (inside(m * 10 ** e)) ticks.push(Number((m * 10 ** e).toPrecision(12)));
  return ticks;
}

/**
 * An axis's domain that holds `values`: on a linear axis from 0 (when
 * `fromZero`) or the lowest value to the next tick above the highest; on a
 * log axis from the power of ten below the lowest positive value to the one
 * above the highest. Non-finite values are left out; `fallback` when none is left.
 */
export function domainOf(values: Iterable<number>, { log = false, fromZero = false, fallback = [0, 1] as readonly [number, number] } = {}): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return [fallback[0], fallback[1]];
  if (log) {
    const a = 10 ** Math.floor(Math.log10(lo) + 1e-9);
    const b = 10 ** Math.ceil(Math.log10(hi) - 1e-9);
    return [a, b > a ? b : a * 10];
  }
  if (fromZero) lo = Math.min(0, lo);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(lo, hi, 5);
  return [fromZero ? lo : Math.floor(lo / step) * step, Math.ceil(hi / step - 1e-9) * step];
}

/**
 * A series as one path ("M x y L x y …"), pixels to one decimal. A
 * non-finite value breaks the line (a diverged run's NaN loss); a point
 * within half a pixel of the last one drawn is skipped, except a run's last
 * point, so ten ROC curves of a few thousand points each cost a few hundred
 * path commands apiece.
 */
export function linePath(points: readonly XY[], sx: (v: number) => number, sy: (v: number) => number): string {
  const parts: string[] = [];
  let open = false;
  let lastX = 0;
  let lastY = 0;
  let pending = '';
  for (const p of points) {
    const x = sx(p.x);
    const y = sy(p.y);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (pending) parts.push(pending);
      pending = '';
      open = false;
      continue;
    }
    const cmd = `${open ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    if (open && Math.abs(x - lastX) < 0.5 && Math.abs(y - lastY) < 0.5) {
      pending = cmd;
      continue;
    }
    if (pending) parts.push(pending);
    pending = '';
    parts.push(cmd);
    open = true;
    lastX = x;
    lastY = y;
  }
  if (pending) parts.push(pending);
  return parts.join('');
}

/** The index of the point whose x is nearest `x`, in points sorted by x; -1 when there are none. */
export function nearestByX(points: readonly XY[], x: number): number {
  if (points.length === 0) return -1;
  let lo = 0;
  let hi = points.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (points[mid].x < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && Math.abs(points[lo - 1].x - x) <= Math.abs(points[lo].x - x) ? lo - 1 : lo;
}
