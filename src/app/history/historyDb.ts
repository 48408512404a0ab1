/**
 * The run history in IndexedDB, so it survives a reload. A database of its
 * own ('mnist-lab-history', not the models' 'mnist-lab'): each can change its
 * version without upgrading, or blocking, the other.
 */
import { recordStore } from '../storage/idb.ts';
import type { HistoryRecord } from './record.ts';

const DB_NAME = 'mnist-lab-history';
const DB_VERSION = 1;
const RUNS = 'runs';

export type StoredRecord = HistoryRecord & { id: number };

const { transact } = recordStore(DB_NAME, DB_VERSION, RUNS);

/** Stores new records (any id they carry is dropped) in one transaction: all or none. Returns their ids. */
export function putRecords(records: readonly HistoryRecord[]): Promise<number[]> {
  return transact('readwrite', (store) => {
    const reqs = records.map(({ id: _id, ...r }) => store.add(r));
    return () => reqs.map((q) => Number(q.result));
  });
}

/** Every stored run, newest first. */
export async function listRecords(): Promise<StoredRecord[]> {
  const all = await transact('readonly', (store) => {
    const q = store.getAll() as IDBRequest<StoredRecord[]>;
    return () => q.result;
  });
  return all.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || b.id - a.id);
}

export function getRecord(id: number): Promise<StoredRecord | undefined> {
  return transact('readonly', (store) => {
    const q = store.get(id) as IDBRequest<StoredRecord | undefined>;
    return () => q.result;
  });
}

/** Renames in place; false if the run is no longer stored. */
export function renameRecord(id: number, name: string): Promise<boolean> {
  return transact('readwrite', (store) => {
    const q = store.get(id) as IDBRequest<StoredRecord | undefined>;
    q.onsuccess = () => {
      if (q.result) store.put({ ...q.result, name });
    };
    return () => !!q.result;
  });
}

export function deleteRecord(id: number): Promise<void> {
  return transact('readwrite', (store) => {
    store.delete(id);
    return () => undefined;
  });
}
