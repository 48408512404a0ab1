/** The race form's problems and preset in the page's language (parseRates.ts gives codes and values). */
import { i18n } from '../../../i18n/index.ts';
import { listAnd, readOptions, settingNumber } from '../../format.ts';
import { problemText } from '../../settingsWords.ts';
import { type ListProblem, RACE_PRESET } from './parseRates.ts';

/** "0.001, 0.01, 0.1, 1" / "0,001; 0,01; 0,1; 1": a list the same page reads back. */
export function listText(values: readonly number[]): string {
  return values.map(settingNumber).join(readOptions().decimalComma ? '; ' : ', ');
}

export const racePresetText = (): string => listText(RACE_PRESET);

export function listProblemText(p: ListProblem): string {
  switch (p.code) {
    case 'empty':
      return i18n.t('race.problems.empty', { min: p.min, max: p.max, example: racePresetText() });
    case 'items':
      return p.items.map(({ item, problem }) => i18n.t('race.problems.item', { item, problem: problemText(p.key, problem) })).join(' ');
    case 'tooFew':
      return i18n.t('race.problems.tooFew', { min: p.min });
    case 'tooMany':
      return i18n.t('race.problems.tooMany', { max: p.max, given: p.given });
    case 'momentaCount':
      return i18n.t('race.problems.momentaCount', { rates: p.rates, momenta: p.momenta });
    case 'repeatedRates':
      return i18n.t('race.problems.repeatedRates', { count: p.items.length, items: listAnd(p.items.map((s) => `“${s}”`)) });
    case 'repeatedPairs':
      return i18n.t('race.problems.repeatedPairs', {
        count: p.pairs.length,
        pairs: listAnd(p.pairs.map((x) => i18n.t('race.problems.pair', { rate: x.rate, momentum: x.momentum }))),
      });
  }
}
