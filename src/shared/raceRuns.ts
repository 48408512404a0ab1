/**
 * What sets one run of a learning-rate race apart from the others, and the
 * name it goes by in the page (legend, table, panels) and in the worker's
 * messages, so both ends call a run the same thing.
 */

/** A race run's base hyperparameters; a schedule moves both from these, per run. */
export interface RaceRunHyper {
  learningRate: number;
  /** 0..0.99 */
  momentum: number;
}

/** Whether a race's runs need their momentum in their names: they do not all share one. */
export function momentaDiffer(runs: readonly Pick<RaceRunHyper, 'momentum'>[]): boolean {
  return runs.some((r) => r.momentum !== runs[0].momentum);
}

/**
 * Every run's name, in race order: "lr = 0.1" while the runs share one
 * momentum (it is then in Settings and the table, and names stay short),
 * "lr = 0.01, μ = 0.9" once momenta differ, since then the learning rate
 * alone may not tell two runs apart.
 */
export function raceRunNames(runs: readonly RaceRunHyper[]): string[] {
  const withMomentum = momentaDiffer(runs);
  return runs.map((r) => (withMomentum ? `lr = ${r.learningRate}, μ = ${r.momentum}` : `lr = ${r.learningRate}`));
}
