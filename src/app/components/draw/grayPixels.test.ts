import { describe, expect, it } from 'vitest';
import { fitCss, inkRgba } from './grayPixels.ts';

describe('inkRgba', () => {
  it('draws ink dark on white, opaque, clamped', () => {
    expect(Array.from(inkRgba([0, 1, 0.5, 2, -1]))).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 127, 127, 127, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
  });
});

describe('fitCss', () => {
  it('fits the longer side and keeps the aspect ratio', () => {
    expect(fitCss(200, 50, 84)).toEqual({ width: 84, height: 21 });
    expect(fitCss(10, 40, 84)).toEqual({ width: 21, height: 84 });
  });
});
