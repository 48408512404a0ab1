/**
 * Areas and averages over ROC curves that are already computed.
 */

/**
 * Trapezoid area under a polyline given by parallel, fpr-sorted arrays (the
 * same rule as numpy.trapz / scikit-learn `auc`). On a full curve from
 * rocCurve this is the AUC; on a thinned curve it is the area as drawn.
 */
export function curveArea(curve: { readonly fpr: ArrayLike<number>; readonly tpr: ArrayLike<number> }): number {
  const { fpr, tpr } = curve;
  if (fpr.length !== tpr.length) {
    throw new Error(`curveArea: fpr and tpr lengths differ (${fpr.length} vs ${tpr.length})`);
  }
  let twiceArea = 0;
  for (let i = 1; i < fpr.length; i++) twiceArea += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]);
  return twiceArea / 2;
}

/**
 * Macro average of per-class one-vs-rest AUCs: the plain mean of the defined
 * (non-null) entries. A class with no positives (or no negatives) has no AUC
 * and is left out rather than counted as 0 or 0.5.
 * @returns null when no entry is defined.
 */
export function macroAuc(aucs: ReadonlyArray<number | null>): number | null {
  let sum = 0;
  let defined = 0;
  for (const auc of aucs) {
    if (auc === null) continue;
    sum += auc;
    defined++;
  }
  return defined === 0 ? null : sum / defined;
}
