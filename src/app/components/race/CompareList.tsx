/**
 * Compare any settings: 2-6 runs typed one per line as the settings' short
 * names (`opt=adam lr=0.001`) over the form's settings, with ready-made
 * comparisons from the notebook's to-do list. The text is a draft until the
 * comparison starts (kept in the store, so a link carries it: `cmp=`); each
 * run then carries its whole settings.
 */
import { useTranslation } from 'react-i18next';
import { COMPARE_PRESETS, COMPARE_SIZE, parseCompare } from '../../../shared/compare.ts';
import { FIELDS } from '../../../shared/settings.ts';
import { compareProblemsText } from '../../compareWords.ts';
import * as lab from '../../lab.ts';
import { runNames } from '../../runNames.ts';
import { useLab, workerBusy } from '../../store/index.ts';

const ID = 'compare-runs';

export function CompareList() {
  const { t } = useTranslation();
  const text = useLab((s) => s.compareText);
  const setText = useLab((s) => s.setCompareText);
  const base = useLab((s) => s.settings);
  const busy = useLab(workerBusy);
  const parsed = base ? parseCompare(text, base) : null;
  const error = parsed && !parsed.ok ? compareProblemsText(parsed.problems) : undefined;
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
        <label htmlFor={ID}>{t('compare.form.label')}</label>
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
          <legend className="compare__legend">{t('compare.form.readyMade')}</legend>
          {COMPARE_PRESETS.map((p) => (
            <button key={p.id} type="button" onClick={() => setText(p.text)}>
              {t(`compare.presets.${p.id}`)}
            </button>
          ))}
        </fieldset>
        {error ? (
          <p id={`${ID}-error`} role="alert" className="field__error">
            {error}
          </p>
        ) : null}
        <p id={`${ID}-hint`} className="field__hint">
          {t('compare.form.hint', { min: COMPARE_SIZE.min, max: COMPARE_SIZE.max, names: FIELDS.map((f) => f.url).join(', ') })}
        </p>
        {names.length ? <p className="compare__names">{t('compare.form.runs', { names: names.join(' · ') })}</p> : null}
      </div>
      <div className="buttons">
        <button type="submit" className="primary" disabled={!parsed?.ok || busy}>
          {t('compare.form.start')}
        </button>
        {!base ? <span className="race__why">{t('compare.form.fixSettings')}</span> : busy ? <span className="race__why">{t('compare.form.busy')}</span> : null}
      </div>
    </form>
  );
}
