import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { mnistData } from './scripts/mnist-data-plugin.ts';
import { pwa } from './scripts/pwa.ts';

/** The two headers that make the page cross-origin isolated; a static host must send them too (README). */
const CROSS_ORIGIN_ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

export default defineConfig({
  // Relative base: the built site works from any folder of any static server.
  base: './',
  plugins: [react(), mnistData(), pwa()],
  worker: { format: 'es' },
  // The workers' entries too: `vite` pre-bundles their imports (tfjs) before the first page load. From
  // index.html alone it found them only once the training worker ran, and reloaded a fresh clone's first
  // page (a Train pressed by then was lost).
  optimizeDeps: { entries: ['index.html', 'src/worker/entry.ts', 'src/worker/pool/helper.ts', 'src/worker/data/entry.ts'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
  // Cross-origin isolation (SharedArrayBuffer, threads): a comparison's runs train on two workers at once.
  server: { port: 5173, headers: CROSS_ORIGIN_ISOLATION },
  preview: { port: 4173, headers: CROSS_ORIGIN_ISOLATION },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // The SIMD engine's tests load its compiled modules (skipped when the sources are unchanged).
    globalSetup: ['scripts/build-wasm.mjs'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
