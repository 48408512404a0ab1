/** What the probability bars say: the top digit and each digit's share, as whole percentages. */
import { i18n } from '../../../i18n/index.ts';
import { argmaxRows } from '../../../metrics/argmax.ts';
import { pct } from '../../format.ts';

export interface DigitRow {
  digit: number;
  p: number;
  /** "93%": rounded the same way as the prediction line, so the two never disagree. */
  percent: string;
}

/** A probability as a whole percentage in the page's language: "93%", "93 %". */
export const percentText = (p: number): string => pct(Math.round(p * 100) / 100, 0);

/** "Prediction: 7 (93%)". */
export const predictionText = (digit: number, p: number): string => i18n.t('draw.bars.prediction', { digit, percent: percentText(p) });

/** Top digit (lowest wins a tie, as in the confusion matrix) and one row per digit; null for no classes. */
export function summarise(probs: Float32Array): { top: number; rows: DigitRow[] } | null {
  if (probs.length === 0) return null;
  const top = argmaxRows(probs, probs.length)[0];
  const rows = Array.from(probs, (p, digit) => ({ digit, p, percent: percentText(p) }));
  return { top, rows };
}
