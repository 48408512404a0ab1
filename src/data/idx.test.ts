import { describe, expect, it } from 'vitest';
import { MNIST_FILES } from './load.ts';
import { IdxError, encodeIdxImages, encodeIdxLabels, parseIdxImages, parseIdxLabels } from './idx.ts';
import { readMnistBuffer } from '../test-support/mnist.ts';

describe('IDX parsing', () => {
  it('reads the genuine MNIST files: 60,000 + 10,000 images of 28×28 with digit labels', () => {
    const train = parseIdxImages(readMnistBuffer(MNIST_FILES.trainImages), 'train');
    const labels = parseIdxLabels(readMnistBuffer(MNIST_FILES.trainLabels), 'labels', { count: 60000, numClasses: 10 });
    const test = parseIdxImages(readMnistBuffer(MNIST_FILES.testImages), 'test');
    expect([train.count, train.rows, train.cols]).toEqual([60000, 28, 28]);
    expect(test.count).toBe(10000);
    expect(train.pixels.length).toBe(60000 * 784);
    // The first training digit is a 5, the first test digit a 7 (LeCun's files).
    expect(labels[0]).toBe(5);
    expect(parseIdxLabels(readMnistBuffer(MNIST_FILES.testLabels), 'l')[0]).toBe(7);
    expect(Math.max(...train.pixels.subarray(0, 784))).toBe(255);
  });

  it('round-trips a small encoded file', () => {
    const px = new Uint8Array(2 * 4 * 3).map((_, i) => i);
    const img = parseIdxImages(encodeIdxImages(px, 2, 4, 3), 'small', {});
    expect([img.count, img.rows, img.cols]).toEqual([2, 4, 3]);
    expect(Array.from(img.pixels)).toEqual(Array.from(px));
    expect(Array.from(parseIdxLabels(encodeIdxLabels(new Uint8Array([3, 1, 4])), 'l'))).toEqual([3, 1, 4]);
  });

  it('names the file and the problem for a truncated image file', () => {
    const buf = encodeIdxImages(new Uint8Array(3 * 784), 3, 28, 28).slice(0, 16 + 784 * 2 + 5);
    expect(() => parseIdxImages(buf, 'train-images-idx3-ubyte')).toThrow(IdxError);
    expect(() => parseIdxImages(buf, 'train-images-idx3-ubyte')).toThrow(/train-images-idx3-ubyte: truncated/);
  });

  it('rejects a label file given as images (wrong magic), wrong image size, bad labels and a tiny file', () => {
    const labels = encodeIdxLabels(new Uint8Array(20));
    expect(() => parseIdxImages(labels, 'x')).toThrow(/x: not an IDX image file \(magic number 0x00000801, expected 0x00000803\)/);
    expect(() => parseIdxImages(encodeIdxImages(new Uint8Array(32 * 32), 1, 32, 32), 'big')).toThrow(/32 rows high, expected 28/);
    expect(() => parseIdxLabels(encodeIdxLabels(new Uint8Array([1, 12])), 'l')).toThrow(/label 12 at index 1 is not a digit/);
    expect(() => parseIdxLabels(new ArrayBuffer(3), 'tiny')).toThrow(/tiny: file is 3 bytes, too short/);
    expect(() => parseIdxLabels(encodeIdxLabels(new Uint8Array(5)), 'l', { count: 6 })).toThrow(/holds 5 labels, expected 6/);
  });

  it('rejects trailing bytes', () => {
    const buf = new Uint8Array(encodeIdxLabels(new Uint8Array([1]))).buffer;
    const longer = new Uint8Array(buf.byteLength + 1);
    longer.set(new Uint8Array(buf));
    expect(() => parseIdxLabels(longer.buffer, 'l')).toThrow(/trailing bytes/);
  });
});
