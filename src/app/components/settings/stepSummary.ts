/**
 * One line under the form that says, in numbers, how big a step the chosen
 * optimizer takes: lr/(1 − μ) is SGD's long-run step per unit of gradient,
 * but Adam's step is about lr per weight whatever the gradient's size, and
 * Adagrad's shrinks as squared gradients add up.
 */
import { i18n } from '../../../i18n/index.ts';
import type { RunSettings } from '../../../shared/settings.ts';
import { settingNumber } from '../../format.ts';

/** Three significant figures, no trailing zeros, in the page's language: "0.02", "0,02", "1e-4". */
export function formatStep(v: number): string {
  return settingNumber(Number(v.toPrecision(3)));
}

export function stepSummary(s: RunSettings): string {
  const lr = formatStep(s.learningRate);
  const step = formatStep(s.learningRate / (1 - s.momentum));
  switch (s.optimizer) {
    case 'sgd':
      return i18n.t(s.nesterov ? 'tuning.step.nesterov' : 'tuning.step.sgd', { step });
    case 'adam':
      return i18n.t('tuning.step.adam', { lr });
    case 'adamw':
      return i18n.t('tuning.step.adamw', { lr, decay: formatStep(s.learningRate * s.weightDecay) });
    case 'rmsprop':
      return s.momentum > 0 ? i18n.t('tuning.step.rmspropMomentum', { step }) : i18n.t('tuning.step.rmsprop', { lr });
    case 'adagrad':
      return i18n.t('tuning.step.adagrad', { lr });
  }
}
