import { describe, expect, it } from 'vitest';
import { smoothEma } from '../../../train/smoothing.ts';
import { LINEAR_LOSS_CEILING, lossDomain, raceSeries } from './raceSeries.ts';
import type { RaceSeriesInput } from './raceSeries.ts';

const run = (losses: number[], validation: number[] = []): RaceSeriesInput => ({
  lossPoints: losses.map((loss, i) => ({ epoch: (i + 1) / losses.length, loss })),
  epochs: validation.map((loss, i) => ({ epoch: i + 1, validation: { loss } })),
});

describe('raceSeries', () => {
  it('smooths the training loss with bias correction, and leaves it raw at 0', () => {
    const losses = [2.3, 1.0, 2.0, 0.5, 0.8];
    const [smooth] = raceSeries([run(losses)], 0.6);
    expect(smooth.train.map((p) => p.y)).toEqual(smoothEma(losses, 0.6));
    // Bias correction: the first point is the first loss, not 0.4 × it.
    expect(smooth.train[0].y).toBeCloseTo(2.3, 12);
    expect(smooth.train[3].y).not.toBeCloseTo(0.5, 3);
    const [raw] = raceSeries([run(losses)], 0);
    expect(raw.train.map((p) => p.y)).toEqual(losses);
    expect(raw.train.map((p) => p.x)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('draws at most the bound per run, ending at the last point', () => {
    const long = Array.from({ length: 5000 }, (_, i) => 2 / (1 + i / 100));
    const [a, b] = raceSeries([run(long), run(long.slice(0, 50))], 0.6, 400);
    expect(a.train.length).toBe(400);
    expect(a.train.at(-1)!.x).toBe(1);
    expect(b.train.length).toBe(50);
  });

  it('keeps each run to its own points, in run order', () => {
    const series = raceSeries([run([2, 1.5], [1.4]), run([2.3, 2.3, 2.3], [2.3, 2.3]), run([], [])], 0);
    expect(series.map((s) => s.train.length)).toEqual([2, 3, 0]);
    expect(series[0].train.map((p) => p.y)).toEqual([2, 1.5]);
    expect(series[1].train.every((p) => p.y === 2.3)).toBe(true);
    expect(series[0].validation).toEqual([{ x: 1, y: 1.4 }]);
    expect(series[1].validation).toEqual([
      { x: 1, y: 2.3 },
      { x: 2, y: 2.3 },
    ]);
  });

  it('drops non-finite values instead of drawing them', () => {
    const [s] = raceSeries([run([2, Number.NaN, 1], [Number.POSITIVE_INFINITY, 0.5])], 0.5);
    expect(s.train.map((p) => p.x)).toEqual([1 / 3, 1]);
    expect(s.validation).toEqual([{ x: 2, y: 0.5 }]);
  });
});

describe('lossDomain', () => {
  it('starts the linear axis at 0 and tops it at a half nat above the data', () => {
    expect(lossDomain(raceSeries([run([2.31, 0.4], [0.35])], 0), false)).toEqual([0, 2.5]);
  });

  it('clips the linear axis so an exploding run does not flatten the others', () => {
    expect(lossDomain(raceSeries([run([2.3, 0.3]), run([2.3, 1e9])], 0), false)).toEqual([0, LINEAR_LOSS_CEILING]);
    expect(LINEAR_LOSS_CEILING).toBe(7);
  });

  it('spans whole decades on the log axis, explosions included', () => {
    expect(lossDomain(raceSeries([run([2.3, 0.05]), run([2.3, 1e9])], 0), true)).toEqual([0.01, 1e9]);
  });

  it('has a sensible range before any point arrives', () => {
    expect(lossDomain([], false)).toEqual([0, 3]);
    expect(lossDomain([], true)).toEqual([0.1, 10]);
  });
});
