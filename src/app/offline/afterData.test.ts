import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import type { OfflineState } from '../store/offlineSlice.ts';
import { afterDataSettles, type Timers } from './afterData.ts';

type Data = OfflineState['data'];

function storeWith(data: Data) {
  return create<{ offline: { data: Data } }>(() => ({ offline: { data } }));
}

/** Timers run by hand: `elapse` fires those due. */
function fakeTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  let next = 1;
  const timers: Timers = {
    setTimeout: (run, ms) => {
      pending.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout: (h) => pending.delete(h as number),
  };
  const elapse = (ms: number) => {
    now += ms;
    for (const [h, t] of [...pending]) {
      if (t.at > now) continue;
      pending.delete(h);
      t.run();
    }
  };
  return { timers, elapse, pending: () => pending.size };
}

describe('afterDataSettles', () => {
  it('waits while the data loads, then acts once when it settles, however it settles', () => {
    for (const settled of ['stored', 'no-store', 'store-failed', 'load-failed'] as const) {
      const store = storeWith('loading');
      const { timers, pending } = fakeTimers();
      let calls = 0;
      afterDataSettles(store, () => calls++, 15_000, timers);
      expect(calls, settled).toBe(0);
      store.setState({ offline: { data: settled } });
      expect(calls, settled).toBe(1);
      // Later changes (a second load) do nothing, and the fallback timer is gone.
      store.setState({ offline: { data: 'loading' } });
      store.setState({ offline: { data: 'stored' } });
      expect(calls, settled).toBe(1);
      expect(pending(), settled).toBe(0);
    }
  });

  it('acts at once when the data has already settled (kept from an earlier visit)', () => {
    const { timers, pending } = fakeTimers();
    let calls = 0;
    afterDataSettles(storeWith('stored'), () => calls++, 15_000, timers);
    expect(calls).toBe(1);
    expect(pending()).toBe(0);
  });

  it('acts after atLatestMs when the data never settles (a worker that does not answer), and only then', () => {
    const store = storeWith('loading');
    const { timers, elapse } = fakeTimers();
    let calls = 0;
    afterDataSettles(store, () => calls++, 15_000, timers);
    elapse(14_999);
    expect(calls).toBe(0);
    elapse(1);
    expect(calls).toBe(1);
    store.setState({ offline: { data: 'stored' } });
    expect(calls).toBe(1);
  });
});
