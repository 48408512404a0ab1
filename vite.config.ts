import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { mnistData } from './scripts/mnist-data-plugin.ts';
import { pwa } from './scripts/pwa.ts';

export default defineConfig({
  // Relative base: the built site works from any folder of any static server.
  base: './',
  plugins: [react(), mnistData(), pwa()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
  server: { port: 5173 },
  preview: { port: 4173 },
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
