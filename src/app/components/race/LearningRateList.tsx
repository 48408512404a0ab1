/**
 * The learning rates to race, typed as a list, an optional momentum per run,
 * a preset and Start race. The text lives here, not in the store: it is a
 * draft until the race starts, and the race itself records the learning rate
 * and momentum each run trained with.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import * as lab from '../../lab.ts';
import { useLab, workerBusy } from '../../store/index.ts';
import type { LabState } from '../../store/index.ts';
import { PRESET } from '../../../shared/settings.ts';
import { DecimalInput } from '../DecimalInput.tsx';
import { RACE_PRESET_TEXT, RACE_SIZE, parseRaceRuns } from './parseRates.ts';

const RATES_ID = 'race-rates';
const MOMENTA_ID = 'race-momenta';

export function LearningRateList() {
  const [rates, setRates] = useState(RACE_PRESET_TEXT);
  const [momenta, setMomenta] = useState('');
  // While Settings are invalid Start race is disabled anyway; the preset only keeps the parse defined.
  const defaultMomentum = useLab((s) => s.settings?.momentum ?? PRESET.momentum);
  const formValid = useLab((s) => s.settings !== null);
  const busy = useLab(workerBusy);
  const racing = useLab(raceActive);
  const parsed = parseRaceRuns(rates, momenta, defaultMomentum);
  const errors = parsed.ok ? {} : parsed.errors;

  return (
    <form
      className="race__form"
      onSubmit={(e) => {
        e.preventDefault();
        const base = useLab.getState().settings;
        if (parsed.ok && base) lab.startRace(parsed.value.map((h) => ({ ...base, learningRate: h.learningRate, momentum: h.momentum })));
      }}
    >
      <div className={`field${errors.rates ? ' field--invalid' : ''}`}>
        <label htmlFor={RATES_ID}>Learning rates to race</label>
        <div className="race__input">
          <DecimalInput id={RATES_ID} value={rates} error={errors.rates} onChange={setRates} />
          <button type="button" onClick={() => setRates(RACE_PRESET_TEXT)}>
            Preset: {RACE_PRESET_TEXT}
          </button>
        </div>
        <FieldNotes id={RATES_ID} error={errors.rates}>
          {RACE_SIZE.min} to {RACE_SIZE.max} values, separated by commas or spaces. Epochs, batch size, seed, initial weights and schedule come from Settings;
          momentum too, unless given per run below.
        </FieldNotes>
      </div>
      <div className={`field${errors.momenta ? ' field--invalid' : ''}`}>
        <label htmlFor={MOMENTA_ID}>Momentum per run</label>
        <div className="race__input">
          <DecimalInput id={MOMENTA_ID} value={momenta} error={errors.momenta} onChange={setMomenta} placeholder={`Settings: ${defaultMomentum}`} />
        </div>
        <FieldNotes id={MOMENTA_ID} error={errors.momenta}>
          Optional. Empty: every run uses Settings’ momentum. One value: that momentum for every run. Otherwise one value per learning rate, in the same order;
          a learning rate may then race twice with two momenta (0.01 with 0 and with 0.9 shows what momentum adds).
        </FieldNotes>
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={!parsed.ok || !formValid || busy}>
          Start race
        </button>
        {!formValid ? (
          <span className="race__why">Fix the settings first.</span>
        ) : busy && !racing ? (
          <span className="race__why">A run or range test is using the trainer: stop it first.</span>
        ) : null}
      </div>
    </form>
  );
}

function FieldNotes({ id, error, children }: { id: string; error: string | undefined; children: ReactNode }) {
  return (
    <>
      {error ? (
        <p id={`${id}-error`} role="alert" className="field__error">
          {error}
        </p>
      ) : null}
      <p id={`${id}-hint`} className="field__hint">
        {children}
      </p>
    </>
  );
}

/** Whether a race is using the worker, so the "stop it first" note is not shown for the race itself. */
function raceActive(s: LabState): boolean {
  return !!s.race && s.race.phase !== 'done';
}
