import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestOnly } from './latestOnly.ts';

/** A worker that answers each request when the test says so. */
function fakeWorker() {
  const asked: number[] = [];
  const answers: Array<(v: string | null) => void> = [];
  return {
    asked,
    ask: (key: number) => {
      asked.push(key);
      return new Promise<string | null>((resolve) => answers.push(resolve));
    },
    /** Answers the oldest open request. */
    answer: async (v: string | null) => {
      answers.shift()?.(v);
      await Promise.resolve();
      await Promise.resolve();
    },
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('latestOnly', () => {
  it('turns a burst of wants into one request, for where the slider is when the wait ends', async () => {
    const w = fakeWorker();
    const applied: Array<[number, string | null]> = [];
    const r = latestOnly({ ask: w.ask, apply: (k, a) => applied.push([k, a]), same: (a, b) => a === b, settleMs: 40 });
    // Twenty epochs in 100 ms, as a quick drag does.
    for (let e = 1; e <= 20; e++) {
      r.want(e);
      vi.advanceTimersByTime(5);
    }
    expect(w.asked, 'one request in 100 ms, for the position 40 ms after the drag began').toEqual([8]);
    await w.answer('epoch 8');
    vi.advanceTimersByTime(40);
    expect(w.asked, 'then the one the slider rests on').toEqual([8, 20]);
    await w.answer('epoch 20');
    expect(applied).toEqual([
      [8, 'epoch 8'],
      [20, 'epoch 20'],
    ]);
    vi.advanceTimersByTime(100);
    expect(w.asked, 'nothing more to ask').toEqual([8, 20]);
  });

  it('keeps one request on its way, shows its answer, then asks for where the slider is now', async () => {
    const w = fakeWorker();
    const applied: Array<[number, string | null]> = [];
    const r = latestOnly({ ask: w.ask, apply: (k, a) => applied.push([k, a]), same: (a, b) => a === b, settleMs: 10 });
    r.want(3);
    vi.advanceTimersByTime(10);
    expect(r.busy).toBe(true);
    r.want(4);
    r.want(5);
    vi.advanceTimersByTime(100);
    expect(w.asked, 'no second request while one is on its way').toEqual([3]);
    await w.answer('epoch 3');
    // The answer for 3 is newer than what is shown, so it is shown; then 5 is asked.
    expect(applied).toEqual([[3, 'epoch 3']]);
    vi.advanceTimersByTime(10);
    expect(w.asked).toEqual([3, 5]);
    await w.answer('epoch 5');
    expect(applied.at(-1)).toEqual([5, 'epoch 5']);
    expect(r.busy).toBe(false);
  });

  it('after cancel, sends nothing pending and applies no answer still on its way', async () => {
    const w = fakeWorker();
    const applied: number[] = [];
    const r = latestOnly({ ask: w.ask, apply: (k) => applied.push(k), same: (a, b) => a === b, settleMs: 10 });
    r.want(1);
    vi.advanceTimersByTime(10);
    r.want(2);
    r.cancel();
    await w.answer('epoch 1');
    vi.advanceTimersByTime(100);
    expect(applied).toEqual([]);
    expect(w.asked).toEqual([1]);
    // Wanting again afterwards works as before.
    r.want(2);
    vi.advanceTimersByTime(10);
    await w.answer('epoch 2');
    expect(applied).toEqual([2]);
  });

  it('passes on a missing answer (a replaced worker) as null and a failed request the same way', async () => {
    const applied: Array<string | null> = [];
    const r = latestOnly<number, string>({
      ask: (k) => (k === 1 ? Promise.resolve(null) : Promise.reject(new Error('gone'))),
      apply: (_k, a) => applied.push(a),
      same: (a, b) => a === b,
      settleMs: 0,
    });
    r.want(1);
    await vi.advanceTimersByTimeAsync(1);
    r.want(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(applied).toEqual([null, null]);
  });
});
