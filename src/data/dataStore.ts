/**
 * Where the training worker keeps the data files it fetched, so that a later
 * visit, and a reload with no network, read them from the browser instead:
 * the Cache API in the browser (dedicated workers have it), a Map in tests.
 * The data is not in the service worker's install step on purpose: a 57 MB
 * all-or-nothing install fails on classroom Wi-Fi, and this way a student
 * who opens the lab once, and lets the data load, has it for good.
 */

export interface DataStore {
  /** The bytes stored under `url`, or undefined when there are none. */
  read(url: string): Promise<ArrayBuffer | undefined>;
  write(url: string, bytes: ArrayBuffer): Promise<void>;
  remove(url: string): Promise<void>;
}

/**
 * The cache's name carries the version of what it holds: a change in what is
 * stored (another compression, another file set) takes a new name, and
 * `cacheStore` deletes the older versions' caches.
 */
export const DATA_CACHE_PREFIX = 'mnist-lab-data-';
export const DATA_CACHE_NAME = `${DATA_CACHE_PREFIX}v1`;

/** How keeping the data for offline use went; the page words it. */
export type StoreOutcome =
  /** All four files are in the browser's storage (read from it, or written to it now). */
  | 'stored'
  /** This browser has no storage for them here (no Cache API: an insecure page, some private modes). */
  | 'no-store'
  /** Writing them failed (most often: not enough space allowed to the site). */
  | 'store-failed';

/**
 * A DataStore over the Cache API, or null where there is none (`caches` is
 * only defined on secure pages: https or localhost). Opening may still fail
 * (Firefox's private mode refuses): the store's calls then reject, and the
 * loader reports 'store-failed'.
 */
export function cacheStore(storage: CacheStorage | undefined, name = DATA_CACHE_NAME): DataStore | null {
  if (!storage) return null;
  let opened: Promise<Cache> | null = null;
  const cache = () => {
    opened ??= dropOlderVersions(storage, name).then(() => storage.open(name));
    return opened;
  };
  return {
    async read(url) {
      const res = await (await cache()).match(url);
      return res ? res.arrayBuffer() : undefined;
    },
    async write(url, bytes) {
      const headers = { 'Content-Type': 'application/gzip', 'Content-Length': String(bytes.byteLength) };
      // From a Blob, not the ArrayBuffer itself: Chromium then hands the bytes over at once (36-61 ms of the
      // thread for 10 MB here), where a buffer body is streamed through the thread (119-214 ms).
      await (await cache()).put(url, new Response(new Blob([bytes]), { headers }));
    },
    async remove(url) {
      await (await cache()).delete(url);
    },
  };
}

/** Deletes this store's caches of other versions (never the service worker's, which are named otherwise). */
async function dropOlderVersions(storage: CacheStorage, current: string): Promise<void> {
  const names = await storage.keys().catch(() => [] as string[]);
  await Promise.all(names.filter((n) => n.startsWith(DATA_CACHE_PREFIX) && n !== current).map((n) => storage.delete(n).catch(() => false)));
}
