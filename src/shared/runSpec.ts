/**
 * What the engines read from a run's settings: the optimizer (fixed for the
 * run) and the numbers of each step (some of which may move mid-run).
 */
import type { OptimizerSpec, StepHyper } from './optimizer.ts';
import type { RunSettings } from './settings.ts';

export function optimizerOf(s: Pick<RunSettings, 'optimizer' | 'nesterov'>): OptimizerSpec {
  return s.optimizer === 'sgd' ? { kind: 'sgd', nesterov: s.nesterov } : { kind: s.optimizer };
}

/** Every number a step may read; the engine takes those its optimizer uses. */
export type HyperSettings = Pick<RunSettings, 'learningRate' | 'momentum' | 'weightDecay' | 'beta1' | 'beta2' | 'epsilon' | 'alpha' | 'dropout'>;

/** The live numbers of `s`, and nothing else (a StepHyper with every number present). */
export function stepHyperOf(s: HyperSettings): HyperSettings & StepHyper {
  const { learningRate, momentum, weightDecay, beta1, beta2, epsilon, alpha, dropout } = s;
  return { learningRate, momentum, weightDecay, beta1, beta2, epsilon, alpha, dropout };
}
