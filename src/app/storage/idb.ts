/**
 * A small IndexedDB helper shared by the saved models and the run history:
 * one database per feature (each can change its version without upgrading
 * or blocking the other), one object store of auto-numbered records.
 *
 * Every failure comes out as a StorageError (failure.ts) of a known kind,
 * and whether this browser can store anything at all is tracked here, so
 * the panels can say so instead of promising to keep what they cannot.
 * Records read back are checked with the format's schema: a damaged one is
 * listed as damaged (with its key, so it can be removed), never shown.
 */
import type { Checked, ReadProblem, Reader } from '../../shared/validate.ts';
import { name as readName } from '../../shared/validate.ts';
import { StorageError, asStorageError } from './failure.ts';

/** 'unknown' until a database has been opened, or failed to open. */
export type Availability = 'unknown' | 'available' | 'unavailable';

let availability: Availability = 'unknown';
const listeners = new Set<() => void>();

export const storageAvailability = (): Availability => availability;

/** Calls `listener` whenever the availability changes; returns the unsubscribe. */
export function onStorageAvailability(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setAvailability(a: Availability): void {
  if (a === availability) return;
  availability = a;
  for (const l of listeners) l();
}

/** A stored record that failed its schema: kept out of the page, but listed so that it can be removed. */
export interface DamagedRecord {
  /** Its key in the object store, whatever it is. */
  key: IDBValidKey;
  /** Its name, if that much of it is readable. */
  name: string | null;
  /** The schema's problem: which field is wrong (fileWords.ts words it). */
  reason: ReadProblem;
}

export interface Listing<T> {
  valid: T[];
  damaged: DamagedRecord[];
}

export interface RecordStore {
  /**
   * Runs `body` in one transaction; the reader it returns is called once the
   * transaction has committed, so what it reads is what was stored.
   */
  transact<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => () => T): Promise<T>;
  /** Every record, each through `read`. */
  list<T>(read: Reader<T>): Promise<Listing<T>>;
  /** One record through `read`; undefined if there is none under `key`. */
  get<T>(key: IDBValidKey, read: Reader<T>): Promise<Checked<T> | undefined>;
  remove(key: IDBValidKey): Promise<void>;
}

/** The IndexedDB factory, or undefined where the page has none (removed, or forbidden: reading it can throw). */
function factory(): IDBFactory | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : indexedDB;
  } catch {
    return undefined;
  }
}

/** A record that failed its schema, as the page lists it: its key, its name if readable, what is wrong. */
export function damagedRecord(key: IDBValidKey, value: unknown, reason: ReadProblem): DamagedRecord {
  const n = typeof value === 'object' && value !== null && 'name' in value ? readName(value.name, 'name') : null;
  return { key, name: n?.ok ? n.value : null, reason };
}

export function recordStore(dbName: string, version: number, storeName: string): RecordStore {
  let dbPromise: Promise<IDBDatabase> | null = null;

  const open = (): Promise<IDBDatabase> => {
    dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
      const idb = factory();
      if (!idb) throw new StorageError('unavailable');
      const req = idb.open(dbName, version);
      req.onupgradeneeded = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains(storeName)) db.createObjectStore(storeName, { keyPath: 'id', autoIncrement: true });
      };
      req.onsuccess = () => {
        const db = req.result;
        // A newer lab in another tab wants to upgrade: step aside, reopen on next use.
        db.onversionchange = () => {
          db.close();
          dbPromise = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error);
    }).then(
      (db) => {
        setAvailability('available');
        return db;
      },
      (e: unknown) => {
        dbPromise = null;
        const err = asStorageError(e, true);
        if (err.kind === 'unavailable') setAvailability('unavailable');
        throw err;
      },
    );
    return dbPromise;
  };

  const transact = <T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => () => T): Promise<T> =>
    open().then((db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(storeName, mode);
        const read = body(tx.objectStore(storeName));
        tx.oncomplete = () => resolve(read());
        // Chrome's quota error arrives as an abort whose error is a QuotaExceededError with an empty message.
        tx.onerror = () => reject(asStorageError(tx.error));
        tx.onabort = () => reject(asStorageError(tx.error));
      }).catch((e: unknown) => {
        throw asStorageError(e);
      }),
    );

  return {
    transact,
    async list<T>(read: Reader<T>): Promise<Listing<T>> {
      const { keys, values } = await transact('readonly', (s) => {
        const k = s.getAllKeys();
        const v = s.getAll();
        return () => ({ keys: k.result, values: v.result as unknown[] });
      });
      const out: Listing<T> = { valid: [], damaged: [] };
      values.forEach((value, i) => {
        const r = read(value, '');
        if (r.ok) out.valid.push(r.value);
        else out.damaged.push(damagedRecord(keys[i], value, r.problem));
      });
      return out;
    },
    async get(key, read) {
      const value = await transact('readonly', (s) => {
        const q = s.get(key);
        return () => q.result as unknown;
      });
      return value === undefined ? undefined : read(value, '');
    },
    remove: (key) =>
      transact('readwrite', (s) => {
        s.delete(key);
        return () => undefined;
      }),
  };
}
