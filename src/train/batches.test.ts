import { describe, expect, it } from 'vitest';
import { readMnist } from '../test-support/mnist.ts';
import { IMAGE_SIZE, epochOrder, fillBatch, splitTrainValidation } from '../data/dataset.ts';
import type { AugmentSettings } from '../data/augment/settings.ts';
import { NO_AUGMENTATION, SIMARD_ELASTIC } from '../data/augment/settings.ts';
import type { BatchSourceOptions } from './batches.ts';
import { BatchSource, augmentPreview } from './batches.ts';

const AUGMENT: AugmentSettings = { rotationDeg: 30, shiftPx: 2, scalePct: 10, elastic: SIMARD_ELASTIC };

function options(augment?: AugmentSettings, batchSize = 64, seed = 3): BatchSourceOptions {
  const { train } = readMnist();
  return { train, indices: splitTrainValidation(train.count, 200, 7, 640).train, batchSize, seed, augment };
}

/** Copies of (x, y) after fill(epoch, b). */
function filled(source: BatchSource, epoch: number, b: number) {
  const n = source.fill(epoch, b);
  return { x: source.x.slice(0, n * 784), y: source.y.slice(0, n) };
}

describe('BatchSource with augmentation', () => {
  it('fills exactly what it filled before augmentation existed when it is absent or off', () => {
    const plain = new BatchSource(options());
    const off = new BatchSource(options(NO_AUGMENTATION));
    for (const [e, b] of [
      [1, 0],
      [1, 9],
      [2, 4],
    ])
      expect(filled(off, e, b)).toEqual(filled(plain, e, b));
  });

  it('augments the images, not the labels, the same way on every replay and in any batch order', () => {
    const plain = new BatchSource(options());
    const a = new BatchSource(options(AUGMENT));
    const b = new BatchSource(options(AUGMENT));
    const first = filled(a, 2, 3);
    expect(first.y).toEqual(filled(plain, 2, 3).y);
    expect(first.x).not.toEqual(filled(plain, 2, 3).x);
    // b reaches the batch after others (a resumed run, a run whose dropout drew in between): the same images.
    filled(b, 1, 5);
    b.dropoutNoise(7, 64, [100]);
    expect(filled(b, 2, 3)).toEqual(first);
  });

  it('draws other transforms for another batch, epoch or seed', () => {
    const a = new BatchSource(options(AUGMENT));
    const other = new BatchSource(options(AUGMENT, 64, 4));
    expect(filled(a, 1, 0).x).not.toEqual(filled(a, 2, 0).x);
    expect(filled(a, 1, 0).x).not.toEqual(filled(other, 1, 0).x);
  });
});

describe('BatchSource.augmentedX (a comparison whose runs augment differently)', () => {
  it('gives the last batch augmented another way: what a source with that setting fills, labels unchanged', () => {
    const source = new BatchSource(options());
    const other = new BatchSource(options(AUGMENT));
    for (const [e, b] of [
      [1, 0],
      [2, 3],
    ]) {
      const plain = filled(source, e, b);
      expect(source.augmentedX(AUGMENT).slice(0, plain.x.length)).toEqual(filled(other, e, b).x);
      // The source's own images and labels are left as they were.
      expect(source.x.slice(0, plain.x.length)).toEqual(plain.x);
      expect(source.y.slice(0, plain.y.length)).toEqual(plain.y);
    }
  });

  it('is the source’s own buffer when both are off, and the stored images when only the source augments', () => {
    const source = new BatchSource(options());
    source.fill(1, 0);
    expect(source.augmentedX(NO_AUGMENTATION)).toBe(source.x);
    const augmenting = new BatchSource(options(AUGMENT));
    const plain = filled(source, 1, 2);
    augmenting.fill(1, 2);
    expect(augmenting.augmentedX(NO_AUGMENTATION).slice(0, plain.x.length)).toEqual(plain.x);
  });

  it('makes each variant once per batch: asked again, the same buffer and pixels', () => {
    const source = new BatchSource(options());
    source.fill(1, 0);
    const a = source.augmentedX(AUGMENT);
    const copy = a.slice();
    expect(source.augmentedX({ ...AUGMENT })).toBe(a);
    expect(a).toEqual(copy);
    source.fill(1, 1);
    expect(source.augmentedX(AUGMENT)).not.toEqual(copy);
  });
});

describe('augmentPreview', () => {
  it('shows the first 16 images of epoch 1 as training sees them', () => {
    const o = options(AUGMENT);
    const preview = augmentPreview(o);
    const batch = filled(new BatchSource(o), 1, 0);
    expect(preview.count).toBe(16);
    expect(preview.images).toEqual(batch.x.slice(0, 16 * 784));
    expect(preview.labels).toEqual(batch.y.slice(0, 16));
  });

  it('reads the next batches when a batch is smaller than the preview', () => {
    const o = options(AUGMENT, 6);
    const source = new BatchSource(o);
    const preview = augmentPreview(o);
    const x = [0, 1, 2].map((b) => filled(source, 1, b).x);
    expect(preview.images).toEqual(Float32Array.from([...x[0], ...x[1], ...x[2].slice(0, 4 * 784)]));
  });

  it('changes when a setting changes, and shows the plain images when all is off', () => {
    const plain = filled(new BatchSource(options()), 1, 0).x.slice(0, 16 * 784);
    expect(augmentPreview(options()).images).toEqual(plain);
    expect(augmentPreview(options(AUGMENT)).images).not.toEqual(augmentPreview(options({ ...AUGMENT, rotationDeg: 10 })).images);
  });
});

describe('BatchSource with elastic distortion', () => {
  it('refuses a smoothness σ that is not positive when it is made, before any batch', () => {
    expect(() => new BatchSource(options({ ...NO_AUGMENTATION, elastic: { alpha: 34, sigma: 0 } }))).toThrow(RangeError);
  });
});

describe('BatchSource.pixels (an engine that scales the bytes itself)', () => {
  it('holds the batch’s images as stored, and x is what fillBatch makes of the same images', () => {
    const o = options(undefined, 50);
    const source = new BatchSource(o);
    for (const [e, b] of [
      [1, 0],
      [2, 12],
    ]) {
      const n = source.fill(e, b);
      // The batch as fillBatch makes it from the epoch's seeded order.
      const want = { x: new Float32Array(n * IMAGE_SIZE), y: new Int32Array(n) };
      fillBatch(o.train, epochOrder(o.indices, o.seed, e), b * 50, n, want.x, want.y);
      const pixels = source.pixels!.slice(0, n * IMAGE_SIZE);
      expect(pixels.some((v) => v > 0)).toBe(true);
      expect(Float32Array.from(pixels, (v) => v / 255)).toEqual(want.x);
      expect(source.y.slice(0, n)).toEqual(want.y);
      expect(source.x.slice(0, n * IMAGE_SIZE)).toEqual(want.x);
    }
  });

  it('has none where the source augments: its images exist only as floats', () => {
    const source = new BatchSource(options(AUGMENT));
    source.fill(1, 0);
    expect(source.pixels).toBeNull();
  });
});
