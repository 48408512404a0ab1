/**
 * Confusion matrix and the summaries read off it (accuracy, per-class recall).
 * Class indices are integers in [0, numClasses); the matrix is always
 * numClasses × numClasses, so a class absent from the labels keeps an all-zero
 * row while its column can still count predictions (as scikit-learn does with
 * `labels=range(K)`).
 */

import { checkLabels, checkNumClasses, checkSameLength } from './shape.ts';

/**
 * Counts of (true label, predicted label) pairs.
 * @returns matrix[t][p] = number of samples with label t predicted as p;
 *   rows = true label, columns = prediction; the total equals n.
 */
export function confusionMatrix(labels: ArrayLike<number>, predicted: ArrayLike<number>, numClasses: number): number[][] {
  const caller = 'confusionMatrix';
  checkNumClasses(numClasses, caller);
  checkSameLength(labels, predicted, 'labels and predicted', caller);
  checkLabels(labels, numClasses, caller);
  checkLabels(predicted, numClasses, caller);
  const matrix: number[][] = [];
  for (let t = 0; t < numClasses; t++) matrix.push(new Array<number>(numClasses).fill(0));
  for (let i = 0; i < labels.length; i++) matrix[labels[i]][predicted[i]] += 1;
  return matrix;
}

/**
 * Fraction of samples whose prediction equals the label, in [0, 1].
 * Throws on empty input: a mean over zero samples is a caller bug, not a
 * data condition, so it should not surface as a silent NaN on a chart.
 */
export function accuracy(labels: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkSameLength(labels, predicted, 'labels and predicted', 'accuracy');
  if (labels.length === 0) throw new Error('accuracy: no samples');
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i] === predicted[i]) correct++;
  return correct / labels.length;
}

/**
 * Recall of each class, diagonal / row sum, in [0, 1].
 * @returns null for a class with no samples (an all-zero row), where recall
 *   is undefined rather than 0.
 */
export function perClassRecall(confusion: ReadonlyArray<ArrayLike<number>>): (number | null)[] {
  const recall: (number | null)[] = [];
  for (let t = 0; t < confusion.length; t++) {
    const row = confusion[t];
    if (row.length !== confusion.length) {
      throw new Error(`perClassRecall: row ${t} has ${row.length} entries, expected ${confusion.length}`);
    }
    let total = 0;
    for (let p = 0; p < row.length; p++) total += row[p];
    recall.push(total === 0 ? null : row[t] / total);
  }
  return recall;
}
