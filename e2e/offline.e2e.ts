/**
 * Offline: after one visit the lab reloads and trains with no network at
 * all. The first visit goes through a counting proxy, which measures the
 * bytes it moved (the page, the service worker's precache and the gzipped
 * MNIST files); then the proxy is cut and the browser set offline, the page
 * reloads from the service worker and trains an epoch on the data the
 * training worker kept in the Cache API.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, inject, test } from 'vitest';
import { type OpenLab, openLab, recordFailure, uncaughtErrors } from './support/browser.ts';
import { type CountingProxy, countingProxy } from './support/countingProxy.ts';
import { REPO_ROOT } from './support/server.ts';

const QUERY = '?backend=wasm&trainLimit=2000&validation=1000';
const EPOCH_SUMMARY = /Epoch 1\/1 · train loss [\d.]+ · validation loss [\d.]+ · validation accuracy ([\d.]+)%/;

/** The gzipped MNIST files the build wrote, bytes in all (the raw files are 54.9 MB). */
function gzippedDataBytes(): number {
  const dir = path.join(REPO_ROOT, 'dist', 'data', 'mnist');
  return readdirSync(dir).reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

let session: OpenLab | undefined;
let proxy: CountingProxy | undefined;

afterEach(async (ctx) => {
  if (session && ctx.task.result?.state === 'fail') await recordFailure(session, ctx.task.name);
  const issues = session ? uncaughtErrors(session.issues) : [];
  await session?.close();
  await proxy?.close();
  session = proxy = undefined;
  expect(issues, 'uncaught errors in the page').toEqual([]);
});

const availableOffline = (s: OpenLab) => s.page.getByRole('status').filter({ hasText: /^Available offline: the lab and its data are kept in this browser\./ });

test('after one visit, reloads with no network and trains an epoch', async () => {
  const t0 = Date.now();
  const mark = (what: string) => console.log(`[offline] ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  proxy = await countingProxy(inject('baseUrl'));
  session = await openLab(QUERY, { baseUrl: proxy.url, serviceWorkers: true });
  const { page, lab } = session;

  // The page says so only once the service worker is active and the worker has stored the data;
  // the browser's answer to navigator.storage.persist() follows, whichever it is.
  await availableOffline(session)
    .filter({ hasText: /The browser (keeps it until you remove it|may remove it if space runs low)\.$/ })
    .waitFor({ timeout: 60_000 });
  mark('available offline');

  proxy.cut();
  await page.context().setOffline(true);
  const firstVisit = proxy.bytes().down;
  const data = gzippedDataBytes();
  console.log(`[offline] first visit: ${(firstVisit / 1e6).toFixed(2)} MB from the server, of which the gzipped MNIST files ${(data / 1e6).toFixed(2)} MB`);
  // The data came gzipped (raw, it alone would be 54.9 MB), and once.
  expect(firstVisit).toBeGreaterThan(data);
  expect(firstVisit).toBeLessThan(2 * data);

  await page.reload();
  await lab.trainButton.waitFor({ state: 'visible', timeout: 30_000 });
  await availableOffline(session).waitFor({ timeout: 30_000 });
  mark('reloaded offline');
  // Learning rate 0.1: one epoch of 2,000 images then scores far above chance (10 %), which only images read back with their own labels can.
  await lab.configure({ epochs: '1', learningRate: '0.1' });
  await lab.trainButton.click();
  await lab.text(EPOCH_SUMMARY).waitFor({ timeout: 60_000 });
  mark('first epoch validated');
  const accuracy = Number(EPOCH_SUMMARY.exec((await lab.text(EPOCH_SUMMARY).textContent()) ?? '')?.[1]);
  expect(accuracy).toBeGreaterThan(50);
  // Still so after the run: the failed update checks of the service worker did not count as losing the page.
  expect(await availableOffline(session).count()).toBe(1);
  console.log(`[offline] offline run: validation accuracy ${accuracy}%; ${proxy.refusedAfterCut()} connections refused after the cut`);
});
