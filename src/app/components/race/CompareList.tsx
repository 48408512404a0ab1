/**
 * Compare any settings: 2-6 runs typed one per line as the settings' short
 * names (`opt=adam lr=0.001`) over the form's settings, with ready-made
 * comparisons from the notebook's to-do list. The text is a draft until the
 * comparison starts; each run then carries its whole settings.
 */
import { useState } from 'react';
import { COMPARE_PRESETS, COMPARE_SIZE, parseCompare, runNames } from '../../../shared/compare.ts';
import { FIELDS } from '../../../shared/settings.ts';
import * as lab from '../../lab.ts';
import { useLab, workerBusy } from '../../store/index.ts';

const ID = 'compare-runs';

export function CompareList() {
  const [text, setText] = useState(COMPARE_PRESETS[1].text);
  const base = useLab((s) => s.settings);
  const busy = useLab(workerBusy);
  const parsed = base ? parseCompare(text, base) : null;
  const error = parsed && !parsed.ok ? parsed.message : undefined;
  const names = parsed?.ok ? runNames(parsed.value) : [];

  return (
    <form
      className="race__form compare"
      onSubmit={(e) => {
        e.preventDefault();
        if (parsed?.ok) lab.startRace(parsed.value);
      }}
    >
      <div className={`field${error ? ' field--invalid' : ''}`}>
        <label htmlFor={ID}>Runs to compare</label>
        <textarea
          id={ID}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${ID}-error ${ID}-hint` : `${ID}-hint`}
          onChange={(e) => setText(e.target.value)}
        />
        <fieldset className="compare__presets">
          <legend className="compare__legend">Ready-made:</legend>
          {COMPARE_PRESETS.map((p) => (
            <button key={p.label} type="button" onClick={() => setText(p.text)}>
              {p.label}
            </button>
          ))}
        </fieldset>
        {error ? (
          <p id={`${ID}-error`} role="alert" className="field__error">
            {error}
          </p>
        ) : null}
        <p id={`${ID}-hint`} className="field__hint">
          {COMPARE_SIZE.min} to {COMPARE_SIZE.max} runs, one per line, each as name=value over Settings ({FIELDS.map((f) => f.url).join(', ')}; layers like
          512-256). Runs with the same network, optimizer and initial weights train stacked in one engine; the others take turns, batch by batch, on the same
          batches.
        </p>
        {names.length ? <p className="compare__names">Runs: {names.join(' · ')}</p> : null}
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={!parsed?.ok || busy}>
          Start comparison
        </button>
        {!base ? (
          <span className="race__why">Fix the settings first.</span>
        ) : busy ? (
          <span className="race__why">The trainer is busy: stop what runs first.</span>
        ) : null}
      </div>
    </form>
  );
}
