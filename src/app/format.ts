/** How numbers, dates and reasons read on the page. */

/** Shown where a figure is not available (NaN, missing); read out as NOT_AVAILABLE_LABEL. */
export const NOT_AVAILABLE = '—';
export const NOT_AVAILABLE_LABEL = 'not available';

/** A 0..1 fraction as a percentage, "93.1%"; NOT_AVAILABLE (not "NaN%") when it is not a finite number. */
export const pct = (fraction: number | undefined | null, digits = 1): string =>
  typeof fraction === 'number' && Number.isFinite(fraction) ? `${(fraction * 100).toFixed(digits)}%` : NOT_AVAILABLE;

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

/** A date and time in the reader's locale; NOT_AVAILABLE for text that is not a date. */
export function dateTime(iso: string, style: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t).toLocaleString(undefined, style) : NOT_AVAILABLE;
}

/** A whole count, "1,234"; NOT_AVAILABLE when it is not a finite number. */
export const count = (n: number | undefined | null): string => (typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en') : NOT_AVAILABLE);

/**
 * "Lead: reason." with one full stop whatever the reason ends with, and
 * just "Lead." when there is no reason (Chrome's quota error has an empty message).
 */
export function withReason(lead: string, reason: string | null | undefined): string {
  const r = (reason ?? '').trim().replace(/[.\s]+$/, '');
  return r ? `${lead}: ${r}.` : `${lead}.`;
}

/** "1 run", "1,000 runs": a count with its noun, thousands grouped. */
export const countOf = (n: number, noun: string, plural = `${noun}s`): string => `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
