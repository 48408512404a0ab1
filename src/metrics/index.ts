/**
 * Public API of the metrics module: pure functions over plain and typed
 * arrays, no DOM, tfjs or messaging, so the same code runs in the training
 * worker, the UI and Node tests. Conventions follow scikit-learn 1.2.1; see
 * test-fixtures/README.md.
 */

export { argmaxRows } from './argmax.ts';
export { accuracy, confusionMatrix, perClassRecall } from './confusion.ts';
export { rocAuc, rocCurve } from './roc.ts';
export type { RocCurve, RocOptions } from './roc.ts';
export { curveArea, macroAuc } from './auc.ts';
export { oneVsRest } from './ovr.ts';
export type { ClassRoc } from './ovr.ts';
export { thinCurve } from './thin.ts';
export type { ThinnedRocCurve } from './thin.ts';
export { meanNllFromLogProbs, meanNllFromProbs } from './nll.ts';
export type { ProbMatrix } from './shape.ts';
