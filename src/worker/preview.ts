/**
 * The augmentation preview: the first images of a run's epoch 1 exactly as
 * its training will see them (train/batches.ts's augmentPreview, on the
 * run's own split, order and seed), as bytes for the page to draw. It reads
 * the data the worker holds; the page sends the form's settings, not pixels.
 */
import { augmentOf } from '../data/augment/index.ts';
import { splitTrainValidation } from '../data/dataset.ts';
import type { Mnist } from '../data/load.ts';
import type { RunSettings } from '../shared/settings.ts';
import { augmentPreview } from '../train/batches.ts';
import type { Post } from './job.ts';
import type { Command, DataOptions } from './protocol.ts';

/** Most images one preview sends (16 are shown; a bound so a wrong request cannot ask for the whole set). */
export const MAX_PREVIEW = 64;

/** The run's training and validation indices: the first run's size and seed, capped by the page's `?trainLimit`. */
export function runSplit(trainCount: number, s: Pick<RunSettings, 'trainSize' | 'seed'>, data: Pick<DataOptions, 'validationSize' | 'trainLimit'>) {
  const trainLimit = Math.min(s.trainSize, data.trainLimit ?? Number.POSITIVE_INFINITY);
  return splitTrainValidation(trainCount, data.validationSize, s.seed, trainLimit);
}

/** `count` images (count × 784 bytes, 0–255) and their digits, as batch 0 (and on) of epoch 1 will hold them. */
export function previewImages(mnist: Mnist, settings: RunSettings, data: DataOptions, count: number): { images: Uint8Array; labels: Uint8Array } {
  const split = runSplit(mnist.train.count, settings, data);
  const n = Math.max(0, Math.min(MAX_PREVIEW, Math.floor(count)));
  const preview = augmentPreview(
    { train: mnist.train, indices: split.train, batchSize: settings.batchSize, seed: settings.seed, augment: augmentOf(settings) },
    n,
  );
  const images = new Uint8Array(preview.images.length);
  // Bilinear weights are convex: values stay in [0, 1], so rounding is the only change.
  for (let k = 0; k < images.length; k++) images[k] = Math.round(preview.images[k] * 255);
  return { images, labels: Uint8Array.from(preview.labels) };
}

/** Answers an `augment-preview` command once the data is there; images null when it could not be read or the settings not applied. */
export async function answerPreview(cmd: Extract<Command, { type: 'augment-preview' }>, getData: (url: string) => Promise<Mnist>, post: Post): Promise<void> {
  try {
    const mnist = await getData(cmd.data.dataUrl);
    const { images, labels } = previewImages(mnist, cmd.settings, cmd.data, cmd.count);
    post({ type: 'augment-preview', requestId: cmd.requestId, images, labels }, [images, labels]);
  } catch {
    post({ type: 'augment-preview', requestId: cmd.requestId, images: null, labels: null });
  }
}
