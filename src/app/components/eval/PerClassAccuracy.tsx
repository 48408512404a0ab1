/**
 * Accuracy of each digit (recall: of the images of that digit, the share
 * predicted correctly), read off the shown evaluation's confusion matrix,
 * with the weakest digit marked in words as well as colour.
 */
import { useMemo } from 'react';
import { digitAccuracy } from './confusionCells.ts';
import { NOT_YET } from './evalText.ts';
import { useShownEvaluation } from './useShownEvaluation.ts';

export function PerClassAccuracy() {
  const { evaluation, label } = useShownEvaluation();
  const confusion = evaluation?.confusion;
  const rows = useMemo(() => (confusion ? digitAccuracy(confusion) : null), [confusion]);

  return (
    <div className="per-class">
      <h3>Accuracy by digit</h3>
      {rows ? (
        <table className="per-class__table">
          <caption>{label}</caption>
          <thead>
            <tr>
              <th scope="col">Digit</th>
              <th scope="col">Accuracy</th>
              <th scope="col">Correct</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.digit} className={r.lowest ? 'per-class__row--lowest' : undefined}>
                <th scope="row">{r.digit}</th>
                <td>
                  {r.recall === null ? 'no images' : `${(r.recall * 100).toFixed(1)}%`}
                  {r.lowest ? <span className="per-class__badge">lowest</span> : null}
                </td>
                <td>
                  {r.correct.toLocaleString('en')} of {r.total.toLocaleString('en')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="eval-hint">{NOT_YET}</p>
      )}
      <p className="eval-explain">
        Of all the images of a digit, the share the network got right (its recall). A digit well below the others is one the network mixes up: find its row in
        the confusion matrix to see with what.
      </p>
    </div>
  );
}
