/**
 * The race's runs, from the two lists a student typed: learning rates, and
 * optionally a momentum per run. Each item is checked with the settings
 * table's own rule (parseNumberField), so a learning rate or a momentum reads
 * the same message here as in the form; the lists add their own rules: 2 to
 * 6 runs, one momentum or one per learning rate, no run entered twice.
 */
import { field, parseNumberField } from '../../../shared/settings.ts';
import type { Parsed } from '../../../shared/settings.ts';
import type { RaceRunHyper } from '../../../shared/raceRuns.ts';

/** How many runs a race trains side by side; each one is a whole network on the device. */
export const RACE_SIZE = { min: 2, max: 6 } as const;

/** Four decades: too small, about right (the notebook's 0.01), large, far too large. */
export const RACE_PRESET: readonly number[] = [0.001, 0.01, 0.1, 1];
export const RACE_PRESET_TEXT = RACE_PRESET.join(', ');

const learningRate = field('learningRate');
const momentum = field('momentum');

/** Commas, semicolons and any whitespace separate; a trailing comma is harmless. */
const splitList = (text: string): string[] => text.split(/[\s,;]+/).filter((t) => t !== '');

/** Every item through the settings table's rule for `f`; every bad item named in one message. */
function parseItems(items: readonly string[], f: ReturnType<typeof field>): Parsed<number[]> {
  if (f.kind !== 'number') throw new Error(`the ${f.key} field must be numeric`);
  const values: number[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const r = parseNumberField(f, item);
    if (r.ok) values.push(r.value);
    else problems.push(`“${item}”: ${r.message}`);
  }
  return problems.length ? { ok: false, message: problems.join(' ') } : { ok: true, value: values };
}

/** The learning rates, in the order entered: 2 to 6 valid values (repeats are judged with the momenta, by parseRaceRuns). */
export function parseRates(text: string): Parsed<number[]> {
  const items = splitList(text);
  if (items.length === 0)
    return { ok: false, message: `Enter ${RACE_SIZE.min} to ${RACE_SIZE.max} learning rates, separated by commas or spaces, like ${RACE_PRESET_TEXT}.` };
  const parsed = parseItems(items, learningRate);
  if (!parsed.ok) return parsed;
  const values = parsed.value;
  if (values.length < RACE_SIZE.min) return { ok: false, message: `A race needs at least ${RACE_SIZE.min} learning rates to compare; add another.` };
  if (values.length > RACE_SIZE.max)
    return { ok: false, message: `A race takes at most ${RACE_SIZE.max} learning rates (you entered ${values.length}): each one trains its own network.` };
  return { ok: true, value: values };
}

/** Where a race's form has a problem: a message for each field that has one. */
export interface RaceFormErrors {
  rates?: string;
  momenta?: string;
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
export function parseRaceRuns(ratesText: string, momentaText: string, defaultMomentum: number): ParsedRaceRuns {
  const rates = parseRates(ratesText);
  const momentumItems = splitList(momentaText);
  const momenta = momentumItems.length ? parseItems(momentumItems, momentum) : { ok: true as const, value: [defaultMomentum] };
  const errors: RaceFormErrors = {};
  if (!rates.ok) errors.rates = rates.message;
  if (!momenta.ok) errors.momenta = momenta.message;
  if (!rates.ok || !momenta.ok) return { ok: false, errors };

  const lrs = rates.value;
  const mus = momenta.value;
  const perRun = mus.length > 1;
  if (perRun && mus.length !== lrs.length) {
    return { ok: false, errors: { momenta: `${lrs.length} learning rates but ${mus.length} momenta: give one momentum, or one per learning rate.` } };
  }
  const runs = lrs.map((learningRate, i) => ({ learningRate, momentum: perRun ? mus[i] : mus[0] }));

  // By value, not by text: 0.1 and 1e-1 are the same run. Each repeat is named by its first entry.
  const rateItems = splitList(ratesText);
  const first = new Map<string, number>();
  const repeated: number[] = [];
  runs.forEach((r, i) => {
    const key = `${r.learningRate} ${r.momentum}`;
    const j = first.get(key);
    if (j === undefined) first.set(key, i);
    else if (!repeated.includes(j)) repeated.push(j);
  });
  if (repeated.length === 0) return { ok: true, value: runs };
  const verb = repeated.length === 1 ? 'appears' : 'appear';
  if (!perRun) {
    const which = repeated.map((i) => `“${rateItems[i]}”`).join(', ');
    return {
      ok: false,
      errors: { rates: `${which} ${verb} more than once: each learning rate races once, unless Momentum per run gives each its own momentum.` },
    };
  }
  const which = repeated.map((i) => `lr “${rateItems[i]}” with μ “${momentumItems[i]}”`).join(', ');
  return { ok: false, errors: { momenta: `${which} ${verb} more than once: each pair of learning rate and momentum races once.` } };
}
