/**
 * Inside the network: the first-layer weights as one tile per unit, the
 * Epoch slider replaying an earlier epoch's confusion matrix (and weights)
 * and coming back to the latest, and a drawing seen layer by layer with its
 * saliency. One short run on wasm (2,000 images, 2 epochs, 1,000 held out)
 * shared by the tests.
 */
import { describe, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { DIGIT_STROKES, type LabPage } from './support/browser.ts';
import { labPerFile } from './support/sessions.ts';

/** Data, two epochs of 2,000 images with their validation passes, and the 10,000-image test pass, on wasm. */
const RUN_MS = 120_000;
const SHOW_MS = 10_000;

let lab: LabPage;
labPerFile('?backend=wasm&trainLimit=2000&validation=1000', { name: 'inside', train: { epochs: '2' }, runMs: RUN_MS }, (s) => (lab = s.lab));

const page = () => lab.page;
const weightsGrid = () => page().getByRole('img', { name: /^First-layer weights: \d+ units?/ });
const slider = () => page().getByRole('slider', { name: 'Epoch', exact: true });
const caption = () => lab.confusionTable.locator('caption');
const counts = async () => (await lab.confusionCellTexts()).flat().map((t) => Number(t.replace(/\D/g, '')));
const storedConfusion = (epoch: number | 'test') =>
  page().evaluate((which) => {
    const s = (
      window as unknown as {
        mnistLab: { getState(): { run: { epochs: { validation: { confusion: Int32Array } }[]; done: { test: { confusion: Int32Array } } } } };
      }
    ).mnistLab.getState();
    return Array.from(which === 'test' ? s.run.done.test.confusion : s.run.epochs[which - 1].validation.confusion);
  }, epoch);
/** How many distinct colours a canvas holds: a blank or a one-colour canvas has 1 or 2. */
const colours = (canvas: Locator) =>
  canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
    return seen.size;
  });

describe('inside the network', () => {
  test('the weights grid has one 28×28 tile per first-layer unit, with a text alternative', async () => {
    const grid = weightsGrid();
    const image = () => grid.evaluate((el) => (el as HTMLCanvasElement).toDataURL());
    await grid.scrollIntoViewIfNeeded();
    expect(await grid.getAttribute('aria-label')).toBe('First-layer weights: 128 units, one 28×28 tile each');
    // 16 × 8 tiles of 28 pixels with 1-pixel gaps: one canvas pixel per weight.
    expect([await grid.getAttribute('width'), await grid.getAttribute('height')]).toEqual([String(16 * 29 - 1), String(8 * 29 - 1)]);
    expect(await colours(grid), 'trained weights in many shades').toBeGreaterThan(100);
    const described = await page()
      .locator(`[id="${await grid.getAttribute('aria-describedby')}"]`)
      .textContent();
    expect(described).toMatch(/^From −[\d.]+ \(unit \d+\) to \+[\d.]+ \(unit \d+\)\. Units with the largest positive values: [\d, ]+;/);
    expect(await page().getByText('After 2 epochs, live').count()).toBe(1);

    // The change since the start: the same tiles, other pixels.
    const weights = await image();
    await page().getByRole('radio', { name: 'Change since the start' }).check();
    const change = page().getByRole('img', { name: 'Change of the first-layer weights since the start: 128 units, one 28×28 tile each' });
    await change.waitFor({ state: 'visible', timeout: SHOW_MS });
    expect(await change.evaluate((el) => (el as HTMLCanvasElement).toDataURL())).not.toBe(weights);
    await page().getByRole('radio', { name: 'The weights' }).check();
    await expect.poll(image, { timeout: SHOW_MS }).toBe(weights);
  });

  test('replaying epoch 1 shows its confusion matrix and weights, and the latest comes back', async () => {
    const latestCaption = '10,000 test images · Test set (final)';
    await expect.poll(() => caption().textContent(), { timeout: SHOW_MS }).toBe(latestCaption);
    const latest = await counts();
    expect(latest).toEqual(await storedConfusion('test'));
    const latestTiles = await weightsGrid().evaluate((el) => (el as HTMLCanvasElement).toDataURL());

    await slider().scrollIntoViewIfNeeded();
    expect(await slider().getAttribute('aria-valuetext')).toBe('Epoch 2 of 2 (the latest, live)');
    await slider().focus();
    await page().keyboard.press('Home');
    await expect.poll(() => caption().textContent(), { timeout: SHOW_MS }).toBe('1,000 validation images · Validation, epoch 1');
    const first = await counts();
    expect(first, "epoch 1's own counts").toEqual(await storedConfusion(1));
    expect(first).not.toEqual(latest);
    expect(await slider().getAttribute('aria-valuetext')).toBe('Epoch 1 of 2 (replay)');
    // The weights as they were after epoch 1.
    await expect.poll(() => page().getByText('After epoch 1 (replay)').count(), { timeout: SHOW_MS }).toBe(1);
    expect(await weightsGrid().evaluate((el) => (el as HTMLCanvasElement).toDataURL())).not.toBe(latestTiles);
    expect(
      await page()
        .getByText(/^The weights after every epoch are kept for the replay: 0\.42 MB an epoch, 64\.0 MB at most\.$/)
        .count(),
    ).toBe(1);

    await page().getByRole('button', { name: 'Back to the latest epoch' }).click();
    await expect.poll(() => caption().textContent(), { timeout: SHOW_MS }).toBe(latestCaption);
    expect(await counts()).toEqual(latest);
    expect(await slider().getAttribute('aria-valuetext')).toBe('Epoch 2 of 2 (the latest, live)');
    await expect.poll(() => weightsGrid().evaluate((el) => (el as HTMLCanvasElement).toDataURL()), { timeout: SHOW_MS }).toBe(latestTiles);
  });

  test('a drawing shows each layer’s activations and the saliency over it, live and replayed', async () => {
    await lab.draw(DIGIT_STROKES.one);
    const saliency = page().getByRole('img', { name: /^Your drawing with the saliency for the digit \d over it\. Strongest push up at row \d+, column \d+;/ });
    await saliency.waitFor({ state: 'visible', timeout: SHOW_MS });
    expect(await colours(saliency), 'ink and saliency in many shades').toBeGreaterThan(20);
    const layer1 = page().getByRole('img', { name: /^Hidden layer 1: (\d+) of 128 units active; the strongest: unit \d+/ });
    const layer2 = page().getByRole('img', { name: /^Hidden layer 2: (\d+) of 64 units active;/ });
    expect(await layer1.getAttribute('width')).toBe('128');
    expect(await layer2.getAttribute('width')).toBe('64');
    expect(Number(/: (\d+) of/.exec((await layer1.getAttribute('aria-label')) ?? '')?.[1])).toBeGreaterThan(0);
    const output = page().getByRole('list', { name: /^Output probabilities: 0: \d+%, 1: \d+%/ });
    expect(await output.count()).toBe(1);
    const liveSaliency = await saliency.getAttribute('aria-label');

    // Replayed: the drawing through epoch 1's weights, and the bars with it.
    await slider().focus();
    await page().keyboard.press('Home');
    await page().getByText('With the weights after epoch 1.').waitFor({ state: 'visible', timeout: SHOW_MS });
    await page().getByRole('button', { name: 'Back to the latest epoch' }).click();
    await expect.poll(() => page().getByText('With the weights after epoch 1.').count(), { timeout: SHOW_MS }).toBe(0);
    expect(await saliency.getAttribute('aria-label')).toBe(liveSaliency);
  });
});
