/**
 * Augmentation and accuracy by rotation, end to end in Chromium on the wasm
 * backend: the settings' preview shows the run's first 16 training images
 * and redraws them when Rotation changes (and back, exactly, when it is set
 * back); a comparison of the same run plain and with rotation ±30° (same
 * seed, one training) fills the "Accuracy by rotation" table, where the
 * rotated run is ahead at ±30° and the plain run ahead or equal at 0°.
 *
 * 3,000 images, 2 epochs, lr 0.1 and momentum 0.9 (one page, one training of
 * two runs): measured in Node on the same split and seed (tfjs wasm), the
 * plain run scores 57.9 / 87.2 / 54.4 % at −30° / 0° / 30° and the rotated
 * one 72.7 / 82.5 / 67.4 %. Smaller settings flip an ordering: 1,000 images
 * for 1 epoch, or 2,000 for 1 epoch, leave the rotated run behind at −30° or
 * ahead at 0°.
 */
import { describe, expect, test } from 'vitest';
import type { LabPage } from './support/browser.ts';
import { labPerFile } from './support/sessions.ts';

/** Two runs of 2 epochs of 3,000 images, their validation passes, then two groups' passes over the test set turned seven ways (20-40 s here). */
const COMPARE_MS = 150_000;

let lab: LabPage;
labPerFile('?backend=wasm&trainLimit=3000&validation=1000', { name: 'augmentation' }, (s) => (lab = s.lab));

/** Each preview image as the canvas holds it, with its accessible name ("Training image 3: a 7"). */
async function previewImages(): Promise<{ names: string[]; pixels: string[] }> {
  const grid = lab.page.getByRole('list', { name: 'Augmentation preview' });
  await expect.poll(() => grid.getByRole('img').count(), { timeout: 60_000 }).toBe(16);
  return grid.evaluate((list) => {
    const canvases = Array.from(list.querySelectorAll('canvas'));
    return { names: canvases.map((c) => c.getAttribute('aria-label') ?? ''), pixels: canvases.map((c) => c.toDataURL()) };
  });
}

/** The "Accuracy by rotation" table as figures: run name → angle (°) → accuracy (%). */
async function rotationTable(): Promise<Map<string, Map<number, number>>> {
  const table = lab.page.getByRole('table', { name: 'Accuracy by rotation' });
  const { head, rows } = await table.evaluate((t) => ({
    head: Array.from((t as HTMLTableElement).tHead?.rows[0]?.cells ?? [], (c) => (c.textContent ?? '').trim()),
    rows: Array.from((t as HTMLTableElement).tBodies[0]?.rows ?? [], (r) => Array.from(r.cells, (c) => (c.textContent ?? '').trim())),
  }));
  const angles = head.slice(1).map((h) => Number(/^(-?\d+)°$/.exec(h)?.[1] ?? Number.NaN));
  return new Map(rows.map(([name, ...cells]) => [name, new Map(cells.map((c, i) => [angles[i], Number(/^([\d.]+)%$/.exec(c)?.[1] ?? Number.NaN)]))]));
}

describe('augmentation', () => {
  test('the preview shows the run’s first 16 training images, turned when Rotation is set, and as before when it is set back', async () => {
    const plain = await previewImages();
    expect(plain.names[0]).toMatch(/^Training image 1: a \d$/);
    const rotation = lab.page.getByLabel('Rotation (± degrees)', { exact: true });
    await rotation.fill('30');
    let turned = plain;
    await expect
      .poll(
        async () => {
          turned = await previewImages();
          return turned.pixels.filter((p, i) => p !== plain.pixels[i]).length;
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(12);
    // The same images, each turned: their digits stay.
    expect(turned.names).toEqual(plain.names);
    await rotation.fill('0');
    await expect.poll(async () => (await previewImages()).pixels, { timeout: 30_000 }).toEqual(plain.pixels);
  });

  test('rotation 0 against rotation ±30 (same seed): the rotated run reads turned digits better, the plain run upright ones as well or better', async () => {
    await lab.configure({ learningRate: '0.1', momentum: '0.9', epochs: '2' });
    await lab.racePanel.getByText(/^Compare any settings/).click();
    await lab.racePanel.getByLabel('Runs to compare', { exact: true }).fill('rot=0\nrot=30');
    await lab.racePanel.getByText('Runs: no rotation · rotation ±30°', { exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    await lab.racePanel.getByRole('button', { name: 'Start comparison', exact: true }).click();
    await lab.raceMessage.waitFor({ state: 'visible', timeout: COMPARE_MS });
    expect(await lab.raceMessage.textContent()).toMatch(/^Race finished: 2 of 2 runs completed 2 epochs\.$/);

    const table = lab.page.getByRole('table', { name: 'Accuracy by rotation' });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: COMPARE_MS }).toBe(2);
    const byRun = await rotationTable();
    expect([...byRun.keys()]).toEqual(['no rotation', 'rotation ±30°']);
    const plain = byRun.get('no rotation')!;
    const rotated = byRun.get('rotation ±30°')!;
    expect([...plain.keys()]).toEqual([-45, -30, -15, 0, 15, 30, 45]);
    const figures = `plain ${JSON.stringify([...plain])}, rotated ${JSON.stringify([...rotated])}`;
    expect(rotated.get(-30)!, figures).toBeGreaterThan(plain.get(-30)!);
    expect(rotated.get(30)!, figures).toBeGreaterThan(plain.get(30)!);
    expect(plain.get(0)!, figures).toBeGreaterThanOrEqual(rotated.get(0)!);
    await lab.page.getByRole('img', { name: 'Accuracy by rotation chart: 2 lines' }).waitFor({ state: 'visible', timeout: 5_000 });
  });
});
