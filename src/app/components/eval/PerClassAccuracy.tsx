/**
 * Accuracy of each digit (recall: of the images of that digit, the share
 * predicted correctly), read off the shown evaluation's confusion matrix,
 * with the weakest digit marked in words as well as colour.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { count, pct } from '../../format.ts';
import { digitAccuracy } from './confusionCells.ts';
import { notYet } from './evalText.ts';
import { useShownEvaluation } from './useShownEvaluation.ts';

export function PerClassAccuracy() {
  const { t } = useTranslation();
  const { evaluation, label } = useShownEvaluation();
  const confusion = evaluation?.confusion;
  const rows = useMemo(() => (confusion ? digitAccuracy(confusion) : null), [confusion]);

  return (
    <div className="per-class">
      <h3>{t('eval.perClass.heading')}</h3>
      {rows ? <PerClassTable rows={rows} label={label} /> : <p className="eval-hint">{notYet()}</p>}
      <p className="eval-explain">{t('eval.perClass.explain')}</p>
    </div>
  );
}

/** Memoised: renders once per evaluation, in the deferred pass (see the confusion matrix's body). */
const PerClassTable = memo(function PerClassTable({ rows, label }: { rows: ReturnType<typeof digitAccuracy>; label: string }) {
  const { t } = useTranslation();
  return (
    <table className="per-class__table">
      <caption>{label}</caption>
      <thead>
        <tr>
          <th scope="col">{t('eval.perClass.digit')}</th>
          <th scope="col">{t('eval.perClass.accuracy')}</th>
          <th scope="col">{t('eval.perClass.correct')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.digit} className={r.lowest ? 'per-class__row--lowest' : undefined}>
            <th scope="row">{r.digit}</th>
            <td>
              {r.recall === null ? t('eval.perClass.noImages') : pct(r.recall)}
              {r.lowest ? <span className="per-class__badge">{t('eval.perClass.lowest')}</span> : null}
            </td>
            <td>{t('eval.perClass.correctOf', { correct: count(r.correct), total: count(r.total) })}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
