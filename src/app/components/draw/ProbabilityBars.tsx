/**
 * The network's answer: one line in a live region (read out on each new
 * prediction) and ten bars. The bars sit outside the live region so a screen
 * reader does not recite all ten after every stroke.
 */
import { useTranslation } from 'react-i18next';
import type { PredictionState } from '../../store/drawSlice.ts';
import { predictionText, summarise } from './probabilities.ts';

interface Props {
  prediction: PredictionState | null;
}

export function ProbabilityBars({ prediction }: Props) {
  const { t } = useTranslation();
  const summary = prediction?.probs ? summarise(prediction.probs) : null;
  const line = !prediction
    ? t('draw.bars.invite')
    : prediction.noModel
      ? t('draw.bars.noModel')
      : summary
        ? predictionText(summary.top, summary.rows[summary.top].p)
        : t('draw.bars.predicting');

  return (
    <div className="draw-bars">
      <p role="status" className={summary && !prediction?.noModel ? 'draw-bars__prediction' : 'draw-bars__prediction muted'}>
        {line}
      </p>
      {summary ? (
        <ul className="draw-bars__list" aria-label={t('draw.bars.name')}>
          {summary.rows.map((r) => (
            <li key={r.digit} className={r.digit === summary.top ? 'draw-bars__row draw-bars__row--top' : 'draw-bars__row'}>
              <span className="draw-sr-only">{t('draw.bars.bar', { digit: r.digit, percent: r.percent })}</span>
              <span className="draw-bars__digit" aria-hidden="true">
                {r.digit}
              </span>
              <span className="draw-bars__track" aria-hidden="true">
                <span className="draw-bars__fill" style={{ width: `${Math.min(100, Math.max(0, r.p * 100))}%` }} />
              </span>
              <span className="draw-bars__percent" aria-hidden="true">
                {r.percent}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
