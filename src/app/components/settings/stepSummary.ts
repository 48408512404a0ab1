/**
 * One line under the form that says, in numbers, how big a step the chosen
 * optimizer takes: lr/(1 − μ) is SGD's long-run step per unit of gradient,
 * but Adam's step is about lr per weight whatever the gradient's size, and
 * Adagrad's shrinks as squared gradients add up.
 */
import type { RunSettings } from '../../../shared/settings.ts';

/** Three significant figures, no trailing zeros. */
export function formatStep(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

export function stepSummary(s: RunSettings): string {
  const lr = formatStep(s.learningRate);
  switch (s.optimizer) {
    case 'sgd':
      return `Effective step size lr / (1 − momentum) = ${formatStep(s.learningRate / (1 - s.momentum))}${s.nesterov ? ' (Nesterov: the same long-run step, taken from a look-ahead)' : ''}`;
    case 'adam':
      return `Each weight moves about lr = ${lr} per step, whatever the size of its gradient (Adam divides by the gradient's running RMS)`;
    case 'adamw':
      return `Each weight moves about lr = ${lr} per step, and shrinks by lr · weight decay = ${formatStep(s.learningRate * s.weightDecay)} of itself`;
    case 'rmsprop':
      return s.momentum > 0
        ? `Step per weight about lr / (1 − momentum) = ${formatStep(s.learningRate / (1 - s.momentum))}, in units of the gradient's running RMS`
        : `Each weight moves about lr = ${lr} per step, in units of its gradient's running RMS`;
    case 'adagrad':
      return `Steps start near lr = ${lr} per weight and shrink as the squared gradients add up`;
  }
}
