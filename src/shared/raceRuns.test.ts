import { describe, expect, it } from 'vitest';
import { raceRunNames } from './raceRuns.ts';

describe('raceRunNames', () => {
  it('names runs by learning rate alone while they share one momentum', () => {
    expect(
      raceRunNames([
        { learningRate: 0.001, momentum: 0.5 },
        { learningRate: 0.1, momentum: 0.5 },
      ]),
    ).toEqual(['lr = 0.001', 'lr = 0.1']);
  });

  it('adds every run’s momentum once any two differ, so equal rates stay apart', () => {
    expect(
      raceRunNames([
        { learningRate: 0.01, momentum: 0 },
        { learningRate: 0.01, momentum: 0.9 },
        { learningRate: 0.1, momentum: 0 },
      ]),
    ).toEqual(['lr = 0.01, μ = 0', 'lr = 0.01, μ = 0.9', 'lr = 0.1, μ = 0']);
  });

  it('names no runs for an empty race', () => {
    expect(raceRunNames([])).toEqual([]);
  });
});
