/**
 * The settings table's words in the page's language: a field's label, hint
 * and choices, a group's heading, and a refused value's message. The table
 * (shared/settings.ts) holds the structure; the catalogues hold the words.
 */
import type { SettingGroup, SettingKey, SettingProblem } from '../shared/settings.ts';
import { i18n } from '../i18n/index.ts';
import { settingNumber } from './format.ts';

export const groupLabel = (group: SettingGroup): string => i18n.t(`settings.groups.${group}`);

export const fieldLabel = (key: SettingKey): string => i18n.t(`settings.fields.${key}.label`);

export const fieldHint = (key: SettingKey): string => i18n.t(`settings.fields.${key}.hint`);

type ChoiceKeyOf = 'optimizer' | 'schedule' | 'activation' | 'init' | 'inputScaling';

/** A choice's words ("SGD (the notebook)"); the value itself when the catalogue has none. */
export function choiceLabel(key: ChoiceKeyOf, value: string): string {
  return i18n.t(`settings.fields.${key}.choices.${value}` as never, { defaultValue: value }) as string;
}

/** A choice's words without the parenthesis ("SGD"), for run names and summaries. */
export const choiceName = (key: ChoiceKeyOf, value: string): string => choiceLabel(key, value).replace(/\s*\(.*\)$/, '');

/** Why a typed value for `key` was refused, in a sentence. */
export function problemText(key: SettingKey, p: SettingProblem): string {
  const label = fieldLabel(key);
  const base = { label, name: label.toLowerCase() };
  switch (p.code) {
    case 'empty':
    case 'notNumber':
    case 'ambiguousDecimal':
      return i18n.t(`settings.problems.${p.code}`, { ...base, example: settingNumber(p.example) });
    case 'belowMin':
    case 'aboveMax':
      return i18n.t(`settings.problems.${p.code}`, { ...base, min: settingNumber(p.min), max: settingNumber(p.max) });
    case 'decimalComma':
      return i18n.t('settings.problems.decimalComma', { ...base, value: String(p.value) });
    case 'tooManyLayers':
    case 'layerWidth':
      return i18n.t(`settings.problems.${p.code}`, { ...base, max: p.max, given: p.given });
    case 'layerNotWhole':
      return i18n.t('settings.problems.layerNotWhole', { ...base, item: p.item });
    case 'notChoice':
      return i18n.t('settings.problems.notChoice', {
        ...base,
        choices: p.choices.map((c) => choiceLabel(key as ChoiceKeyOf, c)).join(', '),
      });
    case 'notFinite':
    case 'learningRatePositive':
    case 'notWhole':
    case 'notToggle':
      return i18n.t(`settings.problems.${p.code}`, base);
  }
}
