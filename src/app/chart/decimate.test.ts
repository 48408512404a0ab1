import { describe, expect, it } from 'vitest';
import { decimate } from './decimate.ts';

describe('decimate', () => {
  it('passes short series through', () => {
    const p = [
      { x: 1, y: 2 },
      { x: 2, y: 3 },
    ];
    expect(decimate(p, 10)).toEqual(p);
  });
  it('keeps at most max points, the last x, and the mean level', () => {
    const p = Array.from({ length: 1000 }, (_, i) => ({ x: i + 1, y: i % 2 }));
    const d = decimate(p, 100);
    expect(d.length).toBe(100);
    expect(d[d.length - 1].x).toBe(1000);
    expect(d.every((q) => q.y === 0.5)).toBe(true);
  });
});
