/**
 * R weight sets of one network in one instance of the kernels' module
 * (assembly/), and the passes over a batch in its memory (layout.ts): the
 * inputs in, a run's forward pass and loss, its backward pass fused with the
 * optimizer's step, and the weights in and out in paramShapes order. What a
 * RaceEngine adds to it (the runs' bookkeeping, the losses' queue) is in
 * raceEngine.ts.
 *
 * A run's step goes layer by layer from the top: the gradient for the layer
 * below (dy·Wᵀ, from the weights not yet updated), then this layer's weight
 * gradient (xᵀ·dy) fused with the optimizer's step, each tile of the
 * gradient applied while still in registers, then the bias's. The first
 * layer's products skip the zero pixels of unit-scaled images
 * (assembly/sparse.as), four in five of MNIST's: the same sums, in the same
 * order, without the terms that add nothing.
 *
 * Every operation is the tfjs engine's in the same float32 operations, so
 * the two engines differ only in the order of the sums inside the products.
 */
import type { Architecture } from '../../model/architecture.ts';
import { MNIST_PIXEL_MEAN, MNIST_PIXEL_STD } from '../../shared/network.ts';
import type { FullHyper, OptimizerSpec } from '../../shared/optimizer.ts';
import { stateSlots } from '../../shared/optimizer.ts';
import type { Kernels } from './kernels.ts';
import { ACTIVATION_CODES, OPTIMIZER_CODES, instantiateKernels } from './kernels.ts';
import type { KernelCall, Team } from './team.ts';
import type { BatchMemory, LayerShape, ParamBlock, RunMemory } from './layout.ts';
import { layerShapes, layoutBatch, layoutRuns } from './layout.ts';

/** Examples the batch buffers hold at first; a larger training batch grows them once, a prediction goes in chunks. */
const INITIAL_ROWS = 256;
/**
 * The largest share of nonzero entries at which a packed product beats the
 * dense one (it reads an index per step more). Measured on MNIST batches of
 * 64: packed at a share of 0.38 took about 0.4 of the dense kernel's time.
 */
const SPARSE_LIMIT = 0.75;
const PAGE_BYTES = 65_536;
/** The smallest product split between two threads: its columns, rows or pixel groups. */
const MIN_SPLIT = 32;

/** A product whose columns (or rows, or groups) can be made in two parts: `part(from, to)` is the call for a range. */
interface Product {
  total: number;
  /** Where a cut may fall: a multiple of this (a kernel's column panel: 8 wide, 16 for layer 1's packed product). */
  align: number;
  part(from: number, to: number): KernelCall;
}

const f32 = Math.fround;

export class SimdNetwork {
  readonly arch: Architecture;
  readonly optimizer: OptimizerSpec;
  readonly shapes: LayerShape[];
  private readonly k: Kernels;
  private readonly runMemory: RunMemory[];
  /** Where the batch's buffers start: after every run's parameters and state. */
  private readonly batchBase: number;
  private batch: BatchMemory;
  private readonly activation: number;
  /** Whether the batch in memory has packed copies sparse enough to use (see loadInputs). */
  private sparseRows = false;
  private sparseColumns = false;
  private heap: Float32Array | null = null;
  /** With a team, the largest products are made half here and half in its helper (team.ts). */
  private readonly team: Team | null;
  /** The arguments of the last setStep, which the helper's instance needs before its part of a weight gradient. */
  private stepCall: KernelCall | null = null;

  /**
   * Every run's weights start at 0 (see writeParams). `shared`: the memory
   * of a shared build (the module imports it) and the team whose helper
   * computes on it; without, the module's own memory, one thread.
   */
  constructor(
    module: WebAssembly.Module,
    arch: Architecture,
    runs: number,
    optimizer: OptimizerSpec,
    shared?: { memory: WebAssembly.Memory; team: Team | null },
  ) {
    this.arch = arch;
    this.optimizer = optimizer;
    this.k = instantiateKernels(module, shared?.memory);
    this.team = shared?.team ?? null;
    this.shapes = layerShapes(arch);
    this.activation = ACTIVATION_CODES[arch.activation ?? 'relu'];
    const laid = layoutRuns(this.shapes, runs, stateSlots(optimizer), this.k.heapBase());
    this.runMemory = laid.runs;
    this.batchBase = laid.end;
    this.batch = this.layoutBatch(INITIAL_ROWS);
  }

  get inputs(): number {
    return this.shapes[0].inputs;
  }

  get classes(): number {
    return this.shapes[this.shapes.length - 1].outputs;
  }

  /** Examples a batch may have without growing the memory (a prediction goes in chunks of this many). */
  get rows(): number {
    return this.batch.rows;
  }

  /** The linear memory's size; it grows only for a larger batch than any before. */
  get memoryBytes(): number {
    return this.k.memory.buffer.byteLength;
  }

  /** Makes room for batches of n examples. */
  reserve(n: number): void {
    if (n > this.batch.rows) this.batch = this.layoutBatch(n);
  }

  /** The batch's labels and (when dropping) dropout's draws, n × width per hidden layer, into memory. */
  loadTargets(y: Int32Array, n: number, noise?: readonly Float32Array[]): void {
    const heap = this.memory();
    new Int32Array(heap.buffer).set(y.subarray(0, n), this.batch.labels / 4);
    noise?.forEach((u, l) => heap.set(u.subarray(0, n * this.shapes[l].outputs), this.batch.noise[l] / 4));
  }

  /** The mean NLL of the batch after a run's forward pass; with `gradient`, also the last layer's dz for its backward pass. */
  loss(n: number, gradient: boolean): number {
    const last = this.shapes.length - 1;
    return this.k.logSoftmaxNll(this.batch.out[last], this.shapes[last].width, n, this.classes, this.batch.labels, gradient ? this.batch.dz[last] : 0, 0);
  }

  /** The log-probabilities after a forward pass over n examples, n × classes: a view, valid until the next call. */
  logProbs(n: number): Float32Array {
    const last = this.shapes.length - 1;
    const { logProbs } = this.batch;
    this.k.logSoftmaxNll(this.batch.out[last], this.shapes[last].width, n, this.classes, 0, 0, logProbs);
    return this.memory().subarray(logProbs / 4, logProbs / 4 + n * this.classes);
  }

  readParams(r: number): Float32Array[] {
    const heap = this.memory();
    const { weights, biases } = this.runMemory[r].params;
    return this.shapes.flatMap((s, l) => {
      const w = new Float32Array(s.inputs * s.outputs);
      for (let i = 0; i < s.inputs; i++) {
        const row = weights[l] / 4 + i * s.width;
        w.set(heap.subarray(row, row + s.outputs), i * s.outputs);
      }
      return [w, heap.slice(biases[l] / 4, biases[l] / 4 + s.outputs)];
    });
  }

  writeParams(r: number, params: Float32Array[]): void {
    const heap = this.memory();
    const { weights, biases } = this.runMemory[r].params;
    this.shapes.forEach((s, l) => {
      const [w, b] = [params[2 * l], params[2 * l + 1]];
      if (w.length !== s.inputs * s.outputs || b.length !== s.outputs) throw new Error(`layer ${l + 1}'s parameters have the wrong size`);
      for (let i = 0; i < s.inputs; i++) heap.set(w.subarray(i * s.outputs, (i + 1) * s.outputs), weights[l] / 4 + i * s.width);
      heap.set(b, biases[l] / 4);
    });
  }

  /** A float view of the memory, made again only after the memory grew (which detaches the old one). */
  private memory(): Float32Array {
    if (this.heap?.buffer !== this.k.memory.buffer) this.heap = new Float32Array(this.k.memory.buffer);
    return this.heap;
  }

  /** Batch buffers for `rows` examples after the runs' memory, growing the memory if they do not fit. */
  private layoutBatch(rows: number): BatchMemory {
    const batch = layoutBatch(this.shapes, rows, this.batchBase);
    const short = batch.end - this.k.memory.buffer.byteLength;
    if (short > 0) this.k.memory.grow(Math.ceil(short / PAGE_BYTES));
    return batch;
  }

  /**
   * The batch's first n rows of pixels into memory, as the network's inputs
   * (architecture.inputScaling), and their packed copies for the first layer's
   * products where enough of them are zero: standardised pixels never are.
   * `training`: the weight gradient's copy too. n ≤ rows (see reserve).
   */
  loadInputs(x: Float32Array, n: number, training: boolean): void {
    const count = n * this.inputs;
    if (x.length < count) throw new RangeError(`expected ${count} input values, got ${x.length}`);
    this.memory().set(x.subarray(0, count), this.batch.x / 4);
    this.prepareInputs(n, training);
  }

  /**
   * loadInputs from the images' uint8 pixels (n × inputs), scaled to [0, 1]
   * here rather than by the host: the same numbers as fillBatch's floats, a
   * quarter of the bytes to copy, and no float conversion in JavaScript
   * (about 70 µs a batch of 64, a fifth of this engine's step).
   */
  loadPixels(pixels: Uint8Array, n: number, training: boolean): void {
    const count = n * this.inputs;
    if (pixels.length < count) throw new RangeError(`expected ${count} pixels, got ${pixels.length}`);
    const { k, batch } = this;
    new Uint8Array(k.memory.buffer, batch.pixels, count).set(pixels.subarray(0, count));
    k.unitPixels(batch.x, batch.pixels, count);
    this.prepareInputs(n, training);
  }

  /** Scales or packs the n unit-scaled input rows in memory for the first layer (see loadInputs). */
  private prepareInputs(n: number, training: boolean): void {
    const { k, batch, inputs } = this;
    const count = n * inputs;
    this.sparseRows = false;
    this.sparseColumns = false;
    if (this.arch.inputScaling === 'standardised') {
      k.standardise(batch.x, count, MNIST_PIXEL_MEAN, MNIST_PIXEL_STD);
      return;
    }
    const rows = batch.packedRows;
    const groups = n >> 1;
    if (groups > 0) this.sparseRows = k.packRows(batch.x, n, inputs, rows.index, rows.values, rows.counts) <= SPARSE_LIMIT * groups * inputs;
    const columns = batch.packedColumns;
    const pixelGroups = inputs >> 2;
    if (training && pixelGroups > 0) {
      this.sparseColumns = k.packColumns(batch.x, n, inputs, columns.index, columns.values, columns.counts) <= SPARSE_LIMIT * pixelGroups * n;
    }
  }

  /** Layer 1's pre-activation x·W1 + b1 into batch.out[0], without the zero pixels where they were packed. */
  private firstProduct(n: number, weights: number, bias: number): void {
    const { k, batch, inputs } = this;
    const { width } = this.shapes[0];
    const out = batch.out[0];
    const offset = (pointer: number, from: number) => (pointer ? pointer + from * 4 : 0);
    if (!this.sparseRows) {
      this.together([columns(out, width, batch.x, inputs, weights, width, n, inputs, width, bias)]);
      return;
    }
    const { index, values, counts } = batch.packedRows;
    this.together([
      {
        total: width,
        align: 16,
        part: (from, to) => [
          'gemmPacked',
          out + from * 4,
          width,
          index,
          values,
          counts,
          n >> 1,
          inputs + 1,
          weights + from * 4,
          width,
          to - from,
          offset(bias, from),
        ],
      },
    ]);
    // The last row of an odd n was not packed.
    const done = n & ~1;
    if (done < n) k.gemmRows(batch.out[0] + done * width * 4, width, batch.x + done * inputs * 4, inputs, weights, width, n - done, inputs, width, bias);
  }

  /** Layer 1's weight gradient xᵀ·dz1 and update of W1 (state at W1 + d0, + d1), without the zero pixels where they were packed. */
  private firstWeightGradient(n: number, w: number, d0: number, d1: number): void {
    const { k, batch, inputs } = this;
    const { width } = this.shapes[0];
    if (!this.sparseColumns) {
      this.together([rows(w, width, batch.x, inputs, batch.dz[0], width, inputs, n, width, d0, d1)], true);
      return;
    }
    const { index, values, counts } = batch.packedColumns;
    const stride = n + 1;
    this.together(
      [
        {
          total: inputs >> 2,
          align: 1,
          part: (from, to) => [
            'gradPacked',
            w + from * 16 * width,
            width,
            index + from * stride * 4,
            values + from * stride * 16,
            counts + from * 4,
            to - from,
            stride,
            batch.dz[0],
            width,
            width,
            d0,
            d1,
          ],
        },
      ],
      true,
    );
    // The last inputs mod 4 pixels were not packed.
    const done = inputs & ~3;
    if (done < inputs) k.gradCols(w + done * width * 4, width, batch.x + done * 4, inputs, batch.dz[0], width, inputs - done, n, width, d0, d1);
  }

  /**
   * Run r's forward pass over the batch's n rows: every layer's activation,
   * and the logits in the last layer's `out`. `rate` > 0: inverted dropout
   * after every hidden layer (its draws are already in memory).
   */
  forward(r: number, n: number, rate: number): void {
    const { k, batch, shapes } = this;
    const { weights, biases } = this.runMemory[r].params;
    let a = batch.x;
    let lda = this.inputs;
    for (let l = 0; l < shapes.length; l++) {
      const s = shapes[l];
      if (l === 0) this.firstProduct(n, weights[0], biases[0]);
      else this.together([columns(batch.out[l], s.width, a, lda, weights[l], s.width, n, s.inputs, s.width, biases[l])]);
      if (l === shapes.length - 1) break;
      k.activate(batch.out[l], batch.out[l], n * s.width, this.activation);
      a = batch.out[l];
      if (rate > 0) {
        k.dropout(batch.dropped[l], a, batch.noise[l], n, s.outputs, s.width, rate, keepScale(rate));
        a = batch.dropped[l];
      }
      lda = s.width;
    }
  }

  /** Run r's backward pass and update, from the last layer's gradient (already in dz) down. */
  backward(r: number, n: number, h: FullHyper, rate: number, steps: number): void {
    const { k, batch, shapes } = this;
    const { weights, biases } = this.runMemory[r].params;
    this.setStep(h, steps);
    for (let l = shapes.length - 1; l >= 0; l--) {
      const s = shapes[l];
      const dz = batch.dz[l];
      const below = l > 0 ? shapes[l - 1] : null;
      const [d0, d1] = this.stateOffsets(r, 'weights', l);
      if (below) {
        // The gradient for the layer below, from a transposed copy of this layer's weights before their
        // update: so the two products read nothing the other writes, and go to the two threads at once.
        k.transpose(batch.transposed, weights[l], s.inputs, s.outputs, s.width, below.width);
        const input = rate > 0 ? batch.dropped[l - 1] : batch.out[l - 1];
        this.together(
          [
            columns(batch.da[l - 1], below.width, dz, s.width, batch.transposed, below.width, n, s.outputs, below.width, 0),
            rows(weights[l], s.width, input, below.width, dz, s.width, s.inputs, n, s.width, d0, d1),
          ],
          true,
        );
      } else this.firstWeightGradient(n, weights[0], d0, d1);
      k.columnSums(batch.grad, dz, n, s.width);
      k.update(biases[l], batch.grad, s.width, ...this.stateOffsets(r, 'biases', l));
      if (below) {
        const da = batch.da[l - 1];
        if (rate > 0) k.dropout(da, da, batch.noise[l - 1], n, below.outputs, below.width, rate, keepScale(rate));
        k.activateBackward(batch.dz[l - 1], da, batch.out[l - 1], n * below.width, this.activation);
      }
    }
  }

  /** The optimizer's numbers for a run's step (`steps` taken, this one included), as assembly/optimizers.as reads them. */
  private setStep(h: FullHyper, steps: number): void {
    const { kind, nesterov } = this.optimizer;
    // The scalar products tfjs forms of two float32 tensors, rounded as it rounds them.
    const { bc1, bc2 } = biasCorrections(h.beta1, h.beta2, steps);
    const lr = f32(h.learningRate);
    const adam = kind === 'adam' || kind === 'adamw';
    this.stepCall = [
      'setStep',
      OPTIMIZER_CODES[kind],
      lr,
      h.momentum,
      h.weightDecay,
      nesterov ? 1 : 0,
      h.beta1,
      f32(1 - f32(h.beta1)),
      h.beta2,
      f32(1 - f32(h.beta2)),
      h.epsilon,
      adam ? f32(lr * f32(bc1)) : 0,
      adam ? bc2 : 0,
      f32(lr * f32(h.weightDecay)),
      h.alpha,
      f32(1 - f32(h.alpha)),
    ];
    this.call(this.stepCall);
  }

  /**
   * Makes `products`: whole in this thread, or, with a team, each large
   * one's first part here and its second in the helper, at once. `updates`:
   * they step the optimizer, so the helper takes this step's setStep first.
   */
  private together(products: readonly Product[], updates = false): void {
    const cut = (p: Product) => (this.team && p.total >= MIN_SPLIT ? Math.floor(p.total / (2 * p.align)) * p.align : p.total);
    const theirs = products.filter((p) => cut(p) < p.total).map((p) => p.part(cut(p), p.total));
    const mine = () => {
      for (const p of products) this.call(p.part(0, cut(p)));
    };
    if (!this.team || theirs.length === 0) mine();
    else this.team.split(updates && this.stepCall ? [this.stepCall, ...theirs] : theirs, mine);
  }

  private call([name, ...args]: KernelCall): void {
    (this.k[name] as (...a: number[]) => unknown)(...args);
  }

  /** Byte offsets from run r's layer-l weights or biases to their optimizer state slots (0 for a slot the optimizer lacks). */
  private stateOffsets(r: number, which: keyof ParamBlock, l: number): [number, number] {
    const { params, state } = this.runMemory[r];
    const at = params[which][l];
    return [state[0] ? state[0][which][l] - at : 0, state[1] ? state[1][which][l] - at : 0];
  }
}

/** gemmRows (C = A·B + bias) as a product cut by columns of C and B. */
function columns(c: number, ldc: number, a: number, lda: number, b: number, ldb: number, m: number, k: number, n: number, bias: number): Product {
  return {
    total: n,
    align: 8,
    part: (from, to) => ['gemmRows', c + from * 4, ldc, a, lda, b + from * 4, ldb, m, k, to - from, bias ? bias + from * 4 : 0],
  };
}

/** gradCols (Aᵀ·dy into W's optimizer step) as a product cut by rows of W (columns of A). */
function rows(w: number, ldw: number, a: number, lda: number, b: number, ldb: number, m: number, k: number, n: number, d0: number, d1: number): Product {
  return {
    total: m,
    align: 4,
    part: (from, to) => ['gradCols', w + from * ldw * 4, ldw, a + from * 4, lda, b, ldb, to - from, k, n, d0, d1],
  };
}

/** Dropout's scale for a kept unit, 1/(1 − p): computed in float64 and rounded once, as tfjs makes its tensor. */
const keepScale = (rate: number): number => 1 / (1 - rate);

/**
 * Adam's bias corrections for step t (from 1): 1/(1−β₁ᵗ) and 1/√(1−β₂ᵗ), in
 * float64 as the tfjs engine computes them (tfjs/optimizerStep.ts), which
 * this engine cannot import without tfjs.
 */
function biasCorrections(beta1: number, beta2: number, t: number): { bc1: number; bc2: number } {
  return { bc1: 1 / (1 - beta1 ** t), bc2: 1 / Math.sqrt(1 - beta2 ** t) };
}
