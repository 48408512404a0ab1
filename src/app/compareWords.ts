/** A comparison's problems in the page's language (shared/compare.ts gives codes and values). */
import type { CompareProblem, LineProblem } from '../shared/compare.ts';
import { i18n } from '../i18n/index.ts';
import { listAnd } from './format.ts';
import { fieldLabel, problemText } from './settingsWords.ts';

function lineProblemText(p: LineProblem): string {
  switch (p.code) {
    case 'notNameValue':
      return i18n.t('compare.problems.notNameValue', { item: p.item });
    case 'unknownSetting':
      return i18n.t('compare.problems.unknownSetting', { name: p.name, names: p.names.join(', ') });
    case 'setTwice':
      return i18n.t('compare.problems.setTwice', { label: fieldLabel(p.key) });
    case 'value':
      return i18n.t('compare.problems.value', { label: fieldLabel(p.key), problem: problemText(p.key, p.problem) });
  }
}

export function compareProblemText(p: CompareProblem): string {
  switch (p.code) {
    case 'tooFew':
      return i18n.t('compare.problems.tooFew', { min: p.min, max: p.max });
    case 'tooMany':
      return i18n.t('compare.problems.tooMany', { max: p.max, given: p.given });
    case 'line':
      return i18n.t('compare.problems.line', { line: p.line, problem: lineProblemText(p.problem) });
    case 'notShared':
      return i18n.t('compare.problems.notShared', { count: p.keys.length, labels: listAnd(p.keys.map((k) => fieldLabel(k).toLowerCase())) });
    case 'sameRuns':
      return i18n.t('compare.problems.sameRuns', { first: p.first, second: p.second });
  }
}

/** Every problem, in one paragraph. */
export const compareProblemsText = (problems: readonly CompareProblem[]): string => problems.map(compareProblemText).join(' ');
