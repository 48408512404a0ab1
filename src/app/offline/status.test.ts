import { describe, expect, it } from 'vitest';
import type { OfflineState } from '../store/offlineSlice.ts';
import { askToKeep } from './persist.ts';
import { offlineStatus } from './status.ts';

type Shell = OfflineState['shell'];
type Data = OfflineState['data'];

describe('offlineStatus', () => {
  it('says available only once the page and the data are both kept', () => {
    expect(offlineStatus({ shell: 'ready', data: 'stored' })).toBe('available');
    expect(offlineStatus({ shell: 'installing', data: 'stored' })).toBe('preparing');
    expect(offlineStatus({ shell: 'ready', data: 'loading' })).toBe('preparing');
    expect(offlineStatus({ shell: 'installing', data: 'loading' })).toBe('preparing');
  });

  it('names what stops it working offline, the page before the data', () => {
    const cases: [Shell, Data, string][] = [
      ['unsupported', 'stored', 'no-service-worker'],
      ['failed', 'loading', 'shell-failed'],
      ['ready', 'no-store', 'data-no-store'],
      ['installing', 'store-failed', 'data-store-failed'],
      ['ready', 'load-failed', 'data-load-failed'],
    ];
    for (const [shell, data, status] of cases) expect(offlineStatus({ shell, data }), `${shell} + ${data}`).toBe(status);
  });

  it('shows nothing on the dev server, whatever the data did', () => {
    expect(offlineStatus({ shell: 'dev', data: 'stored' })).toBe('hidden');
    expect(offlineStatus({ shell: 'dev', data: 'load-failed' })).toBe('hidden');
  });
});

describe('askToKeep', () => {
  const storage = (persisted: boolean, grant: boolean | Error) => {
    const calls = { persist: 0 };
    return {
      calls,
      persisted: async () => persisted,
      persist: async () => {
        calls.persist++;
        if (grant instanceof Error) throw grant;
        return grant;
      },
    };
  };

  it("reports the browser's answer, and asks only when the storage is not kept already", async () => {
    const kept = storage(true, false);
    expect(await askToKeep(kept)).toBe('granted');
    expect(kept.calls.persist).toBe(0);
    expect(await askToKeep(storage(false, true))).toBe('granted');
    expect(await askToKeep(storage(false, false))).toBe('denied');
    expect(await askToKeep(storage(false, new Error('refused')))).toBe('denied');
  });

  it('is unsupported without a StorageManager (older Safari, insecure pages)', async () => {
    expect(await askToKeep(undefined)).toBe('unsupported');
  });
});
