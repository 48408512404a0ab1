import { describe, expect, it } from 'vitest';
import { domainOf, linePath, linearTicks, logTicks, nearestByX, niceStep, scaleOf, wholeTicks } from './scale.ts';

describe('scaleOf', () => {
  it('maps a linear domain onto pixels and back, y growing downwards', () => {
    const y = scaleOf({ domain: [0, 2] }, 300, 100);
    expect(y(0)).toBe(300);
    expect(y(1)).toBe(200);
    expect(y(2)).toBe(100);
    expect(y.invert(250)).toBeCloseTo(0.5, 12);
  });

  it('spaces decades evenly on a log axis and puts v ≤ 0 at its low end', () => {
    const x = scaleOf({ domain: [1e-4, 1], log: true }, 0, 400);
    expect(x(1e-4)).toBeCloseTo(0, 9);
    expect(x(1e-2)).toBeCloseTo(200, 9);
    expect(x(1)).toBeCloseTo(400, 9);
    expect(x(0)).toBeCloseTo(0, 9);
    expect(x.invert(300)).toBeCloseTo(0.1, 9);
  });
});

describe('ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0, 2.3, 5)).toBe(0.5);
    expect(niceStep(0, 100, 5)).toBe(20);
    expect(niceStep(0, 0.07, 5)).toBe(0.02);
  });

  it('lists round linear ticks inside the domain, free of float noise', () => {
    expect(linearTicks(0, 2.5, 5)).toEqual([0, 0.5, 1, 1.5, 2, 2.5]);
    expect(linearTicks(0.1, 0.7, 6)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it('marks each decade on a log axis, and 2 and 5 too when that makes fewer than three', () => {
    expect(logTicks(1e-4, 1)).toEqual([1e-4, 1e-3, 1e-2, 0.1, 1]);
    expect(logTicks(0.1, 10)).toEqual([0.1, 1, 10]);
    expect(logTicks(0.1, 1)).toEqual([0.1, 0.2, 0.5, 1]);
  });
});

describe('wholeTicks', () => {
  it('ticks whole epochs, about ten at most, always the last', () => {
    expect(wholeTicks(1, 1)).toEqual([1]);
    expect(wholeTicks(1, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(wholeTicks(1, 25)).toEqual([1, 4, 7, 10, 13, 16, 19, 22, 25]);
    expect(wholeTicks(1, 12)).toEqual([1, 3, 5, 7, 9, 11, 12]);
  });

  it('from 0 for the loss charts, whose x axis starts before the first epoch', () => {
    expect(wholeTicks(0, 3)).toEqual([0, 1, 2, 3]);
    expect(wholeTicks(0, 50)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50]);
    expect(wholeTicks(0, 12)).toEqual([0, 2, 4, 6, 8, 10, 12]);
  });
});

describe('domainOf', () => {
  it('runs a linear axis from 0 to the next round value above the highest', () => {
    expect(domainOf([2.31, 0.4, Number.NaN], { fromZero: true })).toEqual([0, 2.5]);
  });

  it('runs a log axis between the powers of ten around the positive values', () => {
    expect(domainOf([0.08, 2.3, 0, Number.POSITIVE_INFINITY], { log: true })).toEqual([0.01, 10]);
  });

  it('falls back when nothing is finite', () => {
    expect(domainOf([Number.NaN], { fallback: [0, 3] })).toEqual([0, 3]);
  });
});

describe('linePath', () => {
  const id = (v: number) => v;

  it('draws the points as one path, a pixel to one decimal', () => {
    expect(
      linePath(
        [
          { x: 0, y: 0 },
          { x: 10, y: 5.25 },
        ],
        id,
        id,
      ),
    ).toBe('M0.0 0.0L10.0 5.3');
  });

  it('breaks the line at a non-finite value (a diverged run)', () => {
    const d = linePath(
      [
        { x: 0, y: 1 },
        { x: 10, y: Number.NaN },
        { x: 20, y: 1 },
        { x: 30, y: 2 },
      ],
      id,
      id,
    );
    expect(d).toBe('M0.0 1.0M20.0 1.0L30.0 2.0');
  });

  it('skips points within half a pixel of the last drawn, but keeps the last of a run of them', () => {
    const points = [{ x: 0, y: 0 }, ...Array.from({ length: 100 }, (_, i) => ({ x: 0.001 * i, y: 0.001 * i })), { x: 10, y: 10 }];
    const d = linePath(points, id, id);
    expect(d).toBe('M0.0 0.0L0.1 0.1L10.0 10.0');
  });
});

describe('nearestByX', () => {
  const points = [0, 1, 2, 4, 8].map((x) => ({ x, y: x }));
  it('finds the point nearest in x, the left one on a tie', () => {
    expect(nearestByX(points, 2.9)).toBe(2);
    expect(nearestByX(points, 3.1)).toBe(3);
    expect(nearestByX(points, 3)).toBe(2);
    expect(nearestByX(points, -5)).toBe(0);
    expect(nearestByX(points, 50)).toBe(4);
    expect(nearestByX([], 1)).toBe(-1);
  });
});
