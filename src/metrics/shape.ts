/**
 * Shapes of the arrays the metrics read, and the checks every entry point
 * shares. A metric fed a wrong shape would return a plausible-looking number,
 * so each public function validates up front and names itself in the error.
 */

/**
 * Per-row class scores for n samples and K classes: either row-major flat
 * (n × K, as `dataSync()` returns it) or one array of K numbers per row.
 */
export type ProbMatrix = Float32Array | Float64Array | ReadonlyArray<ArrayLike<number>>;

/** True for the flat, row-major form of a ProbMatrix. */
export function isFlat(probs: ProbMatrix): probs is Float32Array | Float64Array {
  return probs instanceof Float32Array || probs instanceof Float64Array;
}

/** Throws unless `numClasses` is a positive integer. */
export function checkNumClasses(numClasses: number, caller: string): void {
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new Error(`${caller}: numClasses must be a positive integer, got ${numClasses}`);
  }
}

/** Number of rows n; throws unless the matrix is n × numClasses. */
export function rowCount(probs: ProbMatrix, numClasses: number, caller: string): number {
  checkNumClasses(numClasses, caller);
  if (isFlat(probs)) {
    if (probs.length % numClasses !== 0) {
      throw new Error(`${caller}: flat probs length ${probs.length} is not a multiple of numClasses ${numClasses}`);
    }
    return probs.length / numClasses;
  }
  for (let i = 0; i < probs.length; i++) {
    if (probs[i].length !== numClasses) {
      throw new Error(`${caller}: row ${i} has ${probs[i].length} entries, expected ${numClasses}`);
    }
  }
  return probs.length;
}

/** Throws unless every label is an integer class index in [0, numClasses). */
export function checkLabels(labels: ArrayLike<number>, numClasses: number, caller: string): void {
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i];
    if (!Number.isInteger(y) || y < 0 || y >= numClasses) {
      throw new Error(`${caller}: label at index ${i} is ${y}, expected an integer in [0, ${numClasses})`);
    }
  }
}

/** Throws unless two per-sample arrays have the same length. */
export function checkSameLength(a: ArrayLike<unknown>, b: ArrayLike<unknown>, what: string, caller: string): void {
  if (a.length !== b.length) {
    throw new Error(`${caller}: ${what} lengths differ (${a.length} vs ${b.length})`);
  }
}
