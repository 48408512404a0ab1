/**
 * Which runs of a comparison can share one stacked engine: those with the
 * same network, the same optimizer, the same initial weights (the stacked
 * engine starts every run from one set of weights) and the same
 * augmentation (a stack trains all its runs on one batch of pixels). Every other
 * setting (learning rate, momentum, the optimizer's numbers, weight decay,
 * dropout, schedule, early stopping) is per run inside a stack.
 */
import type { AugmentSettings } from '../data/augment/index.ts';
import { augmentOf } from '../data/augment/index.ts';
import type { Architecture } from '../model/architecture.ts';
import { architectureOf } from '../model/architecture.ts';
import type { OptimizerSpec } from '../shared/optimizer.ts';
import { optimizerOf } from '../shared/runSpec.ts';
import type { InitScheme, RunSettings } from '../shared/settings.ts';

export interface RunGroupSpec {
  arch: Architecture;
  optimizer: OptimizerSpec;
  init: InitScheme;
  /** What the group's runs do to each training image (the same for all of them). */
  augment: AugmentSettings;
  /** Global indices of the runs it stacks, in run order. */
  runs: number[];
}

/** The groups, in the order of their first run. */
export function groupRuns(runs: readonly RunSettings[]): RunGroupSpec[] {
  const groups = new Map<string, RunGroupSpec>();
  runs.forEach((s, r) => {
    const arch = architectureOf(s);
    const optimizer = optimizerOf(s);
    const augment = augmentOf(s);
    const key = JSON.stringify([arch, optimizer, s.init, augment]);
    const g = groups.get(key);
    if (g) g.runs.push(r);
    else groups.set(key, { arch, optimizer, init: s.init, augment, runs: [r] });
  });
  return [...groups.values()];
}
