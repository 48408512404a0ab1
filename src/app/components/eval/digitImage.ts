/**
 * Gallery images: MNIST's bytes as canvas pixels, and the order to show them.
 * MNIST stores ink as 255 on a 0 background; the page draws dark ink on a
 * light ground, like a pen on paper, so the bytes are inverted.
 */
import type { Examples } from '../../../worker/protocol.ts';
import { pct } from '../../format.ts';

export const SIDE = 28;
export const PIXELS = SIDE * SIDE;

/** RGBA pixels of image `i` of `images` (n × 784 bytes), ready for ImageData. */
export function inkPixels(images: Uint8Array, i: number): Uint8ClampedArray<ArrayBuffer> {
  if (i < 0 || (i + 1) * PIXELS > images.length) throw new Error(`inkPixels: image ${i} is outside ${images.length / PIXELS} images`);
  const rgba = new Uint8ClampedArray(PIXELS * 4);
  for (let j = 0; j < PIXELS; j++) {
    const v = 255 - images[i * PIXELS + j];
    rgba[j * 4] = v;
    rgba[j * 4 + 1] = v;
    rgba[j * 4 + 2] = v;
    rgba[j * 4 + 3] = 255;
  }
  return rgba;
}

export interface GalleryItem {
  /** Position in the Examples arrays. */
  slot: number;
  /** Index of the image in its set. */
  index: number;
  /** Probability the network gave the digit it predicted, and the true digit. */
  pPredicted: number;
  pTrue: number;
}

/**
 * The cell's images, the most confident predictions first: for a mistake
 * those are the ones a student learns most from (a clear 4 called a 9 at
 * 95% says more than a smudge the network was unsure about).
 */
export function galleryItems(ex: Pick<Examples, 'probs' | 'indices' | 'trueDigit' | 'predictedDigit'>, classes = 10): GalleryItem[] {
  const items = Array.from(ex.indices, (index, slot) => ({
    slot,
    index,
    pPredicted: ex.probs[slot * classes + ex.predictedDigit],
    pTrue: ex.probs[slot * classes + ex.trueDigit],
  }));
  return items.sort((a, b) => b.pPredicted - a.pPredicted || a.index - b.index);
}

/** A probability as a whole percentage; "<1%" and ">99%" rather than a misleading 0% or 100% ("71 %", "<1 %" in pt-BR). */
export function probText(p: number): string {
  if (!Number.isFinite(p)) return '–';
  if (p < 0.005) return `<${pct(0.01, 0)}`;
  if (p > 0.995) return `>${pct(0.99, 0)}`;
  return pct(Math.round(p * 100) / 100, 0);
}

/** The caption under one image: "9: 71% · 4: 22%" (predicted digit first). */
export function itemCaption(item: GalleryItem, trueDigit: number, predictedDigit: number): string {
  const predicted = `${predictedDigit}: ${probText(item.pPredicted)}`;
  return trueDigit === predictedDigit ? predicted : `${predicted} · ${trueDigit}: ${probText(item.pTrue)}`;
}
