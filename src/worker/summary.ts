/** Turns a forward pass over a set into the figures the page shows. */
import { accuracy, argmaxRows, meanNllFromLogProbs } from '../metrics/index.ts';
import type { SetPrediction } from '../train/evaluate.ts';
import type { Evaluation } from './protocol.ts';

export function summarize(set: Evaluation['set'], p: SetPrediction, numClasses = 10): Evaluation {
  const predicted = argmaxRows(p.logProbs, numClasses);
  return {
    set,
    count: p.labels.length,
    loss: meanNllFromLogProbs(p.logProbs, p.labels, numClasses),
    accuracy: accuracy(p.labels, predicted),
  };
}
