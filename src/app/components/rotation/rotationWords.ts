/** A line of "Accuracy by rotation" named in the page's language: the run by its augmentation, a comparison's runs by what sets them apart. */
import { i18n } from '../../../i18n/index.ts';
import { augmentSummary } from '../augment/augmentWords.ts';
import type { RotationLine } from './rotationLines.ts';

/** `raceNames`: the comparison's run names (runNames.ts), in run order. */
export function lineName(line: RotationLine, raceNames: readonly string[]): string {
  switch (line.kind) {
    case 'run':
      return i18n.t('rotation.lines.run', { what: (line.settings && augmentSummary(line.settings)) ?? i18n.t('rotation.lines.noAugmentation') });
    case 'race':
      return raceNames[line.index] ?? `#${line.index + 1}`;
    case 'model':
      return i18n.t('rotation.lines.model', { name: line.name ?? '' });
    case 'history':
      return i18n.t('rotation.lines.history', { name: line.name ?? '' });
  }
}
