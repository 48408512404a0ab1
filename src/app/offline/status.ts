/**
 * The one line the page shows about working offline, as a code the words
 * (the offline catalogue area) turn into a sentence. Pure: the offline state in, a code out.
 */
import type { OfflineState } from '../store/offlineSlice.ts';

export type OfflineStatus =
  /** The dev server: nothing is shown. */
  | 'hidden'
  /** The page and the data are both kept: a reload with no network works. */
  | 'available'
  /** Still downloading the page's files or the data. */
  | 'preparing'
  | 'no-service-worker'
  | 'shell-failed'
  | 'data-no-store'
  | 'data-store-failed'
  | 'data-load-failed';

/**
 * What keeps the lab from working offline comes first: a page that cannot
 * be kept says so even while the data is still loading; then the data; and
 * "available" only once both are kept.
 */
export function offlineStatus(s: Pick<OfflineState, 'shell' | 'data'>): OfflineStatus {
  if (s.shell === 'dev') return 'hidden';
  if (s.shell === 'unsupported') return 'no-service-worker';
  if (s.shell === 'failed') return 'shell-failed';
  switch (s.data) {
    case 'no-store':
      return 'data-no-store';
    case 'store-failed':
      return 'data-store-failed';
    case 'load-failed':
      return 'data-load-failed';
    case 'loading':
      return 'preparing';
    case 'stored':
      return s.shell === 'ready' ? 'available' : 'preparing';
  }
}
