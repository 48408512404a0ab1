/**
 * The two ways an e2e file holds its browser, with the checks every test gets:
 * after each test, a failure leaves a screenshot and the store's state
 * (recordFailure), and an uncaught page error fails the test.
 * - labPerFile: one page for the whole file, opened (and trained, if asked)
 *   once; for files whose tests read one trained lab in order.
 * - labPerTest: a fresh page per test, closed after it.
 */
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { type LabPage, type OpenLab, type OpenOptions, openLab, recordFailure, uncaughtErrors } from './browser.ts';

async function checkAfterTest(s: OpenLab, ctx: { task: { name: string; result?: { state?: string } } }): Promise<void> {
  if (ctx.task.result?.state === 'fail') await recordFailure(s, ctx.task.name);
  expect(uncaughtErrors(s.issues), 'uncaught errors in the page').toEqual([]);
}

export interface PerFileOptions {
  /** Names the failure record of the training step. */
  name: string;
  /** Settings to train one run to its end with before the tests. */
  train?: Parameters<LabPage['configure']>[0];
  /** Time the training may take. */
  runMs?: number;
}

/** Opens the lab at `query` before the file's tests and hands it to `onOpen`; closes it after them. */
export function labPerFile(query: string, options: PerFileOptions, onOpen: (s: OpenLab) => void): void {
  let session: OpenLab | undefined;
  const runMs = options.runMs ?? 300_000;
  beforeAll(
    async () => {
      session = await openLab(query, { baseUrl: inject('baseUrl') });
      onOpen(session);
      if (!options.train) return;
      try {
        await session.lab.trainToEnd(options.train, runMs);
      } catch (err) {
        await recordFailure(session, `${options.name}-training`);
        throw err;
      }
    },
    (options.train ? runMs : 0) + 60_000,
  );

  afterEach(async (ctx) => {
    if (session) await checkAfterTest(session, ctx);
  });

  afterAll(async () => {
    await session?.close();
  });
}

/** A fresh lab for each test that calls the returned `open`; closed after the test. */
export function labPerTest(defaultQuery = ''): (query?: string, options?: Omit<OpenOptions, 'baseUrl'>) => Promise<LabPage> {
  let session: OpenLab | undefined;
  afterEach(async (ctx) => {
    const s = session;
    session = undefined;
    if (!s) return;
    try {
      await checkAfterTest(s, ctx);
    } finally {
      await s.close();
    }
  });
  return async (query = defaultQuery, options = {}) => {
    session = await openLab(query, { ...options, baseUrl: inject('baseUrl') });
    return session.lab;
  };
}
