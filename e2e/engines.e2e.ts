/**
 * The hand-written WebAssembly SIMD engine in the page, on two threads (the
 * page is cross-origin isolated under `vite preview`): named on the page, it
 * trains a run to its test evaluation, each step's products split between
 * the training worker and a helper on a shared memory, and a race of three
 * learning rates, its runs split between the training worker and another.
 * The automatic choice is checked in lab.e2e.ts.
 */
import { describe, expect, test } from 'vitest';
import { labPerTest } from './support/sessions.ts';

const open = labPerTest();
/** Page load, engine start and a 2,000-image epoch with a 1,000-image validation: seconds on this engine. */
const RUN_MS = 60_000;

describe('the WebAssembly SIMD engine', () => {
  test('?backend=simd: the page names it, a run trains and is tested, a race of three rates finishes, all on it', async () => {
    // Two threads, which the page gives by default from four cores up only; forced, the engine takes them untimed.
    const lab = await open('?backend=simd&threads=2&trainLimit=2000&validation=1000');
    expect(await lab.page.evaluate(() => crossOriginIsolated), 'the preview server sends COOP and COEP').toBe(true);
    await lab
      .text(/^Backend: WebAssembly SIMD, 2 threads · chosen in the page address \(\?backend=simd\)$/)
      .first()
      .waitFor({ state: 'visible', timeout: RUN_MS });

    await lab.configure({ learningRate: '0.1', momentum: '0.9', epochs: '1' });
    await lab.trainButton.click();
    const finished = lab.text(/Finished 1 epoch\./).first();
    await finished.waitFor({ state: 'visible', timeout: RUN_MS });
    const test = await lab
      .text(/^Test accuracy ([\d.]+)%/)
      .first()
      .textContent();
    // 32 batches of 2,000 images at lr 0.1 with momentum 0.9: far above chance (10 %) on the official test set.
    expect(Number(/([\d.]+)%/.exec(test ?? '')?.[1]), 'test accuracy, %').toBeGreaterThan(40);

    await lab.raceRates.fill('0.01, 0.1, 10');
    await lab.startRace.click();
    await lab.raceMessage.waitFor({ state: 'visible', timeout: RUN_MS });
    expect(await lab.raceMessage.textContent()).toMatch(/^Race finished: 2 of 3 runs completed 1 epoch, 1 diverged\.$/);
    const rows = await lab.raceRows();
    expect(rows.map((r) => [r.learningRate, r.status])).toEqual([
      ['0.01', 'finished'],
      ['0.1', 'finished'],
      ['10', 'diverged'],
    ]);
    // The stacked runs split over two threads learn as one engine would: the larger rate further in one epoch.
    expect(Number(rows[1].validationAccuracy)).toBeGreaterThan(Number(rows[0].validationAccuracy));
  });
});
