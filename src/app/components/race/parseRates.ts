/**
 * The race's list of learning rates, from the text a student typed. Each item
 * is checked with the settings table's own rule (parseNumberField), so a
 * learning rate reads the same message here as in the form; the list adds
 * its own rules: 2 to 6 distinct values.
 */
import { field, parseNumberField } from '../../../shared/settings.ts';
import type { Parsed } from '../../../shared/settings.ts';

/** How many runs a race trains side by side; each one is a whole network on the device. */
export const RACE_SIZE = { min: 2, max: 6 } as const;

/** Four decades: too small, about right (the notebook's 0.01), large, far too large. */
export const RACE_PRESET: readonly number[] = [0.001, 0.01, 0.1, 1];
export const RACE_PRESET_TEXT = RACE_PRESET.join(', ');

const learningRate = field('learningRate');

export function parseRates(text: string): Parsed<number[]> {
  // Commas, semicolons and any whitespace separate; a trailing comma is harmless.
  const items = text.split(/[\s,;]+/).filter((t) => t !== '');
  if (items.length === 0) return { ok: false, message: `Enter ${RACE_SIZE.min} to ${RACE_SIZE.max} learning rates, separated by commas or spaces, like ${RACE_PRESET_TEXT}.` };
  if (learningRate.kind !== 'number') throw new Error('the learning-rate field must be numeric');

  const values: number[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const r = parseNumberField(learningRate, item);
    if (r.ok) values.push(r.value);
    else problems.push(`“${item}”: ${r.message}`);
  }
  if (problems.length) return { ok: false, message: problems.join(' ') };

  // By value, not by text: 0.1 and 1e-1 are the same run.
  const seen = new Map<number, string>();
  const repeated: string[] = [];
  values.forEach((v, i) => {
    const first = seen.get(v);
    if (first === undefined) seen.set(v, items[i]);
    else if (!repeated.includes(first)) repeated.push(first);
  });
  if (repeated.length) {
    const which = repeated.map((t) => `“${t}”`).join(', ');
    return { ok: false, message: `${which} ${repeated.length === 1 ? 'appears' : 'appear'} more than once: each learning rate races once.` };
  }

  if (values.length < RACE_SIZE.min) return { ok: false, message: `A race needs at least ${RACE_SIZE.min} learning rates to compare; add another.` };
  if (values.length > RACE_SIZE.max) return { ok: false, message: `A race takes at most ${RACE_SIZE.max} learning rates (you entered ${values.length}): each one trains its own network.` };
  return { ok: true, value: values };
}
