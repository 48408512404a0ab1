/**
 * A grey image as the draw pipeline passes it between steps: row-major,
 * 0 = paper, 1 = full ink (MNIST's polarity, scaled from bytes to [0, 1]).
 */
export interface Gray {
  data: Float32Array;
  w: number;
  h: number;
}

/** Pad coordinates: 0..1 on both axes, y downwards (the store's PadPoint). */
export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Strokes = readonly (readonly Point[])[];
