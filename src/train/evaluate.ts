/**
 * What a forward pass over a set gives (predictRuns.ts makes them, in
 * fixed-size chunks: a 10,000-image pass in one go would need a 31 MB input
 * upload and a large activation texture).
 */

export interface SetPrediction {
  /** n × classes log-probabilities, row-major. */
  logProbs: Float32Array;
  labels: Uint8Array;
  /** The images' indices in their set, in the order of the rows. */
  indices: Int32Array;
}

/** Images per forward pass when evaluating a set. */
export const EVAL_CHUNK = 1000;
