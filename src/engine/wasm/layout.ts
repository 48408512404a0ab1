/**
 * Where everything lives in the SIMD engine's one linear memory, as byte
 * offsets. Worked out once per engine (and again only for a larger batch);
 * nothing is allocated per batch.
 *
 * Every layer's width is padded to a multiple of 8 floats (`width`), the
 * products' register tile: W as [inputs, width], b as [width], activations and
 * gradients as rows of `width`. The padding lanes of W and b start at 0; no
 * real number is ever computed from a padding lane (a product reads only the
 * real `inputs` columns of the layer below), so whatever they come to hold
 * stays there.
 *
 * From the module's own static data upwards:
 *   per run: its parameters W1 b1 W2 b2 …, then each optimizer state slot in
 *            the same layout;
 *   batch:   the input rows (their bytes, and their packed copies without the zeros,
 *            assembly/sparse.as), labels, dropout draws, per layer the
 *            activations (and their dropped copy), the gradients, and one
 *            parameter-sized gradient buffer and one transposed weight
 *            matrix, reused layer after layer and run after run.
 */
import type { Architecture } from '../../model/architecture.ts';

/** Floats per register tile row: every width is padded to a multiple of this. */
export const LANES = 8;
const FLOAT = 4;
/** v128 loads need no alignment in WebAssembly, but a 64-byte start keeps a row's vectors within cache lines. */
const ALIGN = 64;

export const padWidth = (n: number): number => Math.ceil(n / LANES) * LANES;

export interface LayerShape {
  inputs: number;
  outputs: number;
  /** outputs padded to a multiple of LANES: the row stride of W, b, and the layer's activations. */
  width: number;
}

/** One run's parameters (or one optimizer state slot): W and b of every layer. */
export interface ParamBlock {
  weights: number[];
  biases: number[];
}

export interface RunMemory {
  params: ParamBlock;
  /** One block per optimizer state slot (stateSlots), zero at the start. */
  state: ParamBlock[];
}

/** The input rows packed by groups of 4 (assembly/sparse.as): `stride` entries' room per group. */
export interface PackedInputs {
  index: number;
  values: number;
  counts: number;
}

/** The batch's buffers, sized for `rows` examples. */
export interface BatchMemory {
  rows: number;
  /** rows × inputs, the (scaled) pixels. */
  x: number;
  /** rows × inputs bytes: a batch's uint8 pixels as the data holds them, before unitPixels scales them into x. */
  pixels: number;
  /** x by pairs of rows, inputs + 1 entries each, for x·W1. */
  packedRows: PackedInputs;
  /** x by groups of 4 pixels, rows + 1 entries each, for xᵀ·dy. */
  packedColumns: PackedInputs;
  /** rows int32 labels. */
  labels: number;
  /** Per hidden layer: the caller's dropout draws, rows × outputs, unpadded. */
  noise: number[];
  /** Per layer: rows × width, its pre-activation, then (hidden layers) its activation in place. */
  out: number[];
  /** Per hidden layer: rows × width, its activation after dropout. */
  dropped: number[];
  /** Per layer: rows × width, the loss's gradient with respect to its pre-activation. */
  dz: number[];
  /** Per hidden layer: rows × width, the gradient with respect to its (dropped) activation. */
  da: number[];
  /** A bias gradient, used right away by its update (a weight gradient never leaves the registers). */
  grad: number;
  /** The largest Wᵀ of a layer above the first, [outputs, width below]. */
  transposed: number;
  /** rows × classes log-probabilities, for predictions. */
  logProbs: number;
  /** First byte past the batch's buffers. */
  end: number;
}

export function layerShapes(arch: Architecture): LayerShape[] {
  return arch.sizes.slice(1).map((outputs, l) => ({ inputs: arch.sizes[l], outputs, width: padWidth(outputs) }));
}

/** Floats of layer l's padded W and b. */
export const weightFloats = (s: LayerShape): number => s.inputs * s.width;

class Allocator {
  constructor(private next: number) {}
  take(floats: number): number {
    const at = Math.ceil(this.next / ALIGN) * ALIGN;
    this.next = at + floats * FLOAT;
    return at;
  }
  get end(): number {
    return this.next;
  }
}

/** Every run's parameters and optimizer state, from byte `base`; returns them and the first free byte. */
export function layoutRuns(shapes: LayerShape[], runs: number, slots: number, base: number): { runs: RunMemory[]; end: number } {
  const a = new Allocator(base);
  const block = (): ParamBlock => {
    const weights: number[] = [];
    const biases: number[] = [];
    for (const s of shapes) {
      weights.push(a.take(weightFloats(s)));
      biases.push(a.take(s.width));
    }
    return { weights, biases };
  };
  const out = Array.from({ length: runs }, () => ({ params: block(), state: Array.from({ length: slots }, block) }));
  return { runs: out, end: a.end };
}

/** The batch's buffers for `rows` examples, from byte `base`. */
export function layoutBatch(shapes: LayerShape[], rows: number, base: number): BatchMemory {
  const a = new Allocator(base);
  const hidden = shapes.slice(0, -1);
  const classes = shapes[shapes.length - 1].outputs;
  const inputs = shapes[0].inputs;
  /** An entry is an int32 index and `width` floats, one per row (or pixel) of its group. */
  const packed = (groups: number, stride: number, width: number): PackedInputs => ({
    index: a.take(groups * stride),
    values: a.take(groups * stride * width),
    counts: a.take(groups),
  });
  return {
    rows,
    x: a.take(rows * inputs),
    pixels: a.take(Math.ceil((rows * inputs) / FLOAT)),
    packedRows: packed(rows >> 1, inputs + 1, 2),
    packedColumns: packed(inputs >> 2, rows + 1, 4),
    labels: a.take(rows),
    noise: hidden.map((s) => a.take(rows * s.outputs)),
    out: shapes.map((s) => a.take(rows * s.width)),
    dropped: hidden.map((s) => a.take(rows * s.width)),
    dz: shapes.map((s) => a.take(rows * s.width)),
    da: hidden.map((s) => a.take(rows * s.width)),
    grad: a.take(Math.max(...shapes.map((s) => s.width))),
    transposed: a.take(Math.max(0, ...shapes.slice(1).map((s, l) => s.outputs * shapes[l].width))),
    logProbs: a.take(rows * classes),
    // Read last: an object literal's fields are evaluated in order.
    end: a.end,
  };
}
