import { describe, expect, it } from 'vitest';
import { epochOrder, fillBatch, splitTrainValidation } from './dataset.ts';

describe('train/validation split', () => {
  it('holds out 10,000 of 60,000, disjoint and covering every image', () => {
    const { train, validation } = splitTrainValidation(60000, 10000, 1);
    expect(train.length).toBe(50000);
    expect(validation.length).toBe(10000);
    const seen = new Uint8Array(60000);
    for (const i of train) seen[i]++;
    for (const i of validation) seen[i]++;
    expect(seen.every((c) => c === 1)).toBe(true);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = splitTrainValidation(60000, 10000, 42);
    const b = splitTrainValidation(60000, 10000, 42);
    const c = splitTrainValidation(60000, 10000, 43);
    expect(Array.from(a.validation)).toEqual(Array.from(b.validation));
    expect(Array.from(a.validation)).not.toEqual(Array.from(c.validation));
  });

  it('a training limit takes a random subset and leaves validation unchanged', () => {
    const full = splitTrainValidation(60000, 10000, 7);
    const small = splitTrainValidation(60000, 10000, 7, 2000);
    expect(small.train.length).toBe(2000);
    expect(Array.from(small.validation)).toEqual(Array.from(full.validation));
    const inFull = new Set(full.train);
    expect(Array.from(small.train).every((i) => inFull.has(i))).toBe(true);
    expect(small.train[small.train.length - 1]).toBeGreaterThan(30000); // not just the first 2,000
  });

  it('rejects an impossible validation size', () => {
    expect(() => splitTrainValidation(100, 100, 1)).toThrow(RangeError);
    expect(() => splitTrainValidation(100, 0, 1)).toThrow(RangeError);
  });
});

describe('batches', () => {
  it('scales pixels to [0,1] per batch and copies labels in index order', () => {
    const set = { images: new Uint8Array(3 * 784), labels: new Uint8Array([4, 7, 9]), count: 3 };
    set.images[784 * 2] = 255;
    set.images[784 * 2 + 1] = 51;
    const x = new Float32Array(2 * 784);
    const y = new Int32Array(2);
    fillBatch(set, [2, 0], 0, 2, x, y);
    expect(Array.from(y)).toEqual([9, 4]);
    expect(x[0]).toBe(1);
    expect(x[1]).toBeCloseTo(0.2, 6);
    expect(x[784]).toBe(0);
  });

  it('shuffles each epoch differently but reproducibly', () => {
    const train = new Int32Array(100).map((_, i) => i);
    expect(Array.from(epochOrder(train, 3, 1))).toEqual(Array.from(epochOrder(train, 3, 1)));
    expect(Array.from(epochOrder(train, 3, 1))).not.toEqual(Array.from(epochOrder(train, 3, 2)));
    expect(Array.from(train)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
