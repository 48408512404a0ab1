/**
 * What the link carries while a student types. The form keeps their text
 * as typed (in the page's language, maybe half-written); the link carries
 * values with the decimal point. A field that does not parse right now
 * keeps its last good value in the link, so a half-typed "0." never makes
 * the address drop the learning rate the student had.
 */
import type { ReadOptions, RunSettings, SettingKey, SettingsText } from '../../shared/settings.ts';
import { FIELDS, field, parseField, parseNumberField } from '../../shared/settings.ts';
import { parseRates, splitList } from '../components/race/parseRates.ts';
import type { RaceLists } from './address.ts';

/** Each field's value where its text parses, `previous`'s where it does not. */
export function settingsFromForm(text: SettingsText, options: ReadOptions, previous: RunSettings): RunSettings {
  const out = { ...previous } as Record<SettingKey, unknown>;
  for (const f of FIELDS) {
    const r = parseField(f, text[f.key], options);
    if (r.ok) out[f.key] = r.value;
  }
  return out as unknown as RunSettings;
}

/** The race's lists as values; each list that does not parse keeps `previous`'s. */
export function raceFromForm(ratesText: string, momentaText: string, options: ReadOptions, previous: RaceLists): RaceLists {
  const rates = parseRates(ratesText, options);
  const momentum = field('momentum');
  const items = splitList(momentaText, options).map((t) => parseNumberField(momentum, t, options));
  const momenta = items.every((r) => r.ok) ? items.map((r) => (r.ok ? r.value : 0)) : previous.momenta;
  return { rates: rates.ok ? rates.value : previous.rates, momenta };
}

/** The comparison's runs as the link writes them: one per non-empty line, trimmed. */
export const compareLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
