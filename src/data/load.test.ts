import { gzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import type { DataStore } from './dataStore.ts';
import { encodeIdxImages, encodeIdxLabels } from './idx.ts';
import type { Fetcher } from './load.ts';
import { DataLoadError, MNIST_FILES, keeper, loadMnist, mnistUrls } from './load.ts';
import { encodeRunLength } from './runLength.ts';

const BASE = 'https://lab.example/data/mnist/';
const [TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS] = mnistUrls(BASE);

const bytesOf = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
const gz = (b: ArrayBuffer) => bytesOf(gzipSync(new Uint8Array(b)));

/**
 * A tiny MNIST: 3 training and 2 test images of 28×28, each image filled with its label's value, as the lab's
 * server sends them (the images run-length coded, then gzipped) or, `plain`, as an earlier version of it did.
 */
function tinyFiles({ plain = false } = {}): Map<string, ArrayBuffer> {
  const images = (labels: number[]) => {
    const idx = encodeIdxImages(new Uint8Array(labels.flatMap((l) => Array(784).fill(l))), labels.length, 28, 28);
    return plain ? idx : bytesOf(encodeRunLength(new Uint8Array(idx), 16));
  };
  return new Map([
    [TRAIN_IMAGES, gz(images([5, 0, 4]))],
    [TRAIN_LABELS, gz(encodeIdxLabels(new Uint8Array([5, 0, 4])))],
    [TEST_IMAGES, gz(images([7, 2]))],
    [TEST_LABELS, gz(encodeIdxLabels(new Uint8Array([7, 2])))],
  ]);
}

/** A server holding `files`; counts requests, and fails every one while `offline`. */
function server(files: Map<string, ArrayBuffer>) {
  const s = { requests: 0, offline: false, fetcher: (async () => new Response(null)) as Fetcher };
  s.fetcher = async (url) => {
    s.requests++;
    if (s.offline) throw new TypeError('Failed to fetch');
    const body = files.get(url);
    return body ? new Response(body.slice(0)) : new Response('not found', { status: 404 });
  };
  return s;
}

function memoryStore(): DataStore & { entries: Map<string, ArrayBuffer> } {
  const entries = new Map<string, ArrayBuffer>();
  return {
    entries,
    read: async (url) => entries.get(url)?.slice(0),
    write: async (url, bytes) => void entries.set(url, bytes.slice(0)),
    remove: async (url) => void entries.delete(url),
  };
}

describe('loadMnist', () => {
  it('fetches the four gzipped files, decompresses and parses them', async () => {
    const srv = server(tinyFiles());
    const m = await loadMnist(BASE, { fetcher: srv.fetcher });
    expect(TRAIN_IMAGES).toBe(`${BASE}${MNIST_FILES.trainImages}.gz`);
    expect([m.train.count, m.test.count]).toEqual([3, 2]);
    expect(Array.from(m.train.labels)).toEqual([5, 0, 4]);
    expect(Array.from(m.test.labels)).toEqual([7, 2]);
    expect(m.test.images[784]).toBe(2);
    expect(await m.keep()).toBe('no-store');
  });

  it('reads files kept by an earlier version of the lab, gzipped IDX with no run-length coding, with no network', async () => {
    const earlier = server(tinyFiles({ plain: true }));
    const store = memoryStore();
    expect(await (await loadMnist(BASE, { fetcher: earlier.fetcher, store })).keep()).toBe('stored');
    const now = server(tinyFiles());
    now.offline = true;
    const m = await loadMnist(BASE, { fetcher: now.fetcher, store });
    expect(now.requests).toBe(0);
    expect(Array.from(m.train.labels)).toEqual([5, 0, 4]);
    expect(m.test.images[784]).toBe(2);
    expect(m.train.images[3 * 784 - 1]).toBe(4);
  });

  it('keeps the files once they parse, and a later load reads them with no network', async () => {
    const srv = server(tinyFiles());
    const store = memoryStore();
    const first = await loadMnist(BASE, { fetcher: srv.fetcher, store });
    expect(await first.keep()).toBe('stored');
    expect([...store.entries.keys()].sort()).toEqual([TEST_IMAGES, TEST_LABELS, TRAIN_IMAGES, TRAIN_LABELS].sort());
    // Stored as they came: gzipped, 1f 8b.
    expect(Array.from(new Uint8Array(store.entries.get(TRAIN_LABELS)!, 0, 2))).toEqual([0x1f, 0x8b]);

    srv.offline = true;
    const unkept = await loadMnist(BASE, { fetcher: srv.fetcher }).catch((e) => e);
    expect(unkept.problem).toEqual({ kind: 'data-unreachable', file: 'train-images-idx3-ubyte.gz', detail: 'Failed to fetch' });
    const before = srv.requests;
    const again = await loadMnist(BASE, { fetcher: srv.fetcher, store });
    expect(srv.requests).toBe(before);
    expect(await again.keep()).toBe('stored');
    expect(Array.from(again.train.labels)).toEqual([5, 0, 4]);
    expect(Array.from(again.train.images)).toEqual(Array.from(first.train.images));
  });

  it('hands over the files as sent, for another thread to keep; none when they were read from the store', async () => {
    const srv = server(tinyFiles());
    const elsewhere = await loadMnist(BASE, { fetcher: srv.fetcher });
    expect(elsewhere.sent?.map((b) => b.byteLength)).toEqual([TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS].map((u) => tinyFiles().get(u)!.byteLength));
    const store = memoryStore();
    const keep = keeper(store, BASE, elsewhere.sent);
    expect(await keep()).toBe('stored');
    expect(await keep()).toBe('stored');
    expect(store.entries.size).toBe(4);
    srv.offline = true;
    const again = await loadMnist(BASE, { fetcher: srv.fetcher, store });
    expect(again.sent, 'read from the store').toBeNull();
    expect(Array.from(again.train.labels)).toEqual([5, 0, 4]);
    expect(await keeper(null, BASE, elsewhere.sent)()).toBe('no-store');
  });

  it('keeps nothing until asked, then writes the four files once however often it is asked', async () => {
    const srv = server(tinyFiles());
    const store = memoryStore();
    let writes = 0;
    let finish = () => {};
    const written = new Promise<void>((resolve) => (finish = resolve));
    const slow: DataStore = { ...store, write: async (url, bytes) => written.then(() => void writes++).then(() => store.write(url, bytes)) };
    const m = await loadMnist(BASE, { fetcher: srv.fetcher, store: slow });
    expect(Array.from(m.train.labels), 'the data, before anything is kept').toEqual([5, 0, 4]);
    await new Promise((r) => setTimeout(r, 0));
    expect(store.entries.size, 'not kept before keep() is called').toBe(0);
    let outcome: string | undefined;
    void m.keep().then((o) => (outcome = o));
    await Promise.resolve();
    expect(outcome, 'still writing').toBeUndefined();
    finish();
    expect(await m.keep()).toBe('stored');
    expect(outcome).toBe('stored');
    expect(store.entries.size).toBe(4);
    expect(writes, 'one write per file, however often keep() is called').toBe(4);
  });

  it('fetches all four again when one stored file is missing, and when a stored file no longer decodes', async () => {
    const srv = server(tinyFiles());
    const store = memoryStore();
    await (await loadMnist(BASE, { fetcher: srv.fetcher, store })).keep();
    store.entries.delete(TEST_LABELS);
    const n = srv.requests;
    expect(await (await loadMnist(BASE, { fetcher: srv.fetcher, store })).keep()).toBe('stored');
    expect(srv.requests).toBe(n + 4);

    const good = store.entries.get(TRAIN_IMAGES)!;
    store.entries.set(TRAIN_IMAGES, good.slice(0, good.byteLength - 50));
    const m = await loadMnist(BASE, { fetcher: srv.fetcher, store });
    expect(srv.requests).toBe(n + 8);
    expect(m.train.count).toBe(3);
    expect(store.entries.has(TRAIN_IMAGES), 'the damaged copy is dropped').toBe(false);
    expect(await m.keep()).toBe('stored');
    expect(store.entries.get(TRAIN_IMAGES)!.byteLength).toBe(good.byteLength);
  });

  it('names a file missing from the server, and stores nothing', async () => {
    const files = tinyFiles();
    files.delete(TEST_IMAGES);
    const store = memoryStore();
    const err = await loadMnist(BASE, { fetcher: server(files).fetcher, store }).catch((e) => e);
    expect(err).toBeInstanceOf(DataLoadError);
    expect(err.file).toBe(`${MNIST_FILES.testImages}.gz`);
    expect(err.problem).toEqual({ kind: 'data-missing', file: 't10k-images-idx3-ubyte.gz', status: 404 });
    expect(store.entries.size).toBe(0);

    // A server that answers every unknown path with the app's page.
    const spa: Fetcher = async (url) =>
      url === TEST_IMAGES ? new Response('<!doctype html>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } }) : server(tinyFiles()).fetcher(url);
    const err2 = await loadMnist(BASE, { fetcher: spa }).catch((e) => e);
    expect(err2.problem).toEqual({ kind: 'data-missing', file: 't10k-images-idx3-ubyte.gz', status: 200, webPage: true });
  });

  it('says a download is damaged (cut short, or labels that do not match the images), and keeps none of it', async () => {
    const cut = tinyFiles();
    const whole = cut.get(TRAIN_IMAGES)!;
    cut.set(TRAIN_IMAGES, whole.slice(0, whole.byteLength - 30));
    const store = memoryStore();
    const err = await loadMnist(BASE, { fetcher: server(cut).fetcher, store }).catch((e) => e);
    expect(err).toBeInstanceOf(DataLoadError);
    expect(err.problem).toMatchObject({
      kind: 'data-damaged',
      file: 'train-images-idx3-ubyte.gz',
      detail: expect.stringMatching(/^train-images-idx3-ubyte\.gz: not a valid gzip file/),
    });

    const mismatched = tinyFiles();
    mismatched.set(TEST_LABELS, gz(encodeIdxLabels(new Uint8Array([7, 2, 1]))));
    const err2 = await loadMnist(BASE, { fetcher: server(mismatched).fetcher, store }).catch((e) => e);
    expect(err2.problem).toEqual({ kind: 'data-damaged', file: 't10k-labels-idx1-ubyte', detail: 't10k-labels-idx1-ubyte: holds 3 labels, expected 2' });

    // A sound gzip around a run-length coding cut short.
    const images = encodeIdxImages(new Uint8Array(784 * 2).fill(7), 2, 28, 28);
    const coded = encodeRunLength(new Uint8Array(images), 16);
    const shortCoding = tinyFiles();
    shortCoding.set(TEST_IMAGES, gz(bytesOf(coded.subarray(0, coded.length - 10))));
    const err3 = await loadMnist(BASE, { fetcher: server(shortCoding).fetcher, store }).catch((e) => e);
    expect(err3.problem).toMatchObject({
      kind: 'data-damaged',
      file: 't10k-images-idx3-ubyte.gz',
      detail: expect.stringMatching(/^t10k-images-idx3-ubyte\.gz: the coding is cut short/),
    });
    expect(store.entries.size).toBe(0);
  });

  it('reads files a server sent already decompressed (Content-Encoding: gzip), run-length coded or not', async () => {
    const files = tinyFiles();
    files.set(TRAIN_LABELS, encodeIdxLabels(new Uint8Array([5, 0, 4])));
    const images = encodeIdxImages(new Uint8Array([5, 0, 4].flatMap((l) => Array(784).fill(l))), 3, 28, 28);
    files.set(TRAIN_IMAGES, bytesOf(encodeRunLength(new Uint8Array(images), 16)));
    const m = await loadMnist(BASE, { fetcher: server(files).fetcher });
    expect(Array.from(m.train.labels)).toEqual([5, 0, 4]);
    expect(Array.from(m.train.images)).toEqual(Array.from(new Uint8Array(images, 16)));
  });

  it('still trains when the store cannot keep the files, says so, and takes back a partial write', async () => {
    const store = memoryStore();
    let writes = 0;
    const full: DataStore = {
      ...store,
      write: async (url, bytes) => {
        if (++writes > 2) throw new DOMException('quota', 'QuotaExceededError');
        await store.write(url, bytes);
      },
    };
    const m = await loadMnist(BASE, { fetcher: server(tinyFiles()).fetcher, store: full });
    expect(await m.keep()).toBe('store-failed');
    expect(m.train.count).toBe(3);
    expect(store.entries.size).toBe(0);

    const unreadable: DataStore = {
      read: () => Promise.reject(new Error('no')),
      write: () => Promise.reject(new Error('no')),
      remove: () => Promise.reject(new Error('no')),
    };
    expect(await (await loadMnist(BASE, { fetcher: server(tinyFiles()).fetcher, store: unreadable })).keep()).toBe('store-failed');
  });

  it('says so, as a data problem, in a browser that cannot decompress gzip', async () => {
    vi.stubGlobal('DecompressionStream', undefined);
    try {
      const err = await loadMnist(BASE, { fetcher: server(tinyFiles()).fetcher }).catch((e) => e);
      expect(err).toBeInstanceOf(DataLoadError);
      expect(err.problem).toEqual({ kind: 'data-no-decompression', file: 'train-images-idx3-ubyte.gz' });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
