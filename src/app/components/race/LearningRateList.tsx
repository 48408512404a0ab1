/**
 * The learning rates to race, typed as a list, an optional momentum per run,
 * a preset and Start race. The text is a draft until the race starts (the
 * race then records the learning rate and momentum each run trained with);
 * it is kept in the store so a link can carry it (`race=`, `racemom=`).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { readOptions, settingNumber } from '../../format.ts';
import * as lab from '../../lab.ts';
import { useLab, workerBusy } from '../../store/index.ts';
import type { LabState } from '../../store/index.ts';
import { PRESET } from '../../../shared/settings.ts';
import { DecimalInput } from '../DecimalInput.tsx';
import { type ListProblem, RACE_SIZE, parseRaceRuns } from './parseRates.ts';
import { listProblemText, racePresetText } from './raceWords.ts';

const RATES_ID = 'race-rates';
const MOMENTA_ID = 'race-momenta';

export function LearningRateList() {
  const { t } = useTranslation();
  const rates = useLab((s) => s.raceRatesText);
  const setRates = useLab((s) => s.setRaceRatesText);
  const momenta = useLab((s) => s.raceMomentaText);
  const setMomenta = useLab((s) => s.setRaceMomentaText);
  // While Settings are invalid Start race is disabled anyway; the preset only keeps the parse defined.
  const defaultMomentum = useLab((s) => s.settings?.momentum ?? PRESET.momentum);
  const formValid = useLab((s) => s.settings !== null);
  const busy = useLab(workerBusy);
  const racing = useLab(raceActive);
  const parsed = parseRaceRuns(rates, momenta, defaultMomentum, readOptions());
  const problems = parsed.ok ? {} : parsed.errors;
  const errors = { rates: wordsOf(problems.rates), momenta: wordsOf(problems.momenta) };

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
        <label htmlFor={RATES_ID}>{t('race.form.ratesLabel')}</label>
        <div className="race__input">
          <DecimalInput id={RATES_ID} value={rates} error={errors.rates} onChange={setRates} />
          <button type="button" onClick={() => setRates(racePresetText())}>
            {t('race.form.preset', { list: racePresetText() })}
          </button>
        </div>
        <FieldNotes id={RATES_ID} error={errors.rates}>
          {t('race.form.ratesHint', { min: RACE_SIZE.min, max: RACE_SIZE.max })}
        </FieldNotes>
      </div>
      <div className={`field${errors.momenta ? ' field--invalid' : ''}`}>
        <label htmlFor={MOMENTA_ID}>{t('race.form.momentaLabel')}</label>
        <div className="race__input">
          <DecimalInput
            id={MOMENTA_ID}
            value={momenta}
            error={errors.momenta}
            onChange={setMomenta}
            placeholder={t('race.form.momentaPlaceholder', { value: settingNumber(defaultMomentum) })}
          />
        </div>
        <FieldNotes id={MOMENTA_ID} error={errors.momenta}>
          {t('race.form.momentaHint')}
        </FieldNotes>
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={!parsed.ok || !formValid || busy}>
          {t('race.form.start')}
        </button>
        {!formValid ? (
          <span className="race__why">{t('race.form.fixSettings')}</span>
        ) : busy && !racing ? (
          <span className="race__why">{t('race.form.busy')}</span>
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

const wordsOf = (p: ListProblem | undefined): string | undefined => (p ? listProblemText(p) : undefined);
