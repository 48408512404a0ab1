import { describe, expect, it } from 'vitest';
import { throttleWait } from './useThrottled.ts';

describe('throttling a redraw', () => {
  it('shows the first change at once, then waits out the interval from the last one shown', () => {
    expect(throttleWait(Number.NEGATIVE_INFINITY, 5, 1000)).toBe(0);
    expect(throttleWait(100, 350, 1000)).toBe(750);
    expect(throttleWait(100, 1100, 1000)).toBe(0);
    expect(throttleWait(100, 5000, 1000)).toBe(0);
  });
});
