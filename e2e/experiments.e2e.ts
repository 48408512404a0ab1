/**
 * Experiments beyond the learning rate, end to end in Chromium on the wasm
 * backend and small `?trainLimit` subsets: a comparison of SGD (the preset)
 * and Adam (lr 0.001); a 1,000-image run whose validation loss rises while
 * its training loss falls, with the minimum marked on the chart, then the
 * same run with early stopping, which ends and says which epoch it kept; and
 * networks of hidden layers "32" and "256, 128, 64", which train, show their
 * parameter counts, save, load after a reload and draw. One page per group.
 */
import { describe, expect, test } from 'vitest';
import { DIGIT_STROKES, type LabPage } from './support/browser.ts';
import { labPerFile, labPerTest } from './support/sessions.ts';

/** One epoch of 2,000 images for both runs, and a 2,000-image validation pass for each, on a busy 2-core machine. */
const COMPARE_MS = 120_000;
/** Up to 25 epochs of 1,000 images, each judged on 2,000 validation images (10 epochs take 10-20 s here). */
const OVERFIT_MS = 150_000;
/** One epoch of 2,000 images, then the validation and test passes (4-9 s here). */
const SMALL_RUN_MS = 90_000;
const PREDICT_MS = 15_000;
const RELOAD_MS = 60_000;
const PREDICTION = /^Prediction: \d \(\d+%\)$/;

const open = labPerTest();

/** A setting's field in Settings, by its label (LabPage names only the notebook's four). */
function field(lab: LabPage, label: string) {
  return lab.page.getByLabel(label, { exact: true });
}

describe('compare any settings', () => {
  test('SGD (the preset) against Adam at lr 0.001 for one epoch: two named runs, Adam far ahead', async () => {
    const lab = await open('?trainLimit=2000&backend=wasm&validation=2000');
    await lab.configure({ epochs: '1' });
    await lab.racePanel.getByText(/^Compare any settings/).click();
    const runs = lab.racePanel.getByLabel('Runs to compare', { exact: true });
    await runs.fill('lr=0.1\nlr=1');
    await lab.racePanel.getByRole('button', { name: 'SGD vs Adam', exact: true }).click();
    expect(await runs.inputValue()).toBe('opt=sgd\nopt=adam lr=0.001');
    await lab.racePanel.getByText('Runs: SGD, lr = 0.01 · Adam, lr = 0.001', { exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    await lab.racePanel.getByRole('button', { name: 'Start comparison', exact: true }).click();

    await lab.raceMessage.waitFor({ state: 'visible', timeout: COMPARE_MS });
    expect(await lab.raceMessage.textContent()).toMatch(/^Race finished: 2 of 2 runs completed 1 epoch\.$/);
    const rows = await lab.raceRows();
    // Adam reads no momentum: its row has none, and no lr / (1 − μ).
    expect(rows.map((r) => [r.name, r.learningRate, r.momentum, r.status])).toEqual([
      ['SGD, lr = 0.01', '0.01', '0.5', 'finished'],
      ['Adam, lr = 0.001', '0.001', '—', 'finished'],
    ]);
    const [sgd, adam] = rows.map((r) => Number(r.validationAccuracy));
    // Adam's per-weight steps learn far faster from a cold start than SGD at 0.01 with momentum 0.5.
    expect(adam, `validation accuracy: Adam ${adam}% against SGD ${sgd}%`).toBeGreaterThan(sgd + 10);
    expect((await lab.raceChartCounts()).runs).toBe(2);
  });
});

/** One epoch's figures as the line under the loss chart states them. */
interface GapLine {
  epoch: number;
  train: number;
  validation: number;
  gap: number;
  text: string;
}

const GAP_LINE = /^Epoch (\d+): training loss ([\d.]+) · validation loss ([\d.]+) · gap (-?[\d.]+) nats/;

const GAP_LINE_START = /^Epoch \d+: training loss/;

/**
 * Records the line under the loss chart ("Epoch 3: training loss … · gap …")
 * after every change of the page, so that no epoch's line is missed however
 * soon the next replaces it (animation frames are too rare on a busy
 * machine). Call it just after Train: it waits for the previous run's line
 * to go, then records the new run's; `lines()` reads them back by epoch.
 */
async function recordGapLines(lab: LabPage): Promise<{ lines(): Promise<Map<number, GapLine>> }> {
  // Watched in the page, from one change to the next: the previous run's line may be gone for a
  // moment only (a fast run states its first epoch ~0.3 s later), too short for polling from here.
  await lab.page.evaluate(
    (start) =>
      new Promise<void>((resolve, reject) => {
        const w = window as unknown as { gapLines: string[]; gapObserver?: MutationObserver };
        const pattern = new RegExp(start);
        const shown = () => Array.from(document.querySelectorAll('p'), (p) => p.textContent ?? '').filter((t) => pattern.test(t));
        w.gapObserver?.disconnect();
        w.gapLines = [];
        let gone = shown().length === 0;
        const timer = setTimeout(() => {
          if (!gone) reject(new Error('the previous run’s line under the loss chart did not go within 10 s'));
        }, 10_000);
        if (gone) resolve();
        w.gapObserver = new MutationObserver(() => {
          const lines = shown();
          if (!gone && lines.length === 0) {
            gone = true;
            clearTimeout(timer);
            resolve();
          }
          if (!gone) return;
          for (const t of lines) if (w.gapLines.at(-1) !== t) w.gapLines.push(t);
        });
        w.gapObserver.observe(document.body, { subtree: true, childList: true, characterData: true });
      }),
    GAP_LINE_START.source,
  );
  return {
    async lines() {
      const texts = await lab.page.evaluate(() => (window as unknown as { gapLines: string[] }).gapLines);
      const byEpoch = new Map<number, GapLine>();
      for (const text of texts) {
        const m = GAP_LINE.exec(text);
        if (!m) throw new Error(`the line under the loss chart is not understood: ${text}`);
        // An epoch's line may be shown again with more words once the minimum is known: keep the last.
        byEpoch.set(Number(m[1]), { epoch: Number(m[1]), train: Number(m[2]), validation: Number(m[3]), gap: Number(m[4]), text });
      }
      return byEpoch;
    },
  };
}

describe('overfitting and early stopping on 1,000 images', () => {
  let lab: LabPage;
  labPerFile('?trainLimit=1000&backend=wasm&validation=2000', { name: 'overfitting' }, (s) => (lab = s.lab));

  /** Adam at lr 0.01 fits 1,000 images within a few epochs: its validation loss bottoms out near epoch 5 and climbs after. */
  async function overfittingSettings(s: { epochs: string; patience: string }): Promise<void> {
    await field(lab, 'Optimizer').selectOption('adam');
    await lab.configure({ learningRate: '0.01', batchSize: '64', epochs: s.epochs });
    await field(lab, 'Early stopping patience').fill(s.patience);
    expect(await field(lab, 'Training images').inputValue(), '?trainLimit fills the training-set size').toBe('1000');
  }

  test('without early stopping, validation loss rises while training loss falls, and the chart marks the minimum', async () => {
    await overfittingSettings({ epochs: '10', patience: '0' });
    await lab.trainButton.click();
    const gapLines = await recordGapLines(lab);
    await lab
      .text(/Test accuracy [\d.]+%/)
      .first()
      .waitFor({ state: 'visible', timeout: OVERFIT_MS });
    await lab.text('Finished 10 epochs.').waitFor({ state: 'visible', timeout: 5_000 });
    const lines = await gapLines.lines();
    const shown = () => JSON.stringify([...lines.values()].map((l) => l.text));
    // The line states each epoch as it ends, even while the chart behind it is still redrawing.
    expect([...lines.keys()], `epochs the line under the chart stated: ${shown()}`).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const last = lines.get(10);
    const lowest = /· lowest validation loss ([\d.]+) at epoch (\d+): the network is fitting the training images, not digits \(overfitting\)$/.exec(last!.text);
    expect(lowest, `the last line names the minimum and says overfitting: ${last!.text}`).not.toBeNull();
    const [minLoss, best] = [Number(lowest![1]), Number(lowest![2])];
    await lab.lossChart.getByText(`lowest validation loss (epoch ${best})`, { exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    const atBest = lines.get(best);
    expect(atBest!.validation, 'the marked minimum is the validation loss shown at its epoch').toBe(minLoss);
    for (const l of lines.values()) expect(l.validation, `validation loss at epoch ${l.epoch} against the marked minimum`).toBeGreaterThanOrEqual(minLoss);
    expect(best, 'the minimum comes well before the end').toBeLessThanOrEqual(8);
    // From the minimum to the end: validation loss up, training loss down, the gap wider.
    expect(last!.validation, 'validation loss at epoch 10 against its minimum').toBeGreaterThan(minLoss);
    expect(last!.train, `training loss at epoch 10 against epoch ${best}`).toBeLessThan(atBest!.train);
    expect(last!.gap, `gap at epoch 10 against epoch ${best}`).toBeGreaterThan(atBest!.gap);
  });

  test('with patience 2 the run stops 2 epochs after its lowest validation loss and says which epoch it kept', async () => {
    await overfittingSettings({ epochs: '25', patience: '2' });
    await lab.trainButton.click();
    const gapLines = await recordGapLines(lab);
    // The run's end, however it ended: a run that never stopped early fails below with its own closing line.
    await lab
      .text(/Test accuracy [\d.]+%/)
      .first()
      .waitFor({ state: 'visible', timeout: OVERFIT_MS });
    const message =
      (await lab.page
        .getByRole('status')
        .filter({ hasText: /^(Early stopping|Finished|Stopped)/ })
        .textContent()) ?? '';
    const said =
      /^Early stopping: the validation loss has not improved for (\d+) epochs; weights from epoch (\d+) restored \(validation loss ([\d.]+) nats\)\. The test set was scored with them\.$/.exec(
        message,
      );
    expect(said, `the early-stopping message: ${message}`).not.toBeNull();
    const [waited, kept, keptLoss] = [Number(said![1]), Number(said![2]), said![3]];
    expect(waited, 'epochs waited for a lower validation loss').toBe(2);
    const lines = await gapLines.lines();
    const end = Math.max(...lines.keys());
    expect(end, 'the run stopped at the kept epoch plus its patience').toBe(kept + waited);
    expect(end, 'the run ended before its 25 epochs').toBeLessThan(25);
    await lab.lossChart.getByText(`lowest validation loss (epoch ${kept})`, { exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    expect(lines.get(end)!.text, 'the line under the chart names the kept epoch').toMatch(
      new RegExp(`· lowest validation loss ${keptLoss.replace('.', '\\.')} at epoch ${kept}`),
    );
    expect(lines.get(kept)?.validation, `validation loss shown at epoch ${kept}`).toBe(Number(keptLoss));
    for (const l of lines.values()) expect(l.validation, `validation loss at epoch ${l.epoch} against the kept one`).toBeGreaterThanOrEqual(Number(keptLoss));
  });
});

describe('hidden layers', () => {
  const NETWORKS = [
    // (784·32 + 32) + (32·10 + 10)
    { layers: '32', name: 'e2e 32', network: '784 → 32 → 10 · 25,450 parameters' },
    // (784·256 + 256) + (256·128 + 128) + (128·64 + 64) + (64·10 + 10)
    { layers: '256, 128, 64', name: 'e2e 256-128-64', network: '784 → 256 → 128 → 64 → 10 · 242,762 parameters' },
  ] as const;

  test('"32" and "256, 128, 64" train, show their parameter counts, save, and after a reload load and draw as before', async () => {
    const lab = await open('?trainLimit=2000&backend=wasm&validation=2000');
    const networkLine = lab.text(/^Network: /);
    const currentModel = lab.text(/^Current model: /);
    const predictionText = async () => (await lab.prediction.textContent())?.trim() ?? '';
    /** The network's answer to what is on the pad: the line, then the ten bars. */
    const shownAnswer = async () => [await predictionText(), ...(await lab.probabilityTexts())];
    /** The answer to a 1 drawn on an empty pad. */
    const answer = async () => {
      await lab.clearPad.click();
      await expect.poll(predictionText, { timeout: 5_000 }).not.toMatch(PREDICTION);
      await lab.draw(DIGIT_STROKES.one);
      await expect.poll(predictionText, { timeout: PREDICT_MS }).toMatch(PREDICTION);
      return shownAnswer();
    };

    expect(await networkLine.textContent(), 'the notebook’s network').toBe('Network: 784 → 128 → 64 → 10 · 109,386 parameters');
    // Adam at 0.01 learns enough in one epoch of 2,000 images to read the 1 with both networks (98 % and 89 % here).
    await field(lab, 'Optimizer').selectOption('adam');
    await lab.configure({ learningRate: '0.01', epochs: '1' });

    const answers: string[][] = [];
    for (const n of NETWORKS) {
      await field(lab, 'Hidden layers').fill(n.layers);
      await expect.poll(() => networkLine.textContent(), { timeout: 5_000 }).toBe(`Network: ${n.network}`);
      await lab.trainButton.click();
      // The model line changes once the run has been tested (the previous run's "Test accuracy" may still be on screen just after the click).
      await expect.poll(() => currentModel.textContent(), { timeout: SMALL_RUN_MS }).toMatch(new RegExp(`\\(trained here\\) · ${n.network} · test accuracy`));
      answers.push(await answer());
      expect(answers.at(-1)![0], `${n.layers}: the stroke read as a 1`).toMatch(/^Prediction: 1 /);

      await lab.modelName.fill(n.name);
      await lab.saveModel.click();
      await lab.modelsMessage('status', new RegExp(`Saved “${n.name}”`)).waitFor({ state: 'visible', timeout: 10_000 });
      // The inner locator is looked for inside each item: the button alone, not its path from the page.
      const saved = lab.savedModels.getByRole('listitem').filter({ has: lab.page.getByRole('button', { name: `Load ${n.name}`, exact: true }) });
      expect(await saved.textContent(), 'the saved model’s network').toContain(` · ${n.network} · `);
    }
    expect(answers[1], 'two networks, two answers').not.toEqual(answers[0]);

    await lab.page.reload();
    await lab.trainButton.waitFor({ state: 'visible', timeout: RELOAD_MS });
    await lab.text('No model yet: train one, or load a saved one.').waitFor({ state: 'visible', timeout: 5_000 });
    await lab.draw(DIGIT_STROKES.one);
    await expect.poll(predictionText, { timeout: PREDICT_MS }).toBe('There is no network to ask yet: train one, or load a saved model.');
    // Each model, once loaded, answers the 1 left on the pad.
    for (const [i, n] of NETWORKS.entries()) {
      await lab.loadModel(n.name).click();
      await lab.modelsMessage('status', new RegExp(`Loaded “${n.name}”`)).waitFor({ state: 'visible', timeout: 10_000 });
      expect(await currentModel.textContent()).toMatch(new RegExp(`^Current model: ${n.name} \\(loaded\\) · ${n.network}`));
      await expect.poll(shownAnswer, { timeout: PREDICT_MS, message: `${n.name}: the same 1 gets the same answer` }).toEqual(answers[i]);
    }
  });
});
