/**
 * The run history in IndexedDB, so it survives a reload. A database of its
 * own ('mnist-lab-history', not the models' 'mnist-lab'): each can change its
 * version without upgrading, or blocking, the other. Records read back go
 * through the history record's schema (recordSchema.ts): a damaged one is
 * listed apart, never shown.
 */
import type { DamagedRecord } from '../storage/idb.ts';
import { recordStore } from '../storage/idb.ts';
import type { HistoryRecord } from './record.ts';
import type { StoredRecord } from './recordSchema.ts';
import { readStoredRecord } from './recordSchema.ts';

const DB_NAME = 'mnist-lab-history';
const DB_VERSION = 1;
const RUNS = 'runs';

export type { StoredRecord };

const runs = recordStore(DB_NAME, DB_VERSION, RUNS);
const { transact } = runs;

/** Stores new records (any id they carry is dropped) in one transaction: all or none. Returns their ids. */
export function putRecords(records: readonly HistoryRecord[]): Promise<number[]> {
  return transact('readwrite', (store) => {
    const reqs = records.map(({ id: _id, ...r }) => store.add(r));
    return () => reqs.map((q) => Number(q.result));
  });
}

const newestFirst = (a: StoredRecord, b: StoredRecord) => b.savedAt.localeCompare(a.savedAt) || b.id - a.id;

/** Every stored run that reads as one, newest first, and the damaged ones apart. */
export async function listAll(): Promise<{ records: StoredRecord[]; damaged: DamagedRecord[] }> {
  const { valid, damaged } = await runs.list(readStoredRecord);
  return { records: valid.sort(newestFirst), damaged };
}

/** Every stored run, newest first (damaged records left out). */
export async function listRecords(): Promise<StoredRecord[]> {
  return (await listAll()).records;
}

/** One run; undefined if it is gone or damaged (a damaged one is never shown). */
export async function getRecord(id: number): Promise<StoredRecord | undefined> {
  const r = await runs.get(id, readStoredRecord);
  return r?.ok ? r.value : undefined;
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

/** Deletes a run, or a damaged record by its key. */
export function deleteRecord(key: IDBValidKey): Promise<void> {
  return runs.remove(key);
}
