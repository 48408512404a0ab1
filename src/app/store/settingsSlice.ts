/**
 * The form: what the student typed (kept as text, so nothing they type is
 * lost or rewritten) and what it parses to. Validation comes from the
 * settings table in src/shared/settings.ts; numbers are read in the page's
 * language (the decimal comma in pt-BR).
 */
import type { StateCreator } from 'zustand';
import type { RunSettings, SettingKey, SettingProblem, SettingsText } from '../../shared/settings.ts';
import { FIELDS, MAX_TRAIN_SIZE, PRESET, parseField, parseSettings, settingText, settingsToText } from '../../shared/settings.ts';
import { type Language, setLanguage } from '../../i18n/index.ts';
import { usesDecimalComma } from '../../i18n/languages.ts';
import { readOptions } from '../format.ts';
import { readPageOptions } from '../pageOptions.ts';
import type { LabState } from './index.ts';

export interface SettingsSlice {
  settingsText: SettingsText;
  /** Parsed settings, or null while any field is invalid. */
  settings: RunSettings | null;
  /** Why each invalid field is refused, as a code the page words in its language. */
  errors: Partial<Record<SettingKey, SettingProblem>>;
  setField(key: SettingKey, text: string): void;
  /** Replaces every field's text (a shared link, a loaded model): values are written as the page's language writes them. */
  applySettings(settings: RunSettings): void;
  resetSettings(): void;
  /** Switches the page's language; fields holding valid numbers are rewritten in its decimal style ("0.01" ↔ "0,01"). */
  changeLanguage(lang: Language): void;
}

function derive(text: SettingsText) {
  const { settings, errors } = parseSettings(text, readOptions());
  return { settingsText: text, settings, errors };
}

/** The notebook's settings, with the page address's `?trainLimit` as the training-set size. */
function initialText(): SettingsText {
  const text = settingsToText(PRESET, readOptions());
  const limit = typeof location === 'undefined' ? undefined : readPageOptions(location.search).trainLimit;
  if (limit !== undefined) text.trainSize = String(Math.min(limit, MAX_TRAIN_SIZE));
  return text;
}

/** Each field's text as `to` writes it, where it parses as `from` reads it; anything else exactly as typed. */
function relocalise(text: SettingsText, from: Language, to: Language): SettingsText {
  const out = { ...text };
  for (const f of FIELDS) {
    if (f.kind !== 'number') continue;
    const r = parseField(f, text[f.key], { decimalComma: usesDecimalComma(from) });
    if (r.ok) out[f.key] = settingText(r.value, { decimalComma: usesDecimalComma(to) });
  }
  return out;
}

export const createSettingsSlice: StateCreator<LabState, [], [], SettingsSlice> = (set, get) => ({
  ...derive(initialText()),
  setField: (key, text) => set((s) => derive({ ...s.settingsText, [key]: text })),
  applySettings: (settings) => set(derive(settingsToText(settings, readOptions()))),
  resetSettings: () => set(derive(settingsToText(PRESET, readOptions()))),
  changeLanguage: (lang) => {
    const from = readOptions().decimalComma ? 'pt-BR' : 'en';
    const text = relocalise(get().settingsText, from, lang);
    setLanguage(lang);
    set(derive(text));
  },
});
