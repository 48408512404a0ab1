/**
 * The run history in IndexedDB, so it survives a reload. A database of its
 * own ('mnist-lab-history', not the models' 'mnist-lab'): each can change its
 * version without upgrading, or blocking, the other. Records read back go
 * through the history record's schema (recordSchema.ts): a damaged one is
 * listed apart, never shown.
 */
import type { DamagedRecord } from '../storage/idb.ts';
import { damagedRecord, recordStore } from '../storage/idb.ts';
import type { HistoryRecord, HistoryRecordSummary } from './record.ts';
import { newestFirst, summarize } from './record.ts';
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

/**
 * Rewrites record `id` in place (a run written after each epoch, then once
 * more when it ends), keeping the name stored there: the student may have
 * renamed it meanwhile. Returns what is now stored, or undefined, writing
 * nothing, if the record is gone (the student deleted it).
 */
export function updateRecord(id: number, record: HistoryRecord): Promise<StoredRecord | undefined> {
  return transact('readwrite', (store) => {
    let stored: StoredRecord | undefined;
    const q = store.get(id) as IDBRequest<StoredRecord | undefined>;
    q.onsuccess = () => {
      if (!q.result) return;
      stored = { ...record, id, name: q.result.name };
      store.put(stored);
    };
    return () => stored;
  });
}

/**
 * Every stored run's summary, newest first. Read with a cursor, one record at
 * a time, so a history of a thousand long runs never sits in memory whole.
 */
export async function listSummaries(): Promise<{ summaries: HistoryRecordSummary[]; damaged: DamagedRecord[] }> {
  const { summaries, damaged } = await transact('readonly', (store) => {
    const out = { summaries: [] as HistoryRecordSummary[], damaged: [] as DamagedRecord[] };
    const q = store.openCursor();
    q.onsuccess = () => {
      const cursor = q.result;
      if (!cursor) return;
      const r = readStoredRecord(cursor.value, '');
      if (r.ok) out.summaries.push(summarize(r.value));
      else out.damaged.push(damagedRecord(cursor.primaryKey, cursor.value, r.problem));
      cursor.continue();
    };
    return () => out;
  });
  return { summaries: summaries.sort(newestFirst), damaged };
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

/** Deletes a run, or a damaged record, by its key. */
export function deleteRecord(id: IDBValidKey): Promise<void> {
  return transact('readwrite', (store) => {
    store.delete(id);
    return () => undefined;
  });
}
