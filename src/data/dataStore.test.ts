import { describe, expect, it } from 'vitest';
import { DATA_CACHE_NAME, cacheStore } from './dataStore.ts';

/** The parts of the Cache API the store uses, in memory (Node has no CacheStorage). */
function fakeCaches(names: string[] = []) {
  const caches = new Map<string, Map<string, Response>>(names.map((n) => [n, new Map()]));
  const cache = (m: Map<string, Response>) =>
    ({
      match: async (url: string) => m.get(url)?.clone(),
      put: async (url: string, res: Response) => void m.set(url, res),
      delete: async (url: string) => m.delete(url),
    }) as unknown as Cache;
  const storage = {
    keys: async () => [...caches.keys()],
    delete: async (name: string) => caches.delete(name),
    open: async (name: string) => {
      if (!caches.has(name)) caches.set(name, new Map());
      return cache(caches.get(name)!);
    },
  } as unknown as CacheStorage;
  return { storage, caches };
}

describe('cacheStore', () => {
  it('is absent where the browser has no Cache API (an insecure page)', () => {
    expect(cacheStore(undefined)).toBeNull();
  });

  it('writes, reads back and removes bytes by URL', async () => {
    const { storage, caches } = fakeCaches();
    const store = cacheStore(storage)!;
    const url = 'https://lab.example/data/mnist/train-labels-idx1-ubyte.gz';
    expect(await store.read(url)).toBeUndefined();
    await store.write(url, new Uint8Array([0x1f, 0x8b, 8, 0]).buffer);
    expect(Array.from(new Uint8Array((await store.read(url))!))).toEqual([0x1f, 0x8b, 8, 0]);
    expect(caches.get(DATA_CACHE_NAME)?.get(url)?.headers.get('Content-Type')).toBe('application/gzip');
    await store.remove(url);
    expect(await store.read(url)).toBeUndefined();
  });

  it("drops its own older versions' caches and leaves the service worker's alone", async () => {
    const { storage, caches } = fakeCaches(['mnist-lab-data-v0', 'workbox-precache-v2-https://lab.example/', DATA_CACHE_NAME]);
    await cacheStore(storage)!.read('https://lab.example/x');
    expect([...caches.keys()].sort()).toEqual([DATA_CACHE_NAME, 'workbox-precache-v2-https://lab.example/'].sort());
  });
});
