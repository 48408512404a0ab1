/**
 * The learning rates to race, typed as a list, with a preset and Start race.
 * The text lives here, not in the store: it is a draft until the race starts,
 * and the race itself records the rates it ran with.
 */
import { useState } from 'react';
import * as lab from '../../lab.ts';
import { useLab, workerBusy } from '../../store/index.ts';
import type { LabState } from '../../store/index.ts';
import { RACE_PRESET_TEXT, RACE_SIZE, parseRates } from './parseRates.ts';

const ID = 'race-rates';

export function LearningRateList() {
  const [text, setText] = useState(RACE_PRESET_TEXT);
  const formValid = useLab((s) => s.settings !== null);
  const busy = useLab(workerBusy);
  const racing = useLab(raceActive);
  const parsed = parseRates(text);
  const error = parsed.ok ? null : parsed.message;

  return (
    <form className="race__form" onSubmit={(e) => { e.preventDefault(); if (parsed.ok) lab.startRace(parsed.value); }}>
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label htmlFor={ID}>Learning rates to race</label>
        <div className="race__input">
          <input
            id={ID}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            value={text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${ID}-error ${ID}-hint` : `${ID}-hint`}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="button" onClick={() => setText(RACE_PRESET_TEXT)}>Preset: {RACE_PRESET_TEXT}</button>
        </div>
        {error ? <p id={`${ID}-error`} role="alert" className="field__error">{error}</p> : null}
        <p id={`${ID}-hint`} className="field__hint">
          {RACE_SIZE.min} to {RACE_SIZE.max} values, separated by commas or spaces. Momentum, epochs, batch size, seed, initial weights and schedule come from Settings.
        </p>
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={!parsed.ok || !formValid || busy}>Start race</button>
        {!formValid ? <span className="race__why">Fix the settings first.</span> : busy && !racing ? <span className="race__why">A run or range test is using the trainer: stop it first.</span> : null}
      </div>
    </form>
  );
}

/** Whether a run, a range test or a race is using the worker: lab.isActive() as a selector, so the button follows it. */

function raceActive(s: LabState): boolean {
  return !!s.race && s.race.phase !== 'done';
}
