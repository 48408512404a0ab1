/**
 * What sets one run of a learning-rate race apart from the others. A
 * comparison's runs may differ in any setting; the page names every run by
 * what differs (shared/compare.ts's runNameKeys, worded by app/runNames.ts).
 */
import type { RunSettings } from './settings.ts';
import { PRESET } from './settings.ts';

/** A race run's base hyperparameters; a schedule moves both from these, per run. */
export interface RaceRunHyper {
  learningRate: number;
  /** 0..0.99 */
  momentum: number;
}

/** Each race run's whole settings: its own when a comparison gave them, else the notebook's with its lr and μ (runs differ in those only). */
export function raceRunSettings(runs: readonly (RaceRunHyper & { settings?: RunSettings })[]): RunSettings[] {
  return runs.map((r) => r.settings ?? { ...PRESET, learningRate: r.learningRate, momentum: r.momentum });
}
