import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../../i18n/index.ts';
import { chanceLine, DEFAULT_FPR_FLOOR, fprFloor, fprTicks, fprTickText, rocSeries, splitCurves, tprAt } from './rocSeries.ts';

afterEach(() => void i18n.changeLanguage('en'));

// Three digits: 0 has 3 points, 1 has none (absent from the set), 2 has 4.
const arrays = {
  rocFpr: Float32Array.from([0, 0.5, 1, 0, 0, 0.002, 1]),
  rocTpr: Float32Array.from([0, 1, 1, 0, 0.9, 1, 1]),
  rocOffsets: Int32Array.from([0, 3, 3, 7]),
};

describe('splitCurves', () => {
  it('splits the concatenated arrays by offsets, one curve per digit', () => {
    const curves = splitCurves(arrays);
    expect(curves).toHaveLength(3);
    expect(curves[0]).toEqual([
      { x: 0, y: 0 },
      { x: 0.5, y: 1 },
      { x: 1, y: 1 },
    ]);
    expect(curves[1]).toEqual([]);
    expect(curves[2].map((p) => p.y)).toEqual([0, Math.fround(0.9), 1, 1]);
    expect(curves[2][2].x).toBeCloseTo(0.002, 7);
  });

  it('gives ten empty curves for a diverged evaluation (all offsets 0)', () => {
    const curves = splitCurves({ rocFpr: new Float32Array(0), rocTpr: new Float32Array(0), rocOffsets: new Int32Array(11) });
    expect(curves).toHaveLength(10);
    expect(curves.every((c) => c.length === 0)).toBe(true);
  });
});

describe('fprFloor', () => {
  it('is the power of ten strictly below the smallest positive fpr', () => {
    expect(fprFloor(splitCurves(arrays))).toBeCloseTo(1e-3, 12);
    expect(
      fprFloor([
        [
          { x: 1 / 9000, y: 0.5 },
          { x: 0.3, y: 1 },
        ],
      ]),
    ).toBeCloseTo(1e-4, 12);
  });

  it('goes a decade lower when the smallest fpr is itself a power of ten (also in float32)', () => {
    expect(fprFloor([[{ x: 1e-3, y: 0.5 }]])).toBeCloseTo(1e-4, 12);
    expect(fprFloor([[{ x: Math.fround(1e-3), y: 0.5 }]])).toBeCloseTo(1e-4, 12);
  });

  it('falls back to the default with no positive fpr', () => {
    expect(fprFloor([[], [{ x: 0, y: 0 }]])).toBe(DEFAULT_FPR_FLOOR);
  });
});

describe('rocSeries', () => {
  const curves = splitCurves(arrays);
  const none = [false, false, false];

  it('leaves out hidden digits and digits without a curve', () => {
    expect(rocSeries(curves, { hidden: none, logFpr: false, floor: 1e-3 }).map((s) => s.digit)).toEqual([0, 2]);
    expect(rocSeries(curves, { hidden: [true, false, false], logFpr: false, floor: 1e-3 }).map((s) => s.digit)).toEqual([2]);
    expect(rocSeries(curves, { hidden: [true, false, true], logFpr: true, floor: 1e-3 })).toEqual([]);
  });

  it('keeps fpr = 0 on the linear axis', () => {
    const [, two] = rocSeries(curves, { hidden: none, logFpr: false, floor: 1e-3 });
    expect(two.points.map((p) => p.x)[0]).toBe(0);
    expect(two.points[1]).toEqual({ x: 0, y: Math.fround(0.9) });
  });

  it('raises fpr below the floor to the floor on the log axis, keeping tpr and every other point', () => {
    const [zero, two] = rocSeries(curves, { hidden: none, logFpr: true, floor: 1e-3 });
    expect(zero.points).toEqual([
      { x: 1e-3, y: 0 },
      { x: 0.5, y: 1 },
      { x: 1, y: 1 },
    ]);
    expect(two.points.map((p) => p.x)).toEqual([1e-3, 1e-3, Math.fround(0.002), 1]);
    expect(two.points.map((p) => p.y)).toEqual([0, Math.fround(0.9), 1, 1]);
    expect(Math.min(...two.points.map((p) => p.x))).toBeGreaterThan(0);
  });

  it('does not modify the curves it is given', () => {
    rocSeries(curves, { hidden: none, logFpr: true, floor: 1e-3 });
    expect(curves[0][0]).toEqual({ x: 0, y: 0 });
  });
});

describe('chanceLine', () => {
  it('is the diagonal on the linear axis', () => {
    expect(chanceLine(false, 1e-4)).toEqual([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
  });

  it('is y = x from the floor to 1 on the log axis, evenly spaced in log fpr', () => {
    const line = chanceLine(true, 1e-4, 4);
    expect(line).toHaveLength(17);
    expect(line[0].x).toBeCloseTo(1e-4, 12);
    expect(line[line.length - 1]).toEqual({ x: 1, y: 1 });
    for (const p of line) expect(p.y).toBe(p.x);
    const steps = line.slice(1).map((p, i) => Math.log10(p.x) - Math.log10(line[i].x));
    for (const s of steps) expect(s).toBeCloseTo(0.25, 9);
  });
});

describe('fpr ticks', () => {
  it('has one tick per decade on the log axis, written out in full', () => {
    const ticks = fprTicks(true, 1e-4);
    expect(ticks.map(fprTickText)).toEqual(['0.0001', '0.001', '0.01', '0.1', '1']);
    expect(fprTicks(false, 1e-4).map(fprTickText)).toEqual(['0', '0.2', '0.4', '0.6', '0.8', '1']);
  });

  it('writes the ticks with a decimal comma in pt-BR', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(fprTicks(true, 1e-3).map(fprTickText)).toEqual(['0,001', '0,01', '0,1', '1']);
  });
});

describe('tprAt', () => {
  const curve = [
    { x: 0, y: 0 },
    { x: 0, y: 0.6 },
    { x: 0.001, y: 0.8 },
    { x: 0.01, y: 0.95 },
    { x: 0.2, y: 1 },
  ];

  it('is the highest true-positive rate reached without passing the false-positive rate', () => {
    expect(tprAt(curve, 0.0005)).toBe(0.6);
    expect(tprAt(curve, 0.001)).toBe(0.8);
    expect(tprAt(curve, 0.1)).toBe(0.95);
    expect(tprAt(curve, 1)).toBe(1);
  });

  it('is 0 for a curve with no points', () => {
    expect(tprAt([], 0.1)).toBe(0);
  });
});
