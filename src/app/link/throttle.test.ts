/** The address's throttle (throttle.ts): at most one call a second, the last one always made. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './throttle.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('throttle', () => {
  it('calls at once after a quiet spell, then folds a burst into one trailing call with the latest value', () => {
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 1000);
    t(1);
    expect(calls).toEqual([1]);
    t(2);
    t(3);
    vi.advanceTimersByTime(999);
    expect(calls).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual([1, 3]);
    vi.advanceTimersByTime(5000);
    expect(calls).toEqual([1, 3]);
  });

  it('makes at most 31 calls in 30 s of a slider dragged 60 times a second (Safari allows 100)', () => {
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 1000);
    for (let i = 0; i < 30 * 60; i++) {
      t(i);
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(1000);
    expect(calls.length).toBeLessThanOrEqual(31);
    expect(calls.length).toBeGreaterThanOrEqual(29);
    expect(calls.at(-1), 'the last value is written').toBe(30 * 60 - 1);
  });

  it('flush makes the pending call now; cancel drops it', () => {
    const calls: number[] = [];
    const t = throttle((n: number) => calls.push(n), 1000);
    t(1);
    t(2);
    t.flush();
    expect(calls).toEqual([1, 2]);
    t(3);
    t.cancel();
    vi.advanceTimersByTime(2000);
    expect(calls).toEqual([1, 2]);
    t.flush();
    expect(calls, 'nothing pending: flush does nothing').toEqual([1, 2]);
  });
});
