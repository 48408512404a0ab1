/**
 * Settings in the link, end to end in Chromium: a configuration copied with
 * Copy link and opened in a fresh browser context reproduces the settings and, with
 * the same seed, the first epoch exactly; an address option the page cannot
 * use gets a notice that names it; `hide=` and `show=` hide panels and
 * settings. Runs are one epoch on 2,000 images on wasm, validated on 2,000.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { LabPage, type OpenLab, collectIssues, launchBrowser, recordFailure, uncaughtErrors } from './support/browser.ts';

/** Data loading, the wasm backend's start, one epoch of 2,000 images and a 2,000-image validation pass. */
const EPOCH_MS = 60_000;

const EPOCH_SUMMARY = /Epoch 1\/1 · train loss [\d.]+ · validation loss [\d.]+ · validation accuracy [\d.]+%/;

/** One browser for the file; each page gets a context of its own, as a new browser would (no shared storage). */
let browser: Browser | undefined;
beforeAll(async () => {
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Opens the lab in a fresh context; on failure leaves its record; checks for uncaught page errors and closes it after `body`. */
async function withLab(query: string, name: string, body: (s: OpenLab) => Promise<void>): Promise<void> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const s: OpenLab = { browser, page, lab: new LabPage(page), issues: collectIssues(page), close: () => context.close() };
  try {
    await page.goto(new URL(query, inject('baseUrl')).href);
    await s.lab.trainButton.waitFor({ state: 'visible', timeout: 30_000 });
    await body(s);
    expect(uncaughtErrors(s.issues), 'uncaught errors in the page').toEqual([]);
  } catch (err) {
    await recordFailure(s, name);
    throw err;
  } finally {
    await s.close();
  }
}

/** Trains one epoch and returns the epoch's line as the page shows it, and its validation accuracy to the last bit. */
async function trainOneEpoch(s: OpenLab): Promise<{ summary: string; accuracy: number }> {
  await s.lab.trainButton.click();
  const line = s.page.getByText(EPOCH_SUMMARY);
  await line.waitFor({ state: 'visible', timeout: EPOCH_MS });
  const summary = (await line.textContent()) ?? '';
  // The page shows one decimal; "exactly" is checked on the number itself as well (the store is read for that only).
  const accuracy = await s.page.evaluate(
    () =>
      (window as unknown as { mnistLab: { getState(): { run: { epochs: { validation: { accuracy: number } }[] } } } }).mnistLab.getState().run.epochs[0]
        .validation.accuracy,
  );
  return { summary, accuracy };
}

const seedField = (s: OpenLab) => s.page.getByLabel('Seed', { exact: true });

describe('settings in the link', () => {
  test('a copied link opened in a fresh context has the same settings and the same first epoch', async () => {
    let link = '';
    let first = { summary: '', accuracy: Number.NaN };
    await withLab('?backend=wasm&trainLimit=2000&validation=2000', 'links-copy', async (s) => {
      await s.lab.configure({ learningRate: '0.05', momentum: '0.9', epochs: '1' });
      await seedField(s).fill('7');
      first = await trainOneEpoch(s);

      await s.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(s.page.url()).origin });
      await s.page.getByRole('button', { name: 'Copy link', exact: true }).click();
      await expect
        .poll(
          () =>
            s.page
              .getByRole('status')
              .filter({ hasText: /^Link copied$/ })
              .count(),
          { timeout: 5_000 },
        )
        .toBe(1);
      link = await s.page.evaluate(() => navigator.clipboard.readText());
      const q = new URL(link).searchParams;
      expect(Object.fromEntries(q), link).toEqual({ lr: '0.05', mom: '0.9', epochs: '1', seed: '7', trainLimit: '2000', backend: 'wasm', validation: '2000' });
      // The address bar says the same, once its throttle lets it.
      await expect.poll(() => s.page.url(), { timeout: 3_000 }).toBe(link);
    });

    await withLab(link, 'links-open', async (s) => {
      expect(await s.lab.learningRate.inputValue()).toBe('0.05');
      expect(await s.lab.momentum.inputValue()).toBe('0.9');
      expect(await s.lab.epochs.inputValue()).toBe('1');
      expect(await seedField(s).inputValue()).toBe('7');
      const again = await trainOneEpoch(s);
      expect(again.summary).toBe(first.summary);
      expect(again.accuracy).toBe(first.accuracy);
    });
  });

  test('an address option the page cannot use gets a notice; hide= and show= hide panels and settings', async () => {
    await withLab('?backend=foo&lr=abc&hide=race,inside,rotation&show=lr,mom', 'links-notices', async (s) => {
      const notices = s.page.getByRole('region', { name: 'Options in the page address' });
      await expect.poll(() => notices.innerText(), { timeout: 5_000 }).toContain('Ignored backend=foo: Use simd, webgl, wasm or cpu.');
      expect(await notices.innerText()).toContain('Ignored lr=abc: The learning rate must be a number, like 0.01. Using 0.01.');
      expect(await s.lab.learningRate.inputValue()).toBe('0.01');

      expect(await s.lab.racePanel.count(), 'hide=race: no race panel').toBe(0);
      expect(await s.page.getByRole('heading', { name: 'Inside the network' }).count(), 'hide=inside: no look inside').toBe(0);
      expect(await s.page.getByRole('heading', { name: 'Accuracy by rotation' }).count(), 'hide=rotation: no accuracy by rotation').toBe(0);
      expect(await s.lab.rangeTestPanel.count(), 'the other panels stay').toBe(1);
      expect(await s.lab.momentum.isVisible()).toBe(true);
      expect(await s.lab.epochs.count(), 'show=lr,mom: no epochs field').toBe(0);
      expect(await s.lab.batchSize.count()).toBe(0);

      // The address keeps what it could use, in its own words.
      await expect.poll(() => new URL(s.page.url()).search, { timeout: 3_000 }).toBe('?hide=race,inside,rotation&show=lr,mom');

      await notices.getByRole('button', { name: 'Dismiss', exact: true }).click();
      expect(await notices.count()).toBe(0);
    });
  });
});
