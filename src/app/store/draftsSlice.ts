/**
 * The race's and the comparison's forms, as typed: drafts until a race
 * starts (the race then records what each run trained with). They live in
 * the store, not in their components, so that a link can carry them and
 * a language switch can rewrite them.
 */
import type { StateCreator } from 'zustand';
import { COMPARE_PRESETS } from '../../shared/compare.ts';
import type { ReadOptions } from '../../shared/settings.ts';
import { field, parseNumberField } from '../../shared/settings.ts';
import { splitList } from '../components/race/parseRates.ts';
import { listText, racePresetText } from '../components/race/raceWords.ts';
import type { LabState } from './index.ts';

/** The comparison a student finds in the form: SGD against Adam. */
export const DEFAULT_COMPARE = COMPARE_PRESETS[1].text;

export interface DraftsSlice {
  /** The learning rates to race, in the page's language ("0.001, 0.01" / "0,001; 0,01"). */
  raceRatesText: string;
  /** A momentum per run, or one for all; empty = the settings' momentum. */
  raceMomentaText: string;
  /** The comparison's runs, one per line, as the settings' link names (`opt=adam lr=0.001`: decimal point in every language). */
  compareText: string;
  setRaceRatesText(text: string): void;
  setRaceMomentaText(text: string): void;
  setCompareText(text: string): void;
}

export const createDraftsSlice: StateCreator<LabState, [], [], DraftsSlice> = (set) => ({
  raceRatesText: racePresetText(),
  raceMomentaText: '',
  compareText: DEFAULT_COMPARE,
  setRaceRatesText: (text) => set({ raceRatesText: text }),
  setRaceMomentaText: (text) => set({ raceMomentaText: text }),
  setCompareText: (text) => set({ compareText: text }),
});

/**
 * A list typed in the old language, written as the page's language now
 * writes it ("0,01; 0,1" → "0.01, 0.1"); exactly as typed when any item
 * does not read (nothing the student typed is lost). Call after the switch.
 */
export function relocaliseList(text: string, key: 'learningRate' | 'momentum', from: ReadOptions): string {
  const f = field(key);
  const items = splitList(text, from).map((t) => parseNumberField(f, t, from));
  if (items.length === 0 || !items.every((r) => r.ok)) return text;
  return listText(items.map((r) => (r.ok ? r.value : 0)));
}
