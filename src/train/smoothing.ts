/**
 * TensorBoard's smoothing: an exponential moving average with bias
 * correction, so the first points are not dragged towards zero.
 * weight 0 = raw values, 0.99 = very smooth. Non-finite values pass through
 * without poisoning the average (a diverged point stays visible).
 */
export function smoothEma(values: readonly number[], weight: number): number[] {
  const w = Math.min(0.999, Math.max(0, weight));
  const out: number[] = [];
  let last = 0;
  let n = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      out.push(v);
      continue;
    }
    n++;
    last = last * w + (1 - w) * v;
    out.push(w === 0 ? v : last / (1 - w ** n));
  }
  return out;
}
