/**
 * A comparison's runs named by what sets them apart, in the page's language:
 * "lr = 0.1" in a learning-rate race, "lr = 0.01, μ = 0.9" once momenta
 * differ too, "Adam, lr = 0.001" against "SGD, lr = 0.01". Which settings
 * name them is shared/compare.ts's rule; this file only words them.
 */
import { runNameKeys } from '../shared/compare.ts';
import { type RaceRunHyper, raceRunSettings } from '../shared/raceRuns.ts';
import type { RunSettings, SettingKey } from '../shared/settings.ts';
import { field } from '../shared/settings.ts';
import { i18n } from '../i18n/index.ts';
import { settingNumber } from './format.ts';
import { choiceName, fieldLabel } from './settingsWords.ts';
import { augmentNamePart } from './components/augment/augmentWords.ts';

/** One setting of a run, as its name shows it: "lr = 0.1", "μ = 0.9", "Adam", "layers 512-256". */
function namePart(key: SettingKey, s: RunSettings): string {
  const f = field(key);
  switch (f.kind) {
    case 'choice':
      // "SGD (the notebook)" → "SGD": the name says what differs, not which is the preset.
      return choiceName(f.key, s[f.key]);
    case 'toggle':
      return s[f.key] ? fieldLabel(key) : i18n.t('compare.names.without', { label: fieldLabel(key).toLowerCase() });
    case 'layers':
      return s.hiddenLayers.length ? i18n.t('compare.names.layers', { widths: s.hiddenLayers.join('-') }) : i18n.t('compare.names.noHidden');
    case 'number': {
      const augment = augmentNamePart(key, s);
      if (augment) return augment;
      if (key === 'learningRate') return i18n.t('compare.names.learningRate', { value: settingNumber(s.learningRate) });
      if (key === 'momentum') return i18n.t('compare.names.momentum', { value: settingNumber(s.momentum) });
      if (key === 'patience') return s.patience ? i18n.t('compare.names.earlyStopping', { patience: s.patience }) : i18n.t('compare.names.noEarlyStopping');
      return i18n.t('compare.names.setting', { label: fieldLabel(key).toLowerCase(), value: settingNumber(s[f.key]) });
    }
  }
}

/** Every run's name, in order. */
export function runNames(runs: readonly RunSettings[]): string[] {
  const keys = runNameKeys(runs);
  return runs.map((r) => keys.map((k) => namePart(k, r)).join(', '));
}

/** A race's runs (a comparison's carry their settings; a plain race differs in lr and μ only). */
export const raceRunNames = (runs: readonly (RaceRunHyper & { settings?: RunSettings })[]): string[] => runNames(raceRunSettings(runs));
