/**
 * A small IndexedDB helper shared by the saved models and the run history:
 * one database per feature (each can change its version without upgrading
 * or blocking the other), one object store of auto-numbered records.
 */

export interface RecordStore {
  /**
   * Runs `body` in one transaction; the reader it returns is called once the
   * transaction has committed, so what it reads is what was stored.
   */
  transact<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => () => T): Promise<T>;
}

export function recordStore(dbName: string, version: number, storeName: string): RecordStore {
  let dbPromise: Promise<IDBDatabase> | null = null;

  const open = (): Promise<IDBDatabase> => {
    dbPromise ??= new Promise((resolve, reject) => {
      const req = indexedDB.open(dbName, version);
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
      req.onerror = () => {
        dbPromise = null;
        reject(new Error(`the browser's storage (IndexedDB) is unavailable: ${req.error?.message ?? 'unknown error'}`));
      };
    });
    return dbPromise;
  };

  return {
    transact: (mode, body) =>
      open().then(
        (db) =>
          new Promise((resolve, reject) => {
            const tx = db.transaction(storeName, mode);
            const read = body(tx.objectStore(storeName));
            tx.oncomplete = () => resolve(read());
            tx.onerror = () => reject(tx.error ?? new Error('storage error'));
            tx.onabort = () => reject(tx.error ?? new Error('storage transaction aborted (is the disk full?)'));
          }),
      ),
  };
}
