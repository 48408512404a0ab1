import { describe, expect, it } from 'vitest';
import { galleryItems, inkPixels, itemCaption, PIXELS, probText } from './digitImage.ts';

describe('inkPixels', () => {
  it('draws image i of the batch as opaque grey pixels, ink dark on light', () => {
    const images = new Uint8Array(2 * PIXELS);
    images[PIXELS + 0] = 255; // image 1, pixel 0: full ink
    images[PIXELS + 5] = 55;
    const rgba = inkPixels(images, 1);
    expect(rgba).toHaveLength(PIXELS * 4);
    expect(Array.from(rgba.subarray(0, 4))).toEqual([0, 0, 0, 255]);
    expect(Array.from(rgba.subarray(5 * 4, 6 * 4))).toEqual([200, 200, 200, 255]);
    expect(Array.from(rgba.subarray(6 * 4, 7 * 4))).toEqual([255, 255, 255, 255]);
    expect(Array.from(inkPixels(images, 0).subarray(0, 4))).toEqual([255, 255, 255, 255]);
  });

  it('rejects an image outside the batch', () => {
    expect(() => inkPixels(new Uint8Array(PIXELS), 1)).toThrow(/outside/);
  });
});

describe('galleryItems', () => {
  it('orders the images by the probability of the predicted digit, highest first', () => {
    const probs = new Float32Array(30);
    // true 4, predicted 9
    probs[0 * 10 + 9] = 0.5;
    probs[0 * 10 + 4] = 0.4;
    probs[1 * 10 + 9] = 0.9;
    probs[1 * 10 + 4] = 0.05;
    probs[2 * 10 + 9] = 0.7;
    probs[2 * 10 + 4] = 0.2;
    const items = galleryItems({ probs, indices: Int32Array.from([11, 22, 33]), trueDigit: 4, predictedDigit: 9 });
    expect(items.map((i) => i.index)).toEqual([22, 33, 11]);
    expect(items[0].slot).toBe(1);
    expect(items[0].pPredicted).toBeCloseTo(0.9, 6);
    expect(items[0].pTrue).toBeCloseTo(0.05, 6);
  });
});

describe('captions', () => {
  it('writes probabilities as whole percentages without claiming 0% or 100%', () => {
    expect(probText(0.714)).toBe('71%');
    expect(probText(0.001)).toBe('<1%');
    expect(probText(0.999)).toBe('>99%');
    expect(probText(Number.NaN)).toBe('–');
  });

  it('names the predicted digit first, then the true digit', () => {
    expect(itemCaption({ slot: 0, index: 0, pPredicted: 0.71, pTrue: 0.22 }, 4, 9)).toBe('9: 71% · 4: 22%');
  });
});
