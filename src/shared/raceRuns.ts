/**
 * What sets one run of a learning-rate race apart from the others, and the
 * name it goes by in the page (legend, table, panels) and in the worker's
 * messages, so both ends call a run the same thing. A comparison's runs may
 * differ in any setting: they are named by shared/compare.ts's rule.
 */
import { runNames } from './compare.ts';
import type { RunSettings } from './settings.ts';
import { PRESET } from './settings.ts';

/** A race run's base hyperparameters; a schedule moves both from these, per run. */
export interface RaceRunHyper {
  learningRate: number;
  /** 0..0.99 */
  momentum: number;
}

/**
 * Every run's name, in race order: "lr = 0.1" while the runs share one
 * momentum, "lr = 0.01, μ = 0.9" once momenta differ; a comparison's runs
 * that carry their own settings are named by whatever differs ("Adam,
 * lr = 0.001"). Runs without settings differ in lr and μ only.
 */
export function raceRunNames(runs: readonly (RaceRunHyper & { settings?: RunSettings })[]): string[] {
  return runNames(runs.map((r) => r.settings ?? { ...PRESET, learningRate: r.learningRate, momentum: r.momentum }));
}
