import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { OfflineState } from '../store/offlineSlice.ts';
import { afterDataSettles } from './afterData.ts';

type Data = OfflineState['data'];

function storeWith(data: Data) {
  return create<{ offline: { data: Data } }>(() => ({ offline: { data } }));
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('afterDataSettles', () => {
  it('waits while the data loads, then acts once when it settles, however it settles', () => {
    for (const settled of ['stored', 'no-store', 'store-failed', 'load-failed'] as const) {
      const store = storeWith('loading');
      let calls = 0;
      afterDataSettles(store, () => calls++, 15_000);
      expect(calls, settled).toBe(0);
      store.setState({ offline: { data: settled } });
      expect(calls, settled).toBe(1);
      // Later changes (a second load) do nothing, and the fallback timer is gone.
      store.setState({ offline: { data: 'loading' } });
      store.setState({ offline: { data: 'stored' } });
      expect(calls, settled).toBe(1);
      expect(vi.getTimerCount(), settled).toBe(0);
    }
  });

  it('acts at once when the data has already settled (kept from an earlier visit)', () => {
    let calls = 0;
    afterDataSettles(storeWith('stored'), () => calls++, 15_000);
    expect(calls).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('acts after atLatestMs when the data never settles (a worker that does not answer), and only then', () => {
    const store = storeWith('loading');
    let calls = 0;
    afterDataSettles(store, () => calls++, 15_000);
    vi.advanceTimersByTime(14_999);
    expect(calls).toBe(0);
    vi.advanceTimersByTime(1);
    expect(calls).toBe(1);
    store.setState({ offline: { data: 'stored' } });
    expect(calls).toBe(1);
  });
});
