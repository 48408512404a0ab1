/**
 * What goes wrong, end to end: Reset and Train in a hurry, a WebGL context
 * lost during a run or before it, a worker that closes silently or loops for
 * ever. Each must end in a usable page with a message, the interrupted run's
 * curves still shown, and a next run that trains. Faults are caused through
 * the page's test hook (`?faults=1`: window.mnistLab.fault), which makes the
 * worker lose its WebGL context (WEBGL_lose_context), call self.close(), or
 * spin in an endless loop. Runs are short: a few hundred images, one epoch;
 * only the WebGL tests run on WebGL.
 */
import { describe, expect, test } from 'vitest';
import type { LabPage } from './support/browser.ts';
import { labPerTest } from './support/sessions.ts';
import type { Fault } from '../src/worker/protocol.ts';

const WASM = '?faults=1&backend=wasm&trainLimit=1000&validation=500';
/** Epochs of 20,000 images (~2 s on wasm): a run that is surely mid-epoch when the fault comes, without a page busy drawing an epoch every 0.1 s. */
const WASM_LONG = '?faults=1&backend=wasm&trainLimit=20000&validation=500';
const WEBGL = '?faults=1&backend=webgl&trainLimit=2000&validation=500';

/** Page load, backend start (WebGL compiles its shaders first) and the first batches, generously. */
const FIRST_POINT_MS = 90_000;
/** A one-epoch run of up to 20,000 images and the 10,000-image test pass on wasm. */
const SHORT_RUN_MS = 60_000;
/** The watchdog's silence limit on wasm (src/app/watchdog.ts) and a margin for a loaded machine. */
const SILENT_WASM_MS = 6_000 + 10_000;

const open = labPerTest();

const trainingPoints = async (lab: LabPage) => (await lab.lossPointCounts()).training;

function fault(lab: LabPage, kind: Fault): Promise<void> {
  return lab.page.evaluate((k) => (window as unknown as { mnistLab: { fault(k: string): void } }).mnistLab.fault(k), kind);
}

/**
 * Until the store's run phase is `phase`, seen at the store's own change, not
 * at an animation frame: on a fast engine, or with the page busy drawing, a
 * phase can begin and end between two frames (the test pass of 10,000 images
 * on wasm did, in one CI run).
 */
async function waitForPhase(lab: LabPage, phase: string, timeoutMs: number): Promise<void> {
  await lab.page.evaluate(
    ([p, ms]) =>
      new Promise<void>((resolve, reject) => {
        type State = { run: { phase: string } | null };
        const store = (window as unknown as { mnistLab: { getState(): State; subscribe(listener: (s: State) => void): () => void } }).mnistLab;
        if (store.getState().run?.phase === p) return resolve();
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`no run phase "${p}" within ${ms} ms (now "${store.getState().run?.phase}")`));
        }, ms);
        const stop = store.subscribe((s) => {
          if (s.run?.phase !== p) return;
          clearTimeout(timer);
          stop();
          resolve();
        });
      }),
    [phase, timeoutMs] as const,
  );
}

/** Trains a one-epoch run to its test evaluation: the page is usable again. */
async function trainsAgain(lab: LabPage): Promise<void> {
  await lab.configure({ epochs: '1' });
  await expect.poll(() => lab.trainButton.isEnabled(), { timeout: 30_000 }).toBe(true);
  await lab.trainButton.click();
  await lab
    .text(/Test accuracy [\d.]+%/)
    .first()
    .waitFor({ state: 'visible', timeout: SHORT_RUN_MS });
}

/** Starts a run long enough to be interrupted and waits for its first loss points. */
async function trainingFor(lab: LabPage, epochs: string): Promise<number> {
  await lab.configure({ epochs });
  await expect.poll(() => lab.trainButton.isEnabled(), { timeout: 30_000 }).toBe(true);
  await lab.trainButton.click();
  await expect.poll(() => trainingPoints(lab), { timeout: FIRST_POINT_MS, interval: 200 }).toBeGreaterThan(0);
  return trainingPoints(lab);
}

describe('what goes wrong ends in a usable page', () => {
  test('Reset then Train straight away, while the test set is evaluated, while training, while the data loads: the next run trains', async () => {
    const lab = await open(WASM);
    await lab.configure({ epochs: '1' });
    await lab.trainButton.click();
    await waitForPhase(lab, 'testing', SHORT_RUN_MS);
    await lab.resetButton.click();
    // Train waits for the worker's answer to Reset (a moment); the click lands as soon as it can.
    await lab.trainButton.click({ timeout: 10_000 });
    await expect.poll(() => trainingPoints(lab), { timeout: SHORT_RUN_MS, interval: 100 }).toBeGreaterThan(0);

    await lab.resetButton.click();
    await lab.trainButton.click({ timeout: 10_000 });
    await lab.resetButton.click();
    await lab.trainButton.click({ timeout: 10_000 });
    await lab
      .text(/Test accuracy [\d.]+%/)
      .first()
      .waitFor({ state: 'visible', timeout: SHORT_RUN_MS });
    await expect.poll(() => lab.stopButton.isDisabled()).toBe(true);
  });

  test('a WebGL context lost mid-run: a message, the curves kept, the next run on wasm', async () => {
    const lab = await open(WEBGL);
    const before = await trainingFor(lab, '20');
    await fault(lab, 'lose-webgl');
    await lab
      .alert(/WebGL context was lost.*without WebGL.*curves so far are kept/)
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await lab
      .text(/^Interrupted$/)
      .first()
      .waitFor({ state: 'visible' });
    expect(await trainingPoints(lab), 'the interrupted run’s curve is still shown').toBeGreaterThanOrEqual(before);
    await lab
      .text(/Backend: wasm/)
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await trainsAgain(lab);
  });

  test('a WebGL context lost before Train: a message, and Train works on wasm', async () => {
    const lab = await open(WEBGL);
    await lab
      .text(/Backend: WebGL/)
      .first()
      .waitFor({ state: 'visible', timeout: 60_000 });
    await fault(lab, 'lose-webgl');
    await lab
      .alert(/WebGL context was lost.*without WebGL/)
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 });
    await lab
      .text(/Backend: wasm/)
      .first()
      .waitFor({ state: 'visible', timeout: 30_000 });
    await trainsAgain(lab);
  });

  test('a worker that closes itself silently (self.close()), then one that loops for ever, mid-run: the watchdog notices, the curves stay, Train works', async () => {
    const lab = await open(WASM_LONG);
    // The run after the first fault is the one the second fault interrupts: it proves Train works, the last run proves it again to the end.
    let before = await trainingFor(lab, '3');
    for (const kind of ['close', 'hang'] as const) {
      const t0 = Date.now();
      await fault(lab, kind);
      await lab
        .alert(/training worker stopped answering.*curves so far are kept/)
        .first()
        .waitFor({ state: 'visible', timeout: SILENT_WASM_MS });
      console.log(`[faults] ${kind}: noticed after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      expect(await trainingPoints(lab), 'the interrupted run’s curve is still shown').toBeGreaterThanOrEqual(before);
      if (kind === 'close') before = await trainingFor(lab, '3');
    }
    await trainsAgain(lab);
  });
});
