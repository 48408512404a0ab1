/**
 * Fetches and parses the four MNIST files from the app's own origin. Runs in
 * the worker; a missing or damaged file becomes a DataLoadError that names
 * the file and carries a problem code (the page says what to do), never a crash.
 */
import type { ImageSet } from './dataset.ts';
import { IdxError, parseIdxImages, parseIdxLabels } from './idx.ts';

export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/**
 * Why the data did not load, for the page to word: the server could not be
 * reached (`detail`: the browser's own words), answered an HTTP error
 * (`status`), or sent a file that is not what it should be (`detail`: the
 * IDX parser's technical account).
 */
export type DataProblem =
  | { kind: 'data-unreachable'; file: string; detail: string }
  | { kind: 'data-missing'; file: string; status: number }
  | { kind: 'data-damaged'; file: string; detail: string };

export class DataLoadError extends Error {
  constructor(readonly problem: DataProblem) {
    // For logs only: the page words the problem itself.
    super(`${problem.file}: ${problem.kind}${'status' in problem ? ` (HTTP ${problem.status})` : ` (${problem.detail})`}`);
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

export type Fetcher = (url: string) => Promise<Response>;

async function fetchBytes(baseUrl: string, file: string, fetcher: Fetcher): Promise<ArrayBuffer> {
  const url = new URL(file, baseUrl).href;
  let res: Response;
  try {
    res = await fetcher(url);
  } catch (e) {
    throw new DataLoadError({ kind: 'data-unreachable', file, detail: e instanceof Error ? e.message : String(e) });
  }
  if (!res.ok) {
    throw new DataLoadError({ kind: 'data-missing', file, status: res.status });
  }
  return res.arrayBuffer();
}

function parseOrExplain<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof IdxError) throw new DataLoadError({ kind: 'data-damaged', file, detail: e.message });
    throw e;
  }
}

/** Loads the official sets: 60,000 training and 10,000 test images. */
export async function loadMnist(baseUrl: string, fetcher: Fetcher = (u) => fetch(u)): Promise<Mnist> {
  const f = MNIST_FILES;
  const [ti, tl, si, sl] = await Promise.all([f.trainImages, f.trainLabels, f.testImages, f.testLabels].map((file) => fetchBytes(baseUrl, file, fetcher)));
  const trainImages = parseOrExplain(f.trainImages, () => parseIdxImages(ti, f.trainImages));
  const trainLabels = parseOrExplain(f.trainLabels, () => parseIdxLabels(tl, f.trainLabels, { count: trainImages.count, numClasses: 10 }));
  const testImages = parseOrExplain(f.testImages, () => parseIdxImages(si, f.testImages));
  const testLabels = parseOrExplain(f.testLabels, () => parseIdxLabels(sl, f.testLabels, { count: testImages.count, numClasses: 10 }));
  return {
    train: { images: trainImages.pixels, labels: trainLabels, count: trainImages.count },
    test: { images: testImages.pixels, labels: testLabels, count: testImages.count },
  };
}
