/**
 * What a student does with the lab, end to end in Chromium: set the learning
 * rate, train, watch the curves, pause, stop, and see a too-large learning
 * rate fail in words. The first test opens the page as a student would, and
 * checks the engine the worker chose. The runs train on the WebAssembly SIMD
 * engine (`?backend=simd`, whatever a probe on a loaded machine would pick),
 * which trains an epoch of 5,000 images faster than it can be watched: a
 * run that is watched while it trains (its curve growing, an epoch's summary
 * replaced by the next, Pause) takes all 50,000 training images, about a
 * second an epoch here; the divergence test takes 5,000 (validation stays
 * 10,000).
 */
import { describe, expect, test } from 'vitest';
import type { LabPage } from './support/browser.ts';
import { labPerTest } from './support/sessions.ts';

/** A run to watch while it trains: every training image, on the SIMD engine. */
const WATCHED = '?backend=simd';
/** A run that is only judged at its end. */
const QUICK = '?trainLimit=5000&backend=simd';

/** Data loading, backend start and the first batches, generously, for a slow CI machine. */
const FIRST_POINT_MS = 120_000;
/** One epoch (of up to 50,000 images) plus a 10,000-image validation pass. */
const EPOCH_MS = 150_000;

const EPOCH_SUMMARY = (epoch: number, epochs: number) =>
  new RegExp(`Epoch ${epoch}/${epochs} · train loss [\\d.]+ · validation loss [\\d.]+ · validation accuracy ([\\d.]+)%`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const open = labPerTest();

const trainingPoints = async (lab: LabPage) => (await lab.lossPointCounts()).training;

describe('the lab page', () => {
  test('shows the labelled settings, the run buttons and the engine the worker chose by timing, with why', async () => {
    const lab = await open();

    // A number field: type="number", or a text field with a decimal keypad. The latter lets a typo such as
    // 'abc' stay visible next to its message instead of being silently emptied by the browser.
    const type = await lab.learningRate.getAttribute('type');
    const inputMode = await lab.learningRate.getAttribute('inputmode');
    expect(type === 'number' || (type === 'text' && inputMode === 'decimal'), `learning rate type=${type} inputmode=${inputMode}`).toBe(true);
    expect(await lab.learningRateSlider.getAttribute('type')).toBe('range');
    for (const field of [lab.momentum, lab.epochs, lab.batchSize]) {
      await field.waitFor({ state: 'visible' });
      expect(await field.isEditable()).toBe(true);
    }
    for (const button of [lab.trainButton, lab.pauseButton, lab.stopButton, lab.resetButton]) {
      await button.waitFor({ state: 'visible' });
    }
    expect(await lab.trainButton.isEnabled()).toBe(true);

    // The worker times the engines it has and names the fastest, with how much faster it was. On this
    // machine (no GPU: WebGL on SwiftShader, which is named as such and not timed) that is the SIMD engine,
    // by 5-10×; a probe on a machine loaded by other work may still time tfjs wasm faster, which is its call.
    await lab
      .text(
        /^Backend: (WebAssembly SIMD, 1 thread( \(2 for a comparison\))?|wasm \(WebAssembly, CPU\)) · [\d.]+× faster than (tfjs wasm|WebAssembly SIMD) here; WebGL runs on a software renderer \(SwiftShader\), which computes on the CPU, and was not timed$/,
      )
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    await lab
      .text(/^Start-up test [\d.]+ s · ms per batch of 64: WebAssembly SIMD [\d.]+, tfjs wasm [\d.]+/)
      .first()
      .waitFor({ state: 'visible' });
    const { engine } = (await lab.state()) as { engine: { engine: string; reason: string; renderer: string } | null };
    expect(engine, 'engine in the store').toMatchObject({ reason: 'measured', renderer: 'swiftshader' });
  });

  test('explains an invalid learning rate next to the field and blocks training until it is fixed', async () => {
    const lab = await open();
    const cases: Array<[string, RegExp]> = [
      ['0', /greater than 0/],
      ['', /Enter a value for learning rate/],
      ['-1', /greater than 0/],
      ['abc', /must be a number/],
    ];
    for (const [value, message] of cases) {
      await lab.learningRate.fill(value);
      const alert = lab.alert(message).first();
      await alert.waitFor({ state: 'visible', timeout: 5_000 });
      expect(await lab.learningRate.getAttribute('aria-invalid'), `aria-invalid for '${value}'`).toBe('true');
      // "Next to the field" for a screen reader too: the input names the alert as its description.
      const alertId = await alert.getAttribute('id');
      const describedBy = (await lab.learningRate.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
      expect(alertId !== null && describedBy.includes(alertId), `aria-describedby="${describedBy.join(' ')}" names the alert (id=${alertId})`).toBe(true);
      await expect.poll(() => lab.trainButton.isDisabled(), { message: `Train disabled for '${value}'` }).toBe(true);
    }

    await lab.learningRate.fill('0.01');
    await expect.poll(() => lab.trainButton.isEnabled(), { message: 'Train enabled again' }).toBe(true);
    expect(await lab.learningRate.getAttribute('aria-invalid')).not.toBe('true');
    expect(
      await lab.page
        .getByRole('alert')
        .filter({ hasText: /learning rate/i })
        .count(),
    ).toBe(0);
  });

  test('trains two epochs with the chosen learning rate and momentum, with live progress, curves and summaries', async () => {
    const lab = await open(WATCHED);
    await lab.configure({ learningRate: '0.05', momentum: '0.9', epochs: '2' });
    await lab.trainButton.click();

    // Progress: a named progress bar with a 0..100 value and the epoch in words.
    await lab.progress.waitFor({ state: 'visible', timeout: FIRST_POINT_MS });
    await lab
      .text(/Epoch [12] of 2/)
      .first()
      .waitFor({ state: 'visible', timeout: FIRST_POINT_MS });
    const valueNow = Number(await lab.progress.getAttribute('aria-valuenow'));
    expect(valueNow).toBeGreaterThanOrEqual(0);
    expect(valueNow).toBeLessThanOrEqual(100);

    // The training curve grows while the network trains.
    await expect.poll(() => trainingPoints(lab), { timeout: FIRST_POINT_MS, interval: 250 }).toBeGreaterThan(0);
    const early = await trainingPoints(lab);
    await expect.poll(() => trainingPoints(lab), { timeout: EPOCH_MS, interval: 250 }).toBeGreaterThan(early);

    // The page shows the latest epoch's summary only, so watch every frame for epoch 1's before it is replaced.
    await lab.waitForTextEachFrame(EPOCH_SUMMARY(1, 2), EPOCH_MS);
    const epoch2 = lab.text(EPOCH_SUMMARY(2, 2)).first();
    await epoch2.waitFor({ state: 'visible', timeout: EPOCH_MS });
    const accuracy = Number(EPOCH_SUMMARY(2, 2).exec((await epoch2.textContent()) ?? '')?.[1]);
    expect(accuracy, 'validation accuracy after epoch 2, %').toBeGreaterThan(80);

    await lab
      .text(/Finished 2 epochs/)
      .first()
      .waitFor({ state: 'visible', timeout: EPOCH_MS });
    await lab
      .text(/Test accuracy [\d.]+%/)
      .first()
      .waitFor({ state: 'visible', timeout: EPOCH_MS });
    const counts = await lab.lossPointCounts();
    expect(counts.validation, 'one validation point per epoch at least').toBeGreaterThanOrEqual(2);
    expect(await lab.trainButton.isEnabled()).toBe(true);
  });

  test('pauses, resumes and stops a run between batches', async () => {
    const lab = await open(WATCHED);
    // Many epochs so that the run cannot finish on its own before Stop.
    await lab.configure({ epochs: '20' });
    await lab.trainButton.click();
    await expect.poll(() => trainingPoints(lab), { timeout: FIRST_POINT_MS, interval: 250 }).toBeGreaterThan(2);

    await lab.pauseButton.click();
    await lab.resumeButton.waitFor({ state: 'visible', timeout: 10_000 });
    // A group of losses already read back when Pause arrived may still land.
    await sleep(500);
    const paused = await trainingPoints(lab);
    await sleep(1_500);
    expect(await trainingPoints(lab), 'training points while paused').toBe(paused);

    await lab.resumeButton.click();
    await lab.pauseButton.waitFor({ state: 'visible', timeout: 10_000 });
    await expect.poll(() => trainingPoints(lab), { timeout: 60_000, interval: 250 }).toBeGreaterThan(paused);

    await lab.stopButton.click();
    await lab
      .text(/Stopped/)
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await expect.poll(() => lab.trainButton.isEnabled(), { timeout: 10_000 }).toBe(true);
  });

  test('stops by itself and says why when a learning rate of 10 makes the loss diverge', async () => {
    const lab = await open(QUICK);
    await lab.configure({ learningRate: '10', epochs: '1' });
    await lab.trainButton.click();

    await lab
      .alert(/learning rate is too large: the loss diverged/i)
      .first()
      .waitFor({ state: 'visible', timeout: EPOCH_MS });

    // The page stays usable: a new learning rate can be typed and trained with.
    await expect.poll(() => lab.trainButton.isEnabled(), { timeout: 10_000 }).toBe(true);
    expect(await lab.learningRate.isEditable()).toBe(true);
    await lab.learningRate.fill('0.01');
    expect(await lab.learningRate.inputValue()).toBe('0.01');
    expect(await lab.learningRate.getAttribute('aria-invalid')).not.toBe('true');
    await expect.poll(() => lab.trainButton.isEnabled()).toBe(true);
  });
});
