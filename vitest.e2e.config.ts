/**
 * End-to-end tests: Chromium (Debian's, via playwright-core) against the built
 * site served by `vite preview`. Serial on purpose: each test trains a network
 * in the browser, and two at once on a small machine only make both flaky.
 * Run `npm run build` first (scripts/test.sh does).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['e2e/support/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
  },
});
