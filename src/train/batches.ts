/**
 * The one batch source of every training job: a run, each run of a
 * comparison and the range test all read their batches here, so all runs
 * see the same images in the same order, and a feature of the data
 * (the seeded order, a subset, dropout's draws, later augmentation) is
 * written once.
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE, epochOrder, fillBatch } from '../data/dataset.ts';
import { deriveRng } from '../shared/rng.ts';

export interface BatchSourceOptions {
  train: ImageSet;
  /** Indices into `train` that are trained on (already limited to the training-set size). */
  indices: Int32Array;
  batchSize: number;
  seed: number;
}

export class BatchSource {
  readonly batchSize: number;
  readonly batchesPerEpoch: number;
  /** The batch's pixels, batchSize × 784 in [0, 1]; reused, valid until the next fill. */
  readonly x: Float32Array;
  readonly y: Int32Array;
  private readonly options: BatchSourceOptions;
  private order: Int32Array | null = null;
  private orderEpoch = 0;

  constructor(options: BatchSourceOptions) {
    if (options.indices.length === 0) throw new RangeError('there are no training images to draw batches from');
    this.options = options;
    this.batchSize = options.batchSize;
    this.batchesPerEpoch = Math.ceil(options.indices.length / options.batchSize);
    this.x = new Float32Array(options.batchSize * IMAGE_SIZE);
    this.y = new Int32Array(options.batchSize);
  }

  get size(): number {
    return this.options.indices.length;
  }

  /** Fills x and y with batch `b` (0-based) of `epoch` (1-based); returns its size (the last batch may be short). */
  fill(epoch: number, b: number): number {
    if (this.orderEpoch !== epoch || !this.order) {
      this.order = epochOrder(this.options.indices, this.options.seed, epoch);
      this.orderEpoch = epoch;
    }
    const start = b * this.batchSize;
    const n = Math.min(this.batchSize, this.size - start);
    fillBatch(this.options.train, this.order, start, n, this.x, this.y);
    return n;
  }

  /**
   * Dropout's uniform draws for global batch `step`, n × width per hidden
   * layer. A stream per step: the same seed and step give the same draws to
   * every run and every replay, whatever was drawn before.
   */
  dropoutNoise(step: number, n: number, hiddenWidths: readonly number[]): Float32Array[] {
    const rng = deriveRng(this.options.seed, `dropout:${step}`);
    return hiddenWidths.map((w) => {
      const u = new Float32Array(n * w);
      for (let i = 0; i < u.length; i++) u[i] = rng.next();
      return u;
    });
  }
}
