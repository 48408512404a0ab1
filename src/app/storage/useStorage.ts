/** Whether this browser can store anything, for the panels that would otherwise promise to keep things. */
import { useSyncExternalStore } from 'react';
import type { Availability } from './idb.ts';
import { onStorageAvailability, storageAvailability } from './idb.ts';

export function useStorageAvailability(): Availability {
  return useSyncExternalStore(onStorageAvailability, storageAvailability, storageAvailability);
}
