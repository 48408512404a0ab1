import { describe, expect, it } from 'vitest';
import { isNewPoint, toPadPoint } from './padPoint.ts';

const rect = { left: 100, top: 50, width: 280, height: 280 };

describe('toPadPoint', () => {
  it('maps the canvas box to 0..1, y downwards', () => {
    expect(toPadPoint(100, 50, rect)).toEqual({ x: 0, y: 0 });
    expect(toPadPoint(240, 330, rect)).toEqual({ x: 0.5, y: 1 });
  });

  it('pins a captured pointer outside the pad to its edge', () => {
    expect(toPadPoint(0, 1000, rect)).toEqual({ x: 0, y: 1 });
  });

  it('survives a collapsed canvas', () => {
    expect(toPadPoint(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });
});

describe('isNewPoint', () => {
  it('skips repeats and accepts real moves', () => {
    expect(isNewPoint([], { x: 0.5, y: 0.5 })).toBe(true);
    expect(isNewPoint([{ x: 0.5, y: 0.5 }], { x: 0.5, y: 0.5 })).toBe(false);
    expect(isNewPoint([{ x: 0.5, y: 0.5 }], { x: 0.51, y: 0.5 })).toBe(true);
  });
});
