/**
 * The controls a student touches: the settings from the table, grouped
 * (optimizer, regularisation, network, data, training) and shown only where
 * they apply, then Train, Pause/Resume, Stop and Reset. The settings marked
 * live in the table stay editable during a run and apply from the next
 * batch; the rest wait for the next run.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { architectureOf, describeWithCount } from '../../model/architecture.ts';
import type { OptimizerKind } from '../../shared/optimizer.ts';
import { OPTIMIZER_KINDS } from '../../shared/optimizer.ts';
import type { SettingKey } from '../../shared/settings.ts';
import { FIELDS, PRESET, SETTING_GROUPS, applies, settingText, switchesOf } from '../../shared/settings.ts';
import { readOptions } from '../format.ts';
import * as lab from '../lab.ts';
import { groupLabel } from '../settingsWords.ts';
import { canReset, useLab, workerBusy } from '../store/index.ts';
import { LearningRateSlider } from './LearningRateSlider.tsx';
import { SchedulePreview } from './SchedulePreview.tsx';
import { SettingInput } from './settings/SettingInput.tsx';
import { AugmentPreview } from './augment/AugmentPreview.tsx';
import { stepSummary } from './settings/stepSummary.ts';

const LIVE: ReadonlySet<SettingKey> = new Set(FIELDS.filter((f) => f.live).map((f) => f.key));

export function Controls() {
  const { t } = useTranslation();
  const text = useLab((s) => s.settingsText);
  const errors = useLab((s) => s.errors);
  const settings = useLab((s) => s.settings);
  const setField = useLab((s) => s.setField);
  const resetSettings = useLab((s) => s.resetSettings);
  const phase = useLab((s) => s.run?.phase ?? null);
  const active = phase !== null && phase !== 'done';
  // A race, a range test or an unfinished Reset holds the worker; the form waits for it, wholly.
  const otherBusy = useLab((s) => workerBusy(s) && !(s.run && s.run.phase !== 'done'));
  const resettable = useLab(canReset);
  const lastValidLr = useRef(PRESET.learningRate);
  if (settings) lastValidLr.current = settings.learningRate;
  // The select always holds a valid optimizer, even while another field is invalid.
  const optimizer = (OPTIMIZER_KINDS as readonly string[]).includes(text.optimizer) ? (text.optimizer as OptimizerKind) : PRESET.optimizer;
  // Fields behind a switch (elastic α and σ) show while it is on.
  const switches = switchesOf(text);

  const change = (key: SettingKey, value: string) => {
    setField(key, value);
    const s = useLab.getState().settings;
    if (active && LIVE.has(key) && s) lab.setHyper(s);
  };

  return (
    <section className="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading">{t('controls.heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          lab.train();
        }}
      >
        {SETTING_GROUPS.map((group) => (
          <fieldset key={group} className={`fields fields--${group}`}>
            <legend>{groupLabel(group)}</legend>
            {FIELDS.filter((f) => f.group === group && applies(f, optimizer, switches)).map((f) => (
              <SettingInput
                key={f.key}
                field={f}
                value={text[f.key]}
                problem={errors[f.key]}
                disabled={otherBusy || (active && !LIVE.has(f.key))}
                onChange={(v) => change(f.key, v)}
              >
                {f.key === 'learningRate' ? (
                  <LearningRateSlider
                    value={lastValidLr.current}
                    disabled={otherBusy}
                    onChange={(lr) => change('learningRate', settingText(lr, readOptions()))}
                  />
                ) : null}
                {f.key === 'schedule' && settings ? <SchedulePreview settings={settings} trainCount={settings.trainSize} /> : null}
              </SettingInput>
            ))}
            {group === 'augmentation' ? <AugmentPreview settings={settings} /> : null}
          </fieldset>
        ))}
        {settings ? (
          <>
            <p className="network-line">
              {t('controls.network')} <strong>{describeWithCount(architectureOf(settings))}</strong>
            </p>
            <p className="effective-step">
              {stepSummary(settings)}
              {active ? ` · ${t('controls.liveNote')}` : ''}
            </p>
          </>
        ) : null}
        <div className="buttons">
          <button type="submit" className="primary" disabled={!settings || active || otherBusy}>
            {t('controls.train')}
          </button>
          {phase === 'paused' ? (
            <button type="button" onClick={lab.resume}>
              Resume
            </button>
          ) : (
            <button type="button" onClick={lab.pause} disabled={!active || phase === 'loading-data'}>
              Pause
            </button>
          )}
          <button type="button" onClick={lab.stop} disabled={!active}>
            {t('controls.stop')}
          </button>
          <button type="button" onClick={lab.reset} disabled={!resettable}>
            {t('controls.reset')}
          </button>
          <button type="button" className="link" onClick={resetSettings} disabled={active || otherBusy}>
            {t('controls.resetSettings')}
          </button>
        </div>
      </form>
    </section>
  );
}
