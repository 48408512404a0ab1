/**
 * Fetches and parses the four MNIST files from the app's own origin, where
 * they lie gzipped (`<name>.gz`, 11.0 MB instead of 55 MB; the images
 * run-length coded inside, see runLength.ts), and keeps them
 * in a DataStore once all four have parsed, so that a later load reads them
 * from the browser, network or not. Runs in the worker; a missing or damaged
 * file becomes a DataLoadError that names the file and carries a problem
 * code (the page says what to do), never a crash.
 */
import type { ImageSet } from './dataset.ts';
import type { DataStore, StoreOutcome } from './dataStore.ts';
import { GzipError, gunzip, gunzipStream } from './gunzip.ts';
import { IdxError, parseIdxImages, parseIdxLabels } from './idx.ts';
import { RunLengthError, runLengthSink } from './runLength.ts';

export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/** The four files in the order they are fetched and decoded. */
const FILE_ORDER = [MNIST_FILES.trainImages, MNIST_FILES.trainLabels, MNIST_FILES.testImages, MNIST_FILES.testLabels] as const;

/** The server holds each file gzipped under its IDX name plus this. */
export const GZIP_SUFFIX = '.gz';

/**
 * Why the data did not load, for the page to word: the server could not be
 * reached (`detail`: the browser's own words), answered an HTTP error
 * (`status`) or a web page instead of the file (`status` 200, `webPage`),
 * sent a file that is not what it should be (`detail`: the gzip or IDX
 * parser's technical account), or the browser cannot decompress it.
 * `file` is the name on the server (`<name>.gz`).
 */
export type DataProblem =
  | { kind: 'data-unreachable'; file: string; detail: string }
  | { kind: 'data-missing'; file: string; status: number; webPage?: true }
  | { kind: 'data-damaged'; file: string; detail: string }
  | { kind: 'data-no-decompression'; file: string };

export class DataLoadError extends Error {
  constructor(readonly problem: DataProblem) {
    // For logs only: the page words the problem itself.
    super(`${problem.file}: ${problem.kind}${'status' in problem ? ` (HTTP ${problem.status})` : 'detail' in problem ? ` (${problem.detail})` : ''}`);
    this.name = 'DataLoadError';
  }

  get file(): string {
    return this.problem.file;
  }
}

export interface Mnist {
  train: ImageSet;
  test: ImageSet;
}

export interface LoadedMnist extends Mnist {
  /**
   * Keeps the files in the browser for a visit without network, once
   * however often it is called, and says whether they are kept. Left to
   * the caller to start: the write takes a quarter of a second of the
   * thread here, which the worker spends after a first loss rather than
   * before it. Never rejects.
   */
  keep(): Promise<StoreOutcome>;
  /**
   * The four files as the server sent them, in FILE_ORDER, for a thread
   * other than the one that loaded them to keep (`keeper`); null when they
   * were read from the store.
   */
  sent: ArrayBuffer[] | null;
}

export type Fetcher = (url: string) => Promise<Response>;

export interface LoadOptions {
  fetcher?: Fetcher;
  /** Where fetched files are kept and looked up first; none: always fetched. */
  store?: DataStore | null;
}

/** The URL of each file's gzipped copy under `baseUrl`, in FILE_ORDER. */
export function mnistUrls(baseUrl: string): string[] {
  return FILE_ORDER.map((file) => new URL(file + GZIP_SUFFIX, baseUrl).href);
}

/** A file as the server sent it (what the store keeps) and decompressed. */
interface Fetched {
  sent: ArrayBuffer;
  bytes: ArrayBuffer;
}

/**
 * Fetches a file and decompresses it while it downloads: the body is split
 * in two, one branch kept as sent, the other fed to the decompression as its
 * chunks arrive.
 */
async function fetchFile(url: string, file: string, fetcher: Fetcher): Promise<Fetched> {
  const name = file + GZIP_SUFFIX;
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new DataLoadError({ kind: 'data-unreachable', file: name, detail: e instanceof Error ? e.message : String(e) });
  }
  if (!res.ok) throw new DataLoadError({ kind: 'data-missing', file: name, status: res.status });
  // A server that answers unknown paths with the app's own page (vite preview, most single-page hosts) says 200 for a missing file.
  if (res.headers.get('Content-Type')?.startsWith('text/html'))
    throw new DataLoadError({ kind: 'data-missing', file: name, status: res.status, webPage: true });
  if (!res.body || typeof DecompressionStream === 'undefined') {
    const sent = await res.arrayBuffer();
    return { sent, bytes: await gunzipOrExplain(file, sent) };
  }
  const [kept, inflated] = res.body.tee();
  const [sent, bytes] = await Promise.all([new Response(kept).arrayBuffer(), explainGzip(file, gunzipStream(inflated, runLengthSink()))]);
  return { sent, bytes };
}

async function gunzipOrExplain(file: string, bytes: ArrayBuffer): Promise<ArrayBuffer> {
  if (typeof DecompressionStream === 'undefined') {
    throw new DataLoadError({ kind: 'data-no-decompression', file: file + GZIP_SUFFIX });
  }
  return explainGzip(file, gunzip(bytes, runLengthSink()));
}

/** A decompression's bytes (run-length decoded, where they were coded), or a DataLoadError saying the file is damaged. */
async function explainGzip(file: string, inflating: Promise<ArrayBuffer>): Promise<ArrayBuffer> {
  try {
    return await inflating;
  } catch (e) {
    if (e instanceof GzipError || e instanceof RunLengthError)
      throw new DataLoadError({ kind: 'data-damaged', file: file + GZIP_SUFFIX, detail: `${file}${GZIP_SUFFIX}: ${e.message}` });
    throw e;
  }
}

function parseOrExplain<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof IdxError) throw new DataLoadError({ kind: 'data-damaged', file, detail: e.message });
    throw e;
  }
}

/** Decompresses and checks the four gzipped files (in FILE_ORDER); throws a DataLoadError naming the first bad one. */
async function decode(gzipped: readonly ArrayBuffer[]): Promise<Mnist> {
  return parse(await Promise.all(FILE_ORDER.map((file, i) => gunzipOrExplain(file, gzipped[i]))));
}

/** Checks the four decompressed files (in FILE_ORDER); throws a DataLoadError naming the first bad one. */
function parse([ti, tl, si, sl]: readonly ArrayBuffer[]): Mnist {
  const f = MNIST_FILES;
  const trainImages = parseOrExplain(f.trainImages, () => parseIdxImages(ti, f.trainImages));
  const trainLabels = parseOrExplain(f.trainLabels, () => parseIdxLabels(tl, f.trainLabels, { count: trainImages.count, numClasses: 10 }));
  const testImages = parseOrExplain(f.testImages, () => parseIdxImages(si, f.testImages));
  const testLabels = parseOrExplain(f.testLabels, () => parseIdxLabels(sl, f.testLabels, { count: testImages.count, numClasses: 10 }));
  return {
    train: { images: trainImages.pixels, labels: trainLabels, count: trainImages.count },
    test: { images: testImages.pixels, labels: testLabels, count: testImages.count },
  };
}

/** All four stored files, or undefined if any is missing or the store cannot be read. */
async function readAll(store: DataStore, urls: readonly string[]): Promise<ArrayBuffer[] | undefined> {
  try {
    const kept = await Promise.all(urls.map((u) => store.read(u)));
    return kept.every((b) => b !== undefined) ? (kept as ArrayBuffer[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Stores all four files; a partial write is taken back, so that no half set holds the space. */
async function writeAll(store: DataStore, urls: readonly string[], gzipped: readonly ArrayBuffer[]): Promise<StoreOutcome> {
  try {
    await Promise.all(urls.map((u, i) => store.write(u, gzipped[i])));
    return 'stored';
  } catch {
    await removeAll(store, urls);
    return 'store-failed';
  }
}

async function removeAll(store: DataStore, urls: readonly string[]): Promise<void> {
  await Promise.all(urls.map((u) => store.remove(u).catch(() => undefined)));
}

/**
 * Loads the official sets: 60,000 training and 10,000 test images. With a
 * store, a complete stored copy is used without touching the network; a
 * stored copy that no longer decodes is dropped and the files fetched again.
 * Files are stored only once all four have decoded, so a damaged download
 * is never kept, and only when `keep` is called.
 */
export async function loadMnist(baseUrl: string, { fetcher = (u) => fetch(u), store = null }: LoadOptions = {}): Promise<LoadedMnist> {
  const urls = mnistUrls(baseUrl);
  if (store) {
    const kept = await readAll(store, urls);
    if (kept) {
      try {
        return { ...(await decode(kept)), keep: keeper(store, baseUrl, null), sent: null };
      } catch {
        await removeAll(store, urls);
      }
    }
  }
  const fetched = await Promise.all(urls.map((url, i) => fetchFile(url, FILE_ORDER[i], fetcher)));
  const mnist = parse(fetched.map((f) => f.bytes));
  const sent = fetched.map((f) => f.sent);
  return { ...mnist, keep: keeper(store, baseUrl, sent), sent };
}

/**
 * LoadedMnist's `keep` for files loaded from `baseUrl`: writes `sent` (the
 * files as the server sent them) to `store` on the first call, and says the
 * same outcome on every call; `sent` null: they were read from the store.
 */
export function keeper(store: DataStore | null, baseUrl: string, sent: readonly ArrayBuffer[] | null): () => Promise<StoreOutcome> {
  let kept: Promise<StoreOutcome> | null = null;
  // Let go of the 11 MB once written: the keeper itself lives as long as the data set.
  let files = sent;
  return () => {
    if (!kept) {
      kept = !store ? Promise.resolve('no-store') : files ? writeAll(store, mnistUrls(baseUrl), files) : Promise.resolve('stored');
      files = null;
    }
    return kept;
  };
}
