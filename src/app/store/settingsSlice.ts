/**
 * The form: what the student typed (kept as text, so nothing they type is
 * lost or rewritten) and what it parses to. Validation comes from the
 * settings table in src/shared/settings.ts.
 */
import type { StateCreator } from 'zustand';
import type { RunSettings, SettingKey, SettingsText } from '../../shared/settings.ts';
import { MAX_TRAIN_SIZE, PRESET, parseSettings, settingsToText } from '../../shared/settings.ts';
import { readPageOptions } from '../pageOptions.ts';
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

/** The notebook's settings, with the page address's `?trainLimit` as the training-set size. */
function initialText(): SettingsText {
  const text = settingsToText(PRESET);
  const limit = typeof location === 'undefined' ? undefined : readPageOptions(location.search).trainLimit;
  if (limit !== undefined) text.trainSize = String(Math.min(limit, MAX_TRAIN_SIZE));
  return text;
}

export const createSettingsSlice: StateCreator<LabState, [], [], SettingsSlice> = (set) => ({
  ...derive(initialText()),
  setField: (key, text) => set((s) => derive({ ...s.settingsText, [key]: text })),
  resetSettings: () => set(derive(settingsToText(PRESET))),
});
