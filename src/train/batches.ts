/**
 * The one batch source of every training job: a run, each run of a
 * comparison and the range test all read their batches here, so all runs
 * see the same images in the same order, and a feature of the data
 * (the seeded order, a subset, dropout's draws, augmentation) is
 * written once.
 */
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE, epochOrder, fillBatch, gatherPixels, scalePixels } from '../data/dataset.ts';
import type { AugmentSettings } from '../data/augment/index.ts';
import { augmentBatch, elasticPool, isAugmentOff } from '../data/augment/index.ts';
import type { Rng } from '../shared/rng.ts';
import { deriveRng } from '../shared/rng.ts';

export interface BatchSourceOptions {
  train: ImageSet;
  /** Indices into `train` that are trained on (already limited to the training-set size). */
  indices: Int32Array;
  batchSize: number;
  seed: number;
  /** Random rotation, shift, scale and elastic distortion of each image; absent or all off trains on the images as stored. */
  augment?: AugmentSettings;
}

/**
 * The augmentation draws of batch `b` of `epoch`: a stream per batch, so a
 * replay, every run of a comparison and the preview see the same images,
 * whatever else was drawn (dropout, the shuffle) and whichever batch came first.
 */
export function augmentRng(seed: number, epoch: number, b: number): Rng {
  return deriveRng(seed, `augment:${epoch}:${b}`);
}

export class BatchSource {
  readonly batchSize: number;
  readonly batchesPerEpoch: number;
  readonly y: Int32Array;
  /** The batch's images as stored, batchSize × 784 bytes (unaugmented sources only: see pixels). */
  private readonly bytes: Uint8Array;
  private readonly floats: Float32Array;
  /** Whether floats holds the last fill's images yet: an engine that takes pixels never needs them. */
  private floatsFilled = false;
  private readonly options: BatchSourceOptions;
  /** The augmentation to apply, null when off (then fill is exactly what it was before augmentation existed). */
  private readonly augment: AugmentSettings | null;
  private order: Int32Array | null = null;
  private orderEpoch = 0;
  /** The batch the last fill made: (epoch, b) and its size. */
  private current = { epoch: 0, b: 0, n: 0 };
  /** augmentedX's buffers, one per distinct augmentation, each with the batch it holds. */
  private readonly variants = new Map<string, { x: Float32Array; epoch: number; b: number }>();

  constructor(options: BatchSourceOptions) {
    if (options.indices.length === 0) throw new RangeError('there are no training images to draw batches from');
    this.options = options;
    this.batchSize = options.batchSize;
    this.batchesPerEpoch = Math.ceil(options.indices.length / options.batchSize);
    this.floats = new Float32Array(options.batchSize * IMAGE_SIZE);
    this.bytes = new Uint8Array(options.batchSize * IMAGE_SIZE);
    this.y = new Int32Array(options.batchSize);
    this.augment = options.augment && !isAugmentOff(options.augment) ? options.augment : null;
    // The elastic fields now (tens of ms, once), not inside the first timed batch; a bad σ fails here, before any training.
    const elastic = this.augment?.elastic;
    if (elastic && elastic.alpha !== 0) elasticPool(elastic.sigma, options.seed);
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
    if (this.augment) {
      fillBatch(this.options.train, this.order, start, n, this.floats, this.y);
      augmentBatch(this.floats, n, this.augment, augmentRng(this.options.seed, epoch, b), this.options.seed);
    } else {
      gatherPixels(this.options.train, this.order, start, n, this.bytes, this.y);
    }
    this.floatsFilled = this.augment !== null;
    this.current = { epoch, b, n };
    return n;
  }

  /** The batch's pixels, batchSize × 784 in [0, 1] (augmented where the source augments); reused, valid until the next fill. */
  get x(): Float32Array {
    if (!this.floatsFilled) {
      scalePixels(this.bytes, this.current.n, this.floats);
      this.floatsFilled = true;
    }
    return this.floats;
  }

  /**
   * The batch's images as stored, batchSize × 784 bytes, for an engine that
   * scales them itself (RaceEngine.trainPixels); null where the source
   * augments, whose images exist only as floats.
   */
  get pixels(): Uint8Array | null {
    return this.augment ? null : this.bytes;
  }

  /**
   * The last filled batch's images augmented by `augment` instead of the
   * source's own setting (off: the images as stored), with the same labels
   * in y. A comparison whose runs differ in augmentation trains each group on
   * this: the same images in the same order, each way of augmenting drawing
   * from the same per-batch stream, so runs that augment alike see the very
   * same pixels. Made once per batch and setting; valid until the next fill.
   */
  augmentedX(augment: AugmentSettings): Float32Array {
    const off = isAugmentOff(augment);
    if (off && !this.augment) return this.x;
    const { epoch, b, n } = this.current;
    if (n === 0) throw new Error('augmentedX before any fill');
    const key = off ? 'off' : JSON.stringify(augment);
    let v = this.variants.get(key);
    if (!v) {
      v = { x: new Float32Array(this.floats.length), epoch: 0, b: -1 };
      this.variants.set(key, v);
    }
    if (v.epoch !== epoch || v.b !== b) {
      // Labels are the batch's own: the scratch y is the same order's labels again.
      this.scratchY ??= new Int32Array(this.batchSize);
      fillBatch(this.options.train, this.order!, b * this.batchSize, n, v.x, this.scratchY);
      if (!off) augmentBatch(v.x, n, augment, augmentRng(this.options.seed, epoch, b), this.options.seed);
      v.epoch = epoch;
      v.b = b;
    }
    return v.x;
  }

  private scratchY: Int32Array | null = null;

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

/**
 * The first `count` training images of epoch 1 exactly as training will see
 * them, augmented (count × 784 floats in [0, 1]) with their labels: the
 * settings' preview. Reads batch 0 (and the next ones if a batch is smaller
 * than `count`) without allocating a whole batch: image i of a batch depends
 * only on the draws before it, so the first images of a batch come out the same.
 */
export function augmentPreview(options: BatchSourceOptions, count = 16): { images: Float32Array; labels: Int32Array; count: number } {
  const total = Math.min(count, options.indices.length);
  const images = new Float32Array(total * IMAGE_SIZE);
  const labels = new Int32Array(total);
  const order = epochOrder(options.indices, options.seed, 1);
  for (let b = 0, got = 0; got < total; b++) {
    const m = Math.min(options.batchSize, total - got);
    const x = images.subarray(got * IMAGE_SIZE, (got + m) * IMAGE_SIZE);
    fillBatch(options.train, order, b * options.batchSize, m, x, labels.subarray(got, got + m));
    if (options.augment) augmentBatch(x, m, options.augment, augmentRng(options.seed, 1, b), options.seed);
    got += m;
  }
  return { images, labels, count: total };
}
