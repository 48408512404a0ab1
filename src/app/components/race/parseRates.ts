/**
 * The race's runs, from the two lists a student typed: learning rates, and
 * optionally a momentum per run. Each item is checked with the settings
 * table's own rule (parseNumberField), so a learning rate or a momentum reads
 * the same message here as in the form; the lists add their own rules: 2 to
 * 6 runs, one momentum or one per learning rate, no run entered twice.
 */
import { field, parseNumberField } from '../../../shared/settings.ts';
import type { Parsed, ReadOptions, SettingKey, SettingProblem } from '../../../shared/settings.ts';
import type { RaceRunHyper } from '../../../shared/raceRuns.ts';

/** How many runs a race trains side by side; each one is a whole network on the device. */
export const RACE_SIZE = { min: 2, max: 6 } as const;

/** Four decades: too small, about right (the notebook's 0.01), large, far too large. */
export const RACE_PRESET: readonly number[] = [0.001, 0.01, 0.1, 1];

/** What is wrong with one of the race's two lists (the page words it: raceWords.ts). */
export type ListProblem =
  | { code: 'empty'; min: number; max: number }
  | { code: 'items'; key: SettingKey; items: { item: string; problem: SettingProblem }[] }
  | { code: 'tooFew'; min: number }
  | { code: 'tooMany'; max: number; given: number }
  | { code: 'momentaCount'; rates: number; momenta: number }
  | { code: 'repeatedRates'; items: string[] }
  | { code: 'repeatedPairs'; pairs: { rate: string; momentum: string }[] };

type ParsedList = { ok: true; value: number[] } | { ok: false; problem: ListProblem };

const learningRate = field('learningRate');
const momentum = field('momentum');

/**
 * Semicolons and any whitespace separate; commas too, unless the language
 * writes decimals with one (pt-BR: "0,01; 0,1"). A trailing separator is harmless.
 */
export const splitList = (text: string, { decimalComma = false }: ReadOptions = {}): string[] =>
  text.split(decimalComma ? /[\s;]+/ : /[\s,;]+/).filter((t) => t !== '');

/** Every item through the settings table's rule for `f`; every bad item named. */
function parseItems(items: readonly string[], f: ReturnType<typeof field>, options: ReadOptions): ParsedList {
  if (f.kind !== 'number') throw new Error(`the ${f.key} field must be numeric`);
  const values: number[] = [];
  const problems: { item: string; problem: SettingProblem }[] = [];
  for (const item of items) {
    const r: Parsed<number> = parseNumberField(f, item, options);
    if (r.ok) values.push(r.value);
    else problems.push({ item, problem: r.problem });
  }
  return problems.length ? { ok: false, problem: { code: 'items', key: f.key, items: problems } } : { ok: true, value: values };
}

/** The learning rates, in the order entered: 2 to 6 valid values (repeats are judged with the momenta, by parseRaceRuns). */
export function parseRates(text: string, options: ReadOptions = {}): ParsedList {
  const items = splitList(text, options);
  if (items.length === 0) return { ok: false, problem: { code: 'empty', ...RACE_SIZE } };
  const parsed = parseItems(items, learningRate, options);
  if (!parsed.ok) return parsed;
  const values = parsed.value;
  if (values.length < RACE_SIZE.min) return { ok: false, problem: { code: 'tooFew', min: RACE_SIZE.min } };
  if (values.length > RACE_SIZE.max) return { ok: false, problem: { code: 'tooMany', max: RACE_SIZE.max, given: values.length } };
  return { ok: true, value: values };
}

/** Where a race's form has a problem: one for each field that has one. */
export interface RaceFormErrors {
  rates?: ListProblem;
  momenta?: ListProblem;
}

export type ParsedRaceRuns = { ok: true; value: RaceRunHyper[] } | { ok: false; errors: RaceFormErrors };

/**
 * The runs to race. `momentaText` empty: every run uses `defaultMomentum`
 * (Settings'); one value: that momentum for every run; otherwise one per
 * learning rate, in the same order. A run is its (learning rate, momentum)
 * pair, so the same rate may race twice with two momenta (0.01 with μ 0 and
 * with μ 0.9 shows what momentum adds), but the same pair may not. Both
 * fields are checked on their own, so each shows its own problem at once.
 */
export function parseRaceRuns(ratesText: string, momentaText: string, defaultMomentum: number, options: ReadOptions = {}): ParsedRaceRuns {
  const rates = parseRates(ratesText, options);
  const momentumItems = splitList(momentaText, options);
  const momenta = momentumItems.length ? parseItems(momentumItems, momentum, options) : { ok: true as const, value: [defaultMomentum] };
  const errors: RaceFormErrors = {};
  if (!rates.ok) errors.rates = rates.problem;
  if (!momenta.ok) errors.momenta = momenta.problem;
  if (!rates.ok || !momenta.ok) return { ok: false, errors };

  const lrs = rates.value;
  const mus = momenta.value;
  const perRun = mus.length > 1;
  if (perRun && mus.length !== lrs.length) {
    return { ok: false, errors: { momenta: { code: 'momentaCount', rates: lrs.length, momenta: mus.length } } };
  }
  const runs = lrs.map((learningRate, i) => ({ learningRate, momentum: perRun ? mus[i] : mus[0] }));

  // By value, not by text: 0.1 and 1e-1 are the same run. Each repeat is named by its first entry.
  const rateItems = splitList(ratesText, options);
  const first = new Map<string, number>();
  const repeated: number[] = [];
  runs.forEach((r, i) => {
    const key = `${r.learningRate} ${r.momentum}`;
    const j = first.get(key);
    if (j === undefined) first.set(key, i);
    else if (!repeated.includes(j)) repeated.push(j);
  });
  if (repeated.length === 0) return { ok: true, value: runs };
  if (!perRun) return { ok: false, errors: { rates: { code: 'repeatedRates', items: repeated.map((i) => rateItems[i]) } } };
  return { ok: false, errors: { momenta: { code: 'repeatedPairs', pairs: repeated.map((i) => ({ rate: rateItems[i], momentum: momentumItems[i] })) } } };
}
