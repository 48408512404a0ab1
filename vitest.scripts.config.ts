// Runs measurement scripts (scripts/*.script.ts) under Vitest's module
// loader. tfjs's ESM build uses directory imports that plain Node ESM (and
// so tsx) refuses; Vitest inlines it, as it does for the unit tests.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/**/*.script.ts'],
    environment: 'node',
    // The SIMD engine's compiled modules, for the scripts that measure it.
    globalSetup: ['scripts/build-wasm.mjs'],
    testTimeout: 3_600_000,
    pool: 'forks',
    reporters: ['verbose'],
    silent: false,
    printConsoleTrace: false,
  },
});
