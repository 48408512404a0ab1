/**
 * Which evaluation the panels below show: the latest validation epoch, or
 * the test set once the run has been evaluated on it.
 */
import { useTranslation } from 'react-i18next';
import { shownEvaluation } from '../../store/evalSlice.ts';
import { useLab } from '../../store/index.ts';

export function EvalSetSwitch() {
  const { t } = useTranslation();
  // The store's choice itself, not the panels' deferred copy: the radio must
  // follow the click at once, even while the panels are still redrawing.
  const evaluation = useLab(shownEvaluation);
  const hasValidation = useLab((s) => (s.run?.epochs.length ?? 0) > 0);
  const hasTest = useLab((s) => !!s.run?.done?.test);
  const setEvalView = useLab((s) => s.setEvalView);
  const shown = evaluation?.set ?? 'validation';

  return (
    <fieldset className="eval-switch" disabled={!hasValidation && !hasTest}>
      <legend>{t('eval.switch.legend')}</legend>
      <label>
        <input
          type="radio"
          name="eval-set"
          value="validation"
          checked={shown === 'validation'}
          disabled={!hasValidation}
          onChange={() => setEvalView('validation')}
        />
        {t('eval.switch.validation')}
      </label>
      <label>
        {/* 'auto' rather than 'test': the same while a test evaluation exists,
            and when the next run starts it falls back to validation instead
            of leaving the panels empty until that run's test. */}
        <input type="radio" name="eval-set" value="test" checked={shown === 'test'} disabled={!hasTest} onChange={() => setEvalView('auto')} />
        {t('eval.switch.test')}
      </label>
      {hasTest ? null : <span className="eval-switch__hint">{t('eval.switch.testHint')}</span>}
    </fieldset>
  );
}
