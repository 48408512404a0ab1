/**
 * The address notices in the page's language: what was asked, why it was
 * not used, and what the page used instead. Worded when shown, so they
 * follow a language switch.
 */
import { i18n } from '../../i18n/index.ts';
import type { RunSettings, SettingKey } from '../../shared/settings.ts';
import { FIELDS, field } from '../../shared/settings.ts';
import { listText } from '../components/race/raceWords.ts';
import { listProblemText } from '../components/race/raceWords.ts';
import { RACE_PRESET } from '../components/race/parseRates.ts';
import { count, settingNumber } from '../format.ts';
import { PANEL_IDS } from '../panels.ts';
import { choiceName, problemText } from '../settingsWords.ts';
import { LINK_NAMES } from './address.ts';
import { type LinkNotice, quoted } from './notices.ts';
import { DEFAULT_VALIDATION_SIZE } from './pageParams.ts';

/** "a, b or c": the choices a student may type. */
function listOr(items: readonly string[]): string {
  if (items.length < 2) return items[0] ?? '';
  return i18n.t('link.notices.or', { items: items.slice(0, -1).join(', '), last: items[items.length - 1] });
}

/** A setting's value as the page writes it: "0,01", "Adam", "128, 64", "on". */
export function valueText(key: SettingKey, value: RunSettings[SettingKey]): string {
  const f = field(key);
  if (Array.isArray(value)) return value.length ? value.join(', ') : i18n.t('link.values.noLayers');
  if (typeof value === 'boolean') return i18n.t(value ? 'link.values.on' : 'link.values.off');
  if (typeof value === 'number') return settingNumber(value);
  return f.kind === 'choice' ? choiceName(f.key, value) : String(value);
}

/** What a refused option leaves in place, for the options that are not settings. */
function usedText(option: string): string {
  switch (option) {
    case 'backend':
    case 'threads':
    case 'lang':
    case 'trainLimit':
    case 'present':
    case 'faults':
    case 'racemom':
      return i18n.t(`link.notices.used.${option}`);
    case 'validation':
      return i18n.t('link.notices.used.validation', { count: DEFAULT_VALIDATION_SIZE, formatted: count(DEFAULT_VALIDATION_SIZE) });
    default:
      return '';
  }
}

const both = (...sentences: string[]) => sentences.filter((s) => s !== '').join(' ');

/** One notice, in a sentence or two. */
export function noticeText(n: LinkNotice): string {
  const option = n.value === '' ? n.option : `${n.option}=${quoted(n.value)}`;
  const ignored = (why: string) => i18n.t('link.notices.ignored', { option, why });
  switch (n.code) {
    case 'unknown':
      return ignored(i18n.t('link.notices.unknown', { name: quoted(n.option), names: LINK_NAMES.join(', ') }));
    case 'repeated':
      return ignored(i18n.t('link.notices.repeated', { name: n.option }));
    case 'setting': {
      const problem =
        n.problem.code === 'decimalComma' ? i18n.t('link.notices.decimalPoint', { value: String(n.problem.value) }) : problemText(n.key, n.problem);
      return ignored(i18n.t('link.notices.setting', { problem, used: valueText(n.key, n.used) }));
    }
    case 'choice':
      return ignored(both(i18n.t('link.notices.choice', { choices: listOr(n.choices) }), usedText(n.option)));
    case 'range':
      return ignored(both(i18n.t('link.notices.range', { min: count(n.min), max: count(n.max) }), usedText(n.option)));
    case 'flag':
      return ignored(both(i18n.t('link.notices.flag'), usedText(n.option)));
    case 'hideName':
      return i18n.t('link.notices.hideName', {
        name: quoted(n.name),
        option: n.option,
        panels: PANEL_IDS.join(', '),
        settings: FIELDS.map((f) => f.url).join(', '),
      });
    case 'raceList': {
      const used = n.option === 'race' ? listText(RACE_PRESET) : null;
      const problem = listProblemText(n.problem);
      return ignored(used === null ? both(problem, usedText(n.option)) : i18n.t('link.notices.raceList', { problem, used }));
    }
  }
}
