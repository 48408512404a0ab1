/** How numbers read on the page. */

export const pct = (fraction: number, digits = 1): string => `${(fraction * 100).toFixed(digits)}%`;

export const loss3 = (nats: number): string => (Number.isFinite(nats) ? nats.toFixed(3) : String(nats));

export function duration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '…';
  if (sec < 60) return `${Math.ceil(sec)} s`;
  const m = Math.floor(sec / 60);
  const s = Math.round(sec % 60);
  return m < 60 ? `${m} min ${s} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function rate(samplesPerSec: number): string {
  return samplesPerSec >= 1000 ? `${(samplesPerSec / 1000).toFixed(1)}k` : samplesPerSec.toFixed(0);
}

/** "1 run", "1,000 runs": a count with its noun, thousands grouped. */
export const count = (n: number, noun: string, plural = `${noun}s`): string => `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
