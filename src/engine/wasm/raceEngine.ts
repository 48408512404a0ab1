/**
 * The CPU training engine written for this family of networks: dense layers,
 * an activation, log-softmax and NLL, every optimizer of the lab and seeded
 * dropout, in WebAssembly with 128-bit SIMD (assembly/*.as). It implements the
 * same RaceEngine as the tfjs engine, on the same numbers: the same float32
 * operations in the same order wherever it can, so the two differ only in
 * the order of the sums inside the matrix products (see raceEngine.test.ts).
 *
 * R runs are R independent weight sets in one linear memory (layout.ts),
 * trained one after the other on the batch, which is written into that
 * memory once per step. A run's step goes layer by layer from the top: the
 * gradient for the layer below (dy·Wᵀ, with the weights not yet updated),
 * then this layer's weight gradient (xᵀ·dy) fused with its optimizer step,
 * each tile of the gradient applied while still in registers, and the bias's.
 * Nothing is allocated per batch but the losses' queue when it doubles.
 *
 * The first layer's products skip the zero pixels of unit-scaled images
 * (assembly/sparse.as), four in five of MNIST's: the same sums, in the same
 * order, without the terms that add nothing.
 *
 * A frozen run (setActive false) takes no step: its weights and optimizer
 * state stay exactly as they are, and its loss column holds the loss of its
 * frozen weights on the batch, as in the tfjs engine.
 */
import type { Architecture } from '../../model/architecture.ts';
import { paramShapes } from '../../model/architecture.ts';
import type { FullHyper, OptimizerSpec, StepHyper } from '../../shared/optimizer.ts';
import { SGD, fullHyper, stateSlots } from '../../shared/optimizer.ts';
import { MNIST_PIXEL_MEAN, MNIST_PIXEL_STD } from '../../shared/network.ts';
import type { RaceEngine } from '../race.ts';
import type { Kernels } from './kernels.ts';
import { ACTIVATION_CODES, OPTIMIZER_CODES, instantiateKernels } from './kernels.ts';
import type { BatchMemory, LayerShape, ParamBlock, RunMemory } from './layout.ts';
import { layerShapes, layoutBatch, layoutRuns } from './layout.ts';

/** Which build of the module an engine runs: relaxed SIMD's fused multiply-add, or plain SIMD. */
export type SimdLevel = 'relaxed-simd' | 'simd';

/** Examples the batch buffers hold at first; a larger training batch grows them once, a prediction goes in chunks. */
const INITIAL_ROWS = 256;
/**
 * The largest share of nonzero entries at which a packed product beats the
 * dense one: it reads an index per step more. Measured on MNIST batches of
 * 64: packed at a share of 0.38 took 0.45 of the dense kernel's time.
 */
const SPARSE_LIMIT = 0.75;
const PAGE_BYTES = 65_536;

const f32 = Math.fround;

export class WasmRaceEngine implements RaceEngine {
  readonly arch: Architecture;
  readonly runs: number;
  readonly optimizer: OptimizerSpec;
  readonly backend: string;
  private readonly k: Kernels;
  private readonly shapes: LayerShape[];
  private readonly runMemory: RunMemory[];
  /** Where the batch's buffers start: after every run's parameters and state. */
  private readonly batchBase: number;
  private batch: BatchMemory;
  private readonly activation: number;
  private readonly active: boolean[];
  /** Steps taken: Adam's t, shared by every run, as in the tfjs engine. */
  private steps = 0;
  /** Losses queued since the last flush, batches × R; `queued` of them are real. */
  private queue = new Float32Array(64);
  private queued = 0;
  /** Whether the batch in memory has packed copies dense enough to use (see prepareInputs). */
  private sparseRows = false;
  private sparseColumns = false;
  private heap: Float32Array | null = null;
  private disposed = false;

  /** `initial` is ONE run's parameters (paramShapes order); every run starts from them. */
  constructor(module: WebAssembly.Module, level: SimdLevel, arch: Architecture, initial: Float32Array[], runs: number, optimizer: OptimizerSpec = SGD) {
    if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`a race needs a whole number of runs ≥ 1, got ${runs}`);
    const shapes = paramShapes(arch);
    if (initial.length !== shapes.length) throw new Error(`expected ${shapes.length} parameter arrays, got ${initial.length}`);
    this.arch = arch;
    this.runs = runs;
    this.optimizer = optimizer;
    this.backend = `wasm-${level}`;
    this.k = instantiateKernels(module);
    this.shapes = layerShapes(arch);
    this.activation = ACTIVATION_CODES[arch.activation ?? 'relu'];
    this.active = new Array<boolean>(runs).fill(true);
    const laid = layoutRuns(this.shapes, runs, stateSlots(optimizer), this.k.heapBase());
    this.runMemory = laid.runs;
    this.batchBase = laid.end;
    this.batch = this.layoutBatch(INITIAL_ROWS);
    for (let r = 0; r < runs; r++) this.setParams(r, initial);
  }

  trainBatch(x: Float32Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void {
    this.checkLive();
    if (hypers.length !== this.runs) throw new Error(`expected ${this.runs} hyperparameter sets, got ${hypers.length}`);
    const rates = hypers.map((h) => h.dropout ?? 0);
    const dropping = rates.some((r) => r > 0);
    if (dropping && noise?.length !== this.shapes.length - 1) throw new Error('dropout needs one array of uniform draws per hidden layer');
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a batch needs a whole number of examples ≥ 1, got ${n}`);
    if (n > this.batch.rows) this.batch = this.layoutBatch(n);
    this.prepareInputs(x, n, true);
    const heap = this.memory();
    new Int32Array(heap.buffer).set(y.subarray(0, n), this.batch.labels / 4);
    if (dropping && noise) noise.forEach((u, l) => heap.set(u.subarray(0, n * this.shapes[l].outputs), this.batch.noise[l] / 4));
    this.steps++;
    const last = this.shapes.length - 1;
    const { classes } = this;
    for (let r = 0; r < this.runs; r++) {
      this.forward(r, n, rates[r]);
      const training = this.active[r];
      const loss = this.k.logSoftmaxNll(this.batch.out[last], this.shapes[last].width, n, classes, this.batch.labels, training ? this.batch.dz[last] : 0, 0);
      this.enqueue(loss);
      if (training) this.backward(r, n, fullHyper(this.optimizer.kind, hypers[r]), rates[r]);
    }
  }

  async flushLosses(): Promise<Float32Array> {
    this.checkLive();
    const losses = this.queue.slice(0, this.queued);
    this.queued = 0;
    return losses;
  }

  async predictLogProbs(x: Float32Array, n: number): Promise<Float32Array> {
    this.checkLive();
    const { classes } = this;
    const last = this.shapes.length - 1;
    const out = new Float32Array(this.runs * n * classes);
    for (let start = 0; start < n; start += this.batch.rows) {
      const m = Math.min(this.batch.rows, n - start);
      this.prepareInputs(x.subarray(start * this.inputs), m, false);
      for (let r = 0; r < this.runs; r++) {
        this.forward(r, m, 0);
        this.k.logSoftmaxNll(this.batch.out[last], this.shapes[last].width, m, classes, 0, 0, this.batch.logProbs);
        const at = this.batch.logProbs / 4;
        out.set(this.memory().subarray(at, at + m * classes), (r * n + start) * classes);
      }
    }
    return out;
  }

  async getParams(run: number): Promise<Float32Array[]> {
    this.checkRun(run);
    const heap = this.memory();
    const { weights, biases } = this.runMemory[run].params;
    return this.shapes.flatMap((s, l) => {
      const w = new Float32Array(s.inputs * s.outputs);
      for (let i = 0; i < s.inputs; i++) {
        const row = weights[l] / 4 + i * s.width;
        w.set(heap.subarray(row, row + s.outputs), i * s.outputs);
      }
      return [w, heap.slice(biases[l] / 4, biases[l] / 4 + s.outputs)];
    });
  }

  setParams(run: number, params: Float32Array[]): void {
    this.checkRun(run);
    const heap = this.memory();
    const { weights, biases } = this.runMemory[run].params;
    this.shapes.forEach((s, l) => {
      const [w, b] = [params[2 * l], params[2 * l + 1]];
      if (w.length !== s.inputs * s.outputs || b.length !== s.outputs) throw new Error(`layer ${l + 1}'s parameters have the wrong size`);
      for (let i = 0; i < s.inputs; i++) heap.set(w.subarray(i * s.outputs, (i + 1) * s.outputs), weights[l] / 4 + i * s.width);
      heap.set(b, biases[l] / 4);
    });
  }

  setActive(run: number, active: boolean): void {
    this.checkRun(run);
    this.active[run] = active;
  }

  isActive(run: number): boolean {
    this.checkRun(run);
    return this.active[run];
  }

  /** No tfjs tensors: everything is in the one linear memory (memoryBytes). */
  liveTensors(): number {
    return 0;
  }

  /** The linear memory's size; it grows only for a larger batch than any before. */
  get memoryBytes(): number {
    return this.k.memory.buffer.byteLength;
  }

  dispose(): void {
    // The instance and its memory go with the last reference to this engine.
    this.disposed = true;
    this.heap = null;
  }

  private get inputs(): number {
    return this.shapes[0].inputs;
  }

  private get classes(): number {
    return this.shapes[this.shapes.length - 1].outputs;
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
   * `training`: the weight gradient's copy too.
   */
  private prepareInputs(x: Float32Array, n: number, training: boolean): void {
    const { k, batch, inputs } = this;
    const count = n * inputs;
    if (x.length < count) throw new RangeError(`expected ${count} input values, got ${x.length}`);
    this.memory().set(x.subarray(0, count), batch.x / 4);
    this.sparseRows = false;
    this.sparseColumns = false;
    if (this.arch.inputScaling === 'standardised') {
      k.standardise(batch.x, count, MNIST_PIXEL_MEAN, MNIST_PIXEL_STD);
      return;
    }
    const rows = batch.packedRows;
    const groups = n >> 2;
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
    if (!this.sparseRows) {
      k.gemmRows(batch.out[0], width, batch.x, inputs, weights, width, n, inputs, width, bias);
      return;
    }
    const { index, values, counts } = batch.packedRows;
    k.gemmPacked(batch.out[0], width, index, values, counts, n >> 2, inputs + 1, weights, width, width, bias);
    // The last n mod 4 rows were not packed.
    const done = n & ~3;
    if (done < n) k.gemmRows(batch.out[0] + done * width * 4, width, batch.x + done * inputs * 4, inputs, weights, width, n - done, inputs, width, bias);
  }

  /** Layer 1's weight gradient xᵀ·dz1 and update of W1 (state at W1 + d0, + d1), without the zero pixels where they were packed. */
  private firstWeightGradient(n: number, w: number, d0: number, d1: number): void {
    const { k, batch, inputs } = this;
    const { width } = this.shapes[0];
    if (!this.sparseColumns) {
      k.gradCols(w, width, batch.x, inputs, batch.dz[0], width, inputs, n, width, d0, d1);
      return;
    }
    const { index, values, counts } = batch.packedColumns;
    k.gradPacked(w, width, index, values, counts, inputs >> 2, n + 1, batch.dz[0], width, width, d0, d1);
    // The last inputs mod 4 pixels were not packed.
    const done = inputs & ~3;
    if (done < inputs) k.gradCols(w + done * width * 4, width, batch.x + done * 4, inputs, batch.dz[0], width, inputs - done, n, width, d0, d1);
  }

  /**
   * Run r's forward pass over the batch's n rows: every layer's activation,
   * and the logits in the last layer's `out`. `rate` > 0: inverted dropout
   * after every hidden layer (its draws are already in memory).
   */
  private forward(r: number, n: number, rate: number): void {
    const { k, batch, shapes } = this;
    const { weights, biases } = this.runMemory[r].params;
    let a = batch.x;
    let lda = this.inputs;
    for (let l = 0; l < shapes.length; l++) {
      const s = shapes[l];
      if (l === 0) this.firstProduct(n, weights[0], biases[0]);
      else k.gemmRows(batch.out[l], s.width, a, lda, weights[l], s.width, n, s.inputs, s.width, biases[l]);
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
  private backward(r: number, n: number, h: FullHyper, rate: number): void {
    const { k, batch, shapes } = this;
    const { weights, biases } = this.runMemory[r].params;
    this.setStep(h);
    for (let l = shapes.length - 1; l >= 0; l--) {
      const s = shapes[l];
      const dz = batch.dz[l];
      const below = l > 0 ? shapes[l - 1] : null;
      // The gradient for the layer below, from this layer's weights before their update.
      if (below) {
        k.transpose(batch.transposed, weights[l], s.inputs, s.outputs, s.width, below.width);
        k.gemmRows(batch.da[l - 1], below.width, dz, s.width, batch.transposed, below.width, n, s.outputs, below.width, 0);
      }
      const [d0, d1] = this.stateOffsets(r, 'weights', l);
      if (below) k.gradCols(weights[l], s.width, rate > 0 ? batch.dropped[l - 1] : batch.out[l - 1], below.width, dz, s.width, s.inputs, n, s.width, d0, d1);
      else this.firstWeightGradient(n, weights[0], d0, d1);
      k.columnSums(batch.grad, dz, n, s.width);
      k.update(biases[l], batch.grad, s.width, ...this.stateOffsets(r, 'biases', l));
      if (below) {
        const da = batch.da[l - 1];
        if (rate > 0) k.dropout(da, da, batch.noise[l - 1], n, below.outputs, below.width, rate, keepScale(rate));
        k.activateBackward(batch.dz[l - 1], da, batch.out[l - 1], n * below.width, this.activation);
      }
    }
  }

  /** The optimizer's numbers for a run's step, as assembly/optimizers.as reads them. */
  private setStep(h: FullHyper): void {
    const { kind, nesterov } = this.optimizer;
    // The scalar products tfjs forms of two float32 tensors, rounded as it rounds them.
    const { bc1, bc2 } = biasCorrections(h.beta1, h.beta2, this.steps);
    const lr = f32(h.learningRate);
    const adam = kind === 'adam' || kind === 'adamw';
    this.k.setStep(
      OPTIMIZER_CODES[kind], lr, h.momentum, h.weightDecay, nesterov ?? false,
      h.beta1, f32(1 - f32(h.beta1)), h.beta2, f32(1 - f32(h.beta2)), h.epsilon, adam ? f32(lr * f32(bc1)) : 0, adam ? bc2 : 0, f32(lr * f32(h.weightDecay)),
      h.alpha, f32(1 - f32(h.alpha)),
    );
  }

  /** Byte offsets from run r's layer-l weights or biases to their optimizer state slots (0 for a slot the optimizer lacks). */
  private stateOffsets(r: number, which: keyof ParamBlock, l: number): [number, number] {
    const { params, state } = this.runMemory[r];
    const at = params[which][l];
    return [state[0] ? state[0][which][l] - at : 0, state[1] ? state[1][which][l] - at : 0];
  }

  private enqueue(loss: number): void {
    if (this.queued === this.queue.length) {
      const grown = new Float32Array(this.queue.length * 2);
      grown.set(this.queue);
      this.queue = grown;
    }
    this.queue[this.queued++] = loss;
  }

  private checkLive(): void {
    if (this.disposed) throw new Error('this engine has been disposed');
  }

  private checkRun(run: number): void {
    this.checkLive();
    if (!Number.isInteger(run) || run < 0 || run >= this.runs) throw new RangeError(`run ${run} is not in 0..${this.runs - 1}`);
  }
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
