/**
 * The controls a student touches: the settings from the table, grouped
 * (optimizer, regularisation, network, data, augmentation, training) and shown only where
 * they apply, then Train, Pause/Resume, Stop and Reset. The settings marked
 * live in the table stay editable during a run and apply from the next
 * batch; the rest wait for the next run. In present mode learning rate,
 * momentum and epochs come first and the other settings are folded.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { architectureOf } from '../../model/architecture.ts';
import { networkText } from '../networkWords.ts';
import type { OptimizerKind } from '../../shared/optimizer.ts';
import { OPTIMIZER_KINDS } from '../../shared/optimizer.ts';
import type { SettingField, SettingKey } from '../../shared/settings.ts';
import { FIELDS, PRESET, SETTING_GROUPS, applies, settingText, switchesOf } from '../../shared/settings.ts';
import { readOptions } from '../format.ts';
import * as lab from '../lab.ts';
import { groupLabel } from '../settingsWords.ts';
import type { RunPhase } from '../../worker/protocol.ts';
import { canReset, useLab, workerBusy } from '../store/index.ts';
import { LearningRateSlider } from './LearningRateSlider.tsx';
import { SchedulePreview } from './SchedulePreview.tsx';
import { SettingInput } from './settings/SettingInput.tsx';
import { AugmentPreview } from './augment/AugmentPreview.tsx';
import { stepSummary } from './settings/stepSummary.ts';

const LIVE: ReadonlySet<SettingKey> = new Set(FIELDS.filter((f) => f.live).map((f) => f.key));
/** Present mode shows these outside the fold, in this order. */
const PRESENT_KEYS: ReadonlySet<SettingKey> = new Set<SettingKey>(['learningRate', 'momentum', 'epochs']);
const PRESENT_FIELDS = [...PRESENT_KEYS].map((k) => FIELDS.find((f) => f.key === k)!);

export function Controls() {
  const { t } = useTranslation();
  const text = useLab((s) => s.settingsText);
  const errors = useLab((s) => s.errors);
  const settings = useLab((s) => s.settings);
  const setField = useLab((s) => s.setField);
  const resetSettings = useLab((s) => s.resetSettings);
  // What the buttons and fields need of the run's phase, and no more: the whole form (and the
  // augmentation preview in it) would otherwise re-render as each epoch passes from training to
  // evaluating and back, several times a second on a fast engine.
  const phase = useLab((s) => formPhase(s.run?.phase));
  const active = phase !== null && phase !== 'done';
  // A race, a range test or an unfinished Reset holds the worker; the form waits for it, wholly.
  const otherBusy = useLab((s) => workerBusy(s) && !(s.run && s.run.phase !== 'done'));
  const resettable = useLab(canReset);
  // Fields an instructor's link hides are not offered (their values still apply), nor a group left with none.
  const hidden = useLab((s) => s.hiddenFields);
  const present = useLab((s) => s.present);
  const lastValidLr = useRef(PRESET.learningRate);
  if (settings) lastValidLr.current = settings.learningRate;
  // The select always holds a valid optimizer, even while another field is invalid.
  const optimizer = (OPTIMIZER_KINDS as readonly string[]).includes(text.optimizer) ? (text.optimizer as OptimizerKind) : PRESET.optimizer;
  // Fields behind a switch (elastic α and σ) show while it is on.
  const switches = switchesOf(text);
  const shown = (f: SettingField) => applies(f, optimizer, switches) && !hidden.includes(f.key);

  const change = (key: SettingKey, value: string) => {
    setField(key, value);
    const s = useLab.getState().settings;
    if (active && LIVE.has(key) && s) lab.setHyper(s);
  };

  const field = (f: SettingField) => (
    <SettingInput
      key={f.key}
      field={f}
      value={text[f.key]}
      problem={errors[f.key]}
      disabled={otherBusy || (active && !LIVE.has(f.key))}
      onChange={(v) => change(f.key, v)}
    >
      {f.key === 'learningRate' ? (
        <LearningRateSlider value={lastValidLr.current} disabled={otherBusy} onChange={(lr) => change('learningRate', settingText(lr, readOptions()))} />
      ) : null}
      {f.key === 'schedule' && settings ? <SchedulePreview settings={settings} trainCount={settings.trainSize} /> : null}
    </SettingInput>
  );
  const groups = SETTING_GROUPS.map((group) => {
    const inGroup = FIELDS.filter((f) => f.group === group && shown(f) && !(present && PRESENT_KEYS.has(f.key)));
    return inGroup.length === 0 ? null : (
      <fieldset key={group} className={`fields fields--${group}`}>
        <legend>{groupLabel(group)}</legend>
        {inGroup.map(field)}
        {group === 'augmentation' ? <AugmentPreview settings={settings} /> : null}
      </fieldset>
    );
  });

  const resetSettingsButton = (
    <button type="button" className="link" onClick={resetSettings} disabled={active || otherBusy}>
      {t('controls.resetSettings')}
    </button>
  );

  return (
    <section className="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading">{t('controls.heading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          lab.train();
        }}
      >
        {present ? (
          <>
            {/* On a projector: the three settings a demo turns, the rest folded away (still applied, still editable). */}
            <div className="fields fields--present">{PRESENT_FIELDS.filter(shown).map(field)}</div>
            <details className="controls__more">
              <summary>{t('present.moreSettings')}</summary>
              {groups}
              {resetSettingsButton}
            </details>
          </>
        ) : (
          groups
        )}
        {settings ? (
          <>
            <p className="network-line">
              {t('controls.network')} <strong>{networkText(architectureOf(settings))}</strong>
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
              {t('controls.resume')}
            </button>
          ) : (
            <button type="button" onClick={lab.pause} disabled={!active || phase === 'loading-data'}>
              {t('controls.pause')}
            </button>
          )}
          <button type="button" onClick={lab.stop} disabled={!active}>
            {t('controls.stop')}
          </button>
          <button type="button" onClick={lab.reset} disabled={!resettable}>
            {t('controls.reset')}
          </button>
          {present ? null : resetSettingsButton}
        </div>
      </form>
    </section>
  );
}

/** A run's phase as the form tells them apart: training, evaluating, compiling and testing are one ('running'). */
function formPhase(phase: RunPhase | 'done' | undefined): 'loading-data' | 'paused' | 'running' | 'done' | null {
  if (phase === undefined) return null;
  return phase === 'loading-data' || phase === 'paused' || phase === 'done' ? phase : 'running';
}
