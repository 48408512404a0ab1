/**
 * The form: what the student typed (kept as text, so nothing they type is
 * lost or rewritten) and what it parses to. Validation comes from the
 * settings table in src/shared/settings.ts; numbers are read in the page's
 * language (the decimal comma in pt-BR).
 */
import type { StateCreator } from 'zustand';
import type { RunSettings, SettingKey, SettingProblem, SettingsText } from '../../shared/settings.ts';
import { FIELDS, PRESET, parseField, parseSettings, settingText, settingsToText } from '../../shared/settings.ts';
import { type Language, setLanguage } from '../../i18n/index.ts';
import { usesDecimalComma } from '../../i18n/languages.ts';
import { readOptions } from '../format.ts';
import { readPageOptions, startingSettings } from '../pageOptions.ts';
import { relocaliseList } from './draftsSlice.ts';
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
  /** The notebook's settings back, except in the fields an instructor's link hides: those keep the value the link gave them. */
  resetSettings(): void;
  /** Switches the page's language; fields holding valid numbers are rewritten in its decimal style ("0.01" ↔ "0,01"). */
  changeLanguage(lang: Language): void;
}

function derive(text: SettingsText) {
  const { settings, errors } = parseSettings(text, readOptions());
  return { settingsText: text, settings, errors };
}

/** The notebook's settings, with the page address's `?trainLimit` as the training-set size (the link's settings are applied over these: link/sync.ts). */
function initialText(): SettingsText {
  return settingsToText(startingSettings(readPageOptions(typeof location === 'undefined' ? '' : location.search)), readOptions());
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
  resetSettings: () =>
    set((s) => {
      const text = settingsToText(PRESET, readOptions());
      for (const key of s.hiddenFields) text[key] = s.settingsText[key];
      return derive(text);
    }),
  changeLanguage: (lang) => {
    const from = readOptions().decimalComma ? 'pt-BR' : 'en';
    const text = relocalise(get().settingsText, from, lang);
    setLanguage(lang);
    const old = { decimalComma: usesDecimalComma(from) };
    set((s) => ({
      ...derive(text),
      raceRatesText: relocaliseList(s.raceRatesText, 'learningRate', old),
      raceMomentaText: relocaliseList(s.raceMomentaText, 'momentum', old),
    }));
  },
});
