/**
 * The form: what the student typed (kept as text, so nothing they type is
 * lost or rewritten) and what it parses to. Validation comes from the
 * settings table in src/shared/settings.ts.
 */
import type { StateCreator } from 'zustand';
import type { RunSettings, SettingKey, SettingsText } from '../../shared/settings.ts';
import { PRESET, parseSettings, settingsToText } from '../../shared/settings.ts';
import type { LabState } from './index.ts';

export interface SettingsSlice {
  settingsText: SettingsText;
  /** Parsed settings, or null while any field is invalid. */
  settings: RunSettings | null;
  errors: Partial<Record<SettingKey, string>>;
  setField(key: SettingKey, text: string): void;
  resetSettings(): void;
}

function derive(text: SettingsText) {
  const { settings, errors } = parseSettings(text);
  return { settingsText: text, settings, errors };
}

export const createSettingsSlice: StateCreator<LabState, [], [], SettingsSlice> = (set) => ({
  ...derive(settingsToText(PRESET)),
  setField: (key, text) => set((s) => derive({ ...s.settingsText, [key]: text })),
  resetSettings: () => set(derive(settingsToText(PRESET))),
});
