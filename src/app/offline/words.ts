/**
 * Every sentence the offline status shows, in one place, by code: the
 * translation moves these into the catalogues as they are.
 */
import type { PersistState } from '../store/offlineSlice.ts';
import type { OfflineStatus } from './status.ts';

export const OFFLINE_WORDS: Record<Exclude<OfflineStatus, 'hidden'>, string> = {
  available: 'Available offline: the lab and its data are kept in this browser.',
  preparing: 'Downloading the lab and its data for offline use…',
  'no-service-worker': 'Not available offline: this browser cannot keep the page (it needs https or localhost).',
  'shell-failed': 'Not available offline: the page could not be kept (a download failed). It tries again on the next visit.',
  'data-no-store': 'Not available offline: this browser cannot keep the training data (it needs https or localhost).',
  'data-store-failed': 'Not available offline: the browser did not allow the space for the training data (11 MB).',
  'data-load-failed': 'Not available offline: the training data did not load.',
};

/** Said after "Available offline…", once the browser has answered whether it keeps the site's storage. */
export const PERSIST_WORDS: Record<Exclude<PersistState, 'unknown'>, string> = {
  granted: 'The browser keeps it until you remove it.',
  denied: 'The browser may remove it if space runs low.',
  unsupported: 'The browser may remove it if space runs low.',
};

export const UPDATE_WORDS = {
  ready: 'A new version of the lab is ready.',
  apply: 'Reload to update',
} as const;
