/**
 * Asks the browser to keep the site's storage (the service worker's cache
 * and the data) instead of clearing it when space runs low. Chrome answers
 * without asking the person (by how the site is used: installed, bookmarked);
 * Firefox asks them, which is why this is called only once the lab is
 * available offline, when the request makes sense to the person.
 */
import type { PersistState } from '../store/offlineSlice.ts';

export async function askToKeep(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined): Promise<PersistState> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'denied';
  }
}
