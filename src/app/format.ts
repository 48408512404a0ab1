/**
 * How numbers, durations and dates read on the page, in the page's language:
 * "0.01" and "93.1%" in English, "0,01" and "93,1 %" in pt-BR. Every figure
 * the page shows goes through here (or through a catalogue entry that takes
 * one of these as a value), so switching language re-words all of them on
 * the next render.
 */
import { currentLanguage, i18n } from '../i18n/index.ts';
import { usesDecimalComma } from '../i18n/languages.ts';

/** Shown where a figure is not available (NaN, missing); read out as notAvailableLabel(). */
export const NOT_AVAILABLE = '—';
export const notAvailableLabel = (): string => i18n.t('common.notAvailable');

const formats = new Map<string, Intl.NumberFormat>();

/** A number in the page's language with exactly `digits` decimals (or up to `maxDigits`), thousands grouped. */
export function num(n: number, digits?: number, maxDigits = digits): string {
  const lang = currentLanguage();
  const key = `${lang}|${digits}|${maxDigits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: maxDigits ?? 20 });
    formats.set(key, f);
  }
  return f.format(n);
}

const finite = (n: number | undefined | null): n is number => typeof n === 'number' && Number.isFinite(n);

/** A 0..1 fraction as a percentage, "93.1%" / "93,1 %"; NOT_AVAILABLE (not "NaN%") when it is not a finite number. */
export const pct = (fraction: number | undefined | null, digits = 1): string =>
  finite(fraction) ? i18n.t('common.percent', { value: num(fraction * 100, digits) }) : NOT_AVAILABLE;

/** A loss in nats with three decimals; NaN and ±∞ as they are (a diverged run's loss is news, not a gap). */
export const loss3 = (nats: number): string => (Number.isFinite(nats) ? num(nats, 3) : String(nats));

export function duration(sec: number): string {
  if (!Number.isFinite(sec) || sec < 0) return '…';
  if (sec < 60) return i18n.t('common.seconds', { value: Math.ceil(sec) });
  const m = Math.floor(sec / 60);
  const s = Math.round(sec % 60);
  return m < 60 ? i18n.t('common.minutesSeconds', { m, s }) : i18n.t('common.hoursMinutes', { h: Math.floor(m / 60), m: m % 60 });
}

/** Images per second: "812", "3.4k". */
export function rate(samplesPerSec: number): string {
  return samplesPerSec >= 1000 ? i18n.t('common.thousands', { value: num(samplesPerSec / 1000, 1) }) : num(Math.round(samplesPerSec), 0);
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date and time in the page's language; NOT_AVAILABLE for text that is not
 * a date. Its formatter is made once per language and style, as num's are:
 * toLocaleString makes one per call, and the history table formats a date
 * per row each time the running run's row changes (9 ms of an epoch's end
 * on tfjs wasm here, with one page of rows).
 */
export function dateTime(iso: string, style: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return NOT_AVAILABLE;
  const lang = currentLanguage();
  const key = `${lang}|${JSON.stringify(style)}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, style);
    dateFormats.set(key, f);
  }
  return f.format(t);
}

/** A whole count, "1,234" / "1.234"; NOT_AVAILABLE when it is not a finite number. */
export const count = (n: number | undefined | null): string => (finite(n) ? num(n, 0) : NOT_AVAILABLE);

/**
 * A setting's value as messages and summaries write it: "1e-5", "0.01" /
 * "0,01", "2,147,483,647" / "2.147.483.647". Tiny and huge non-integers stay
 * in exponent form, as a student types them.
 */
export function settingNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) >= 1e4) return num(n, 0);
  if (n !== 0 && (Math.abs(n) < 1e-3 || Math.abs(n) >= 1e4)) return n.toExponential().replace('e+', 'e').replace('.', decimalMark());
  return String(n).replace('.', decimalMark());
}

/** "." or ",": how the page's language writes a decimal. */
export const decimalMark = (): string => (num(1.5, 1).includes(',') ? ',' : '.');

/**
 * "Lead: reason." with one full stop whatever the reason ends with, and
 * just "Lead." when there is no reason (Chrome's quota error has an empty message).
 */
export function withReason(lead: string, reason: string | null | undefined): string {
  const r = (reason ?? '').trim().replace(/[.\s]+$/, '');
  return r ? i18n.t('common.withReason', { lead, reason: r }) : i18n.t('common.sentence', { lead });
}

/** "a, b and c" / "a, b e c". */
export function listAnd(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? '';
  return i18n.t('common.listAnd', { items: items.slice(0, -1).join(', '), last: items[items.length - 1] });
}

/** How numbers the student types are read in the page's language (the decimal comma in pt-BR, the point in both). */
export const readOptions = (): { decimalComma: boolean } => ({ decimalComma: usesDecimalComma(currentLanguage()) });
