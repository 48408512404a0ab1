/**
 * The controls a student touches: the settings from the table, then Train,
 * Pause/Resume, Stop and Reset. Learning rate and momentum stay editable
 * during a run and apply from the next batch; the rest wait for the next run.
 */
import { useRef } from 'react';
import { FIELDS, PRESET } from '../../shared/settings.ts';
import type { SettingKey } from '../../shared/settings.ts';
import * as lab from '../lab.ts';
import { canReset, useLab, workerBusy } from '../store/index.ts';
import { LearningRateSlider } from './LearningRateSlider.tsx';
import { NumberField } from './NumberField.tsx';
import { SchedulePreview } from './SchedulePreview.tsx';

const LIVE: ReadonlySet<SettingKey> = new Set(['learningRate', 'momentum']);

export function Controls() {
  const text = useLab((s) => s.settingsText);
  const errors = useLab((s) => s.errors);
  const settings = useLab((s) => s.settings);
  const setField = useLab((s) => s.setField);
  const phase = useLab((s) => s.run?.phase ?? null);
  const active = phase !== null && phase !== 'done';
  // A race, a range test or an unfinished Reset holds the worker; the form waits for it, wholly.
  const otherBusy = useLab((s) => workerBusy(s) && !(s.run && s.run.phase !== 'done'));
  const resettable = useLab(canReset);
  const lastValidLr = useRef(PRESET.learningRate);
  if (settings) lastValidLr.current = settings.learningRate;

  const change = (key: SettingKey, value: string) => {
    setField(key, value);
    const s = useLab.getState().settings;
    if (active && LIVE.has(key) && s) lab.setHyper(s.learningRate, s.momentum);
  };

  return (
    <section className="panel controls" aria-labelledby="controls-heading">
      <h2 id="controls-heading">Settings</h2>
      <form onSubmit={(e) => { e.preventDefault(); lab.train(); }}>
        <div className="fields">
          {FIELDS.map((f) =>
            f.kind === 'number' ? (
              <NumberField key={f.key} field={f} value={text[f.key]} error={errors[f.key]} disabled={otherBusy || (active && !LIVE.has(f.key))} onChange={(v) => change(f.key, v)}>
                {f.key === 'learningRate' ? (
                  <LearningRateSlider value={lastValidLr.current} disabled={otherBusy} onChange={(lr) => change('learningRate', String(lr))} />
                ) : null}
              </NumberField>
            ) : (
              <div className="field" key={f.key}>
                <label htmlFor={`field-${f.key}`}>{f.label}</label>
                <select id={`field-${f.key}`} value={text[f.key]} disabled={active || otherBusy} onChange={(e) => change(f.key, e.target.value)} aria-describedby={`field-${f.key}-hint`}>
                  {f.choices.map((c) => (
                    <option key={c.value} value={c.value}>{c.label}</option>
                  ))}
                </select>
                <p id={`field-${f.key}-hint`} className="field__hint">{f.hint}</p>
                {f.key === 'schedule' && settings ? <SchedulePreview settings={settings} trainCount={lab.pageOptions.trainLimit ?? 60_000 - lab.pageOptions.validationSize} /> : null}
              </div>
            ),
          )}
        </div>
        {settings ? (
          <p className="effective-step">
            Effective step size lr / (1 − momentum) = <strong>{formatStep(settings.learningRate / (1 - settings.momentum))}</strong>
            {active ? ' · changes to learning rate and momentum apply from the next batch' : ''}
          </p>
        ) : null}
        <div className="buttons">
          <button type="submit" className="primary" disabled={!settings || active || otherBusy}>Train</button>
          {phase === 'paused' ? (
            <button type="button" onClick={lab.resume}>Resume</button>
          ) : (
            <button type="button" onClick={lab.pause} disabled={!active || phase === 'loading-data'}>Pause</button>
          )}
          <button type="button" onClick={lab.stop} disabled={!active}>Stop</button>
          <button type="button" onClick={lab.reset} disabled={!resettable}>Reset</button>
        </div>
      </form>
    </section>
  );
}

function formatStep(v: number): string {
  return Number(v.toPrecision(3)).toString();
}
