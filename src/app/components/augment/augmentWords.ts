/**
 * A run's augmentation in words, in the page's language: "rotation ±30°",
 * "no rotation", "shift ±2 px". Comparisons name their runs with these
 * (runNames.ts), and "Accuracy by rotation" labels the single run with them.
 */
import type { RunSettings, SettingKey } from '../../../shared/settings.ts';
import { i18n } from '../../../i18n/index.ts';
import { settingNumber } from '../../format.ts';
import { fieldLabel } from '../../settingsWords.ts';

type AugmentNumberKey = 'rotationDeg' | 'shiftPx' | 'scalePct' | 'elasticAlpha' | 'elasticSigma';

/** One augmentation setting of `s` as a run's name shows it; null for a setting that is not augmentation's. */
export function augmentNamePart(key: SettingKey, s: RunSettings): string | null {
  switch (key as AugmentNumberKey) {
    case 'rotationDeg':
      return s.rotationDeg ? i18n.t('augment.names.rotation', { value: settingNumber(s.rotationDeg) }) : i18n.t('augment.names.noRotation');
    case 'shiftPx':
      return s.shiftPx ? i18n.t('augment.names.shift', { value: settingNumber(s.shiftPx) }) : i18n.t('augment.names.noShift');
    case 'scalePct':
      return s.scalePct ? i18n.t('augment.names.scale', { value: settingNumber(s.scalePct) }) : i18n.t('augment.names.noScale');
    case 'elasticAlpha':
      return i18n.t('augment.names.alpha', { value: settingNumber(s.elasticAlpha) });
    case 'elasticSigma':
      return i18n.t('augment.names.sigma', { value: settingNumber(s.elasticSigma) });
    default:
      return null;
  }
}

/** What a run does to its training images, "rotation ±30°, shift ±2 px"; null when nothing (the notebook). */
export function augmentSummary(s: RunSettings): string | null {
  const parts: string[] = [];
  if (s.rotationDeg) parts.push(augmentNamePart('rotationDeg', s)!);
  if (s.shiftPx) parts.push(augmentNamePart('shiftPx', s)!);
  if (s.scalePct) parts.push(augmentNamePart('scalePct', s)!);
  if (s.elastic) parts.push(fieldLabel('elastic').toLowerCase());
  return parts.length ? parts.join(', ') : null;
}
