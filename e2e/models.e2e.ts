/**
 * Models that outlive the page: save the trained network in the browser,
 * reload, load it back; download it as a file and upload that file into a
 * page that has no network; and refuse damaged or foreign files in words.
 * "The same model" is checked the way a student would notice: the same
 * drawings get the same answers, digit and percentages. One network is
 * trained once (10,000 images, one epoch, learning rate 0.1, momentum 0.9)
 * and the tests share the page, in order.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, onTestFinished, test } from 'vitest';
import { DIGIT_STROKES, type LabPage, type PadPoint, line } from './support/browser.ts';
import { labPerFile } from './support/sessions.ts';

/** Data, one epoch of 10,000 images, and the validation and test passes, on a slow 2-core machine. */
const RUN_MS = 300_000;
const PREDICT_MS = 15_000;
/** A reload starts the page and its worker again. */
const RELOAD_MS = 60_000;
const PREDICTION = /^Prediction: \d \(\d+%\)$/;
const NO_NETWORK = 'There is no network to ask yet: train one, or load a saved model.';

let lab: LabPage;
labPerFile('?trainLimit=10000', { name: 'models', train: { learningRate: '0.1', momentum: '0.9', epochs: '1' }, runMs: RUN_MS }, (s) => (lab = s.lab));

const predictionText = async () => (await lab.prediction.textContent())?.trim() ?? '';

/**
 * A slanted stroke that is no digit in particular: the network spreads its
 * answer over several digits (about 8: 31%, 5: 19%, 3: 18%, 4: 16%), so its
 * ten percentages tell one network from another, where a clear 1 at 100%
 * would not.
 */
const SKETCH: PadPoint[][] = [line({ x: 0.3, y: 0.2 }, { x: 0.7, y: 0.8 })];

/** Clears the pad, draws `strokes` and returns the network's answer once it has one. */
async function answer(strokes: readonly (readonly PadPoint[])[]): Promise<string> {
  await lab.clearPad.click();
  await expect.poll(predictionText, { timeout: 5_000 }).not.toMatch(PREDICTION);
  await lab.draw(strokes);
  await expect.poll(predictionText, { timeout: PREDICT_MS }).toMatch(PREDICTION);
  return predictionText();
}

interface Answers {
  /** "Prediction: 1 (100%)" for the vertical stroke. */
  one: string;
  /** The ten bars for the sketch. */
  sketch: string[];
}

/** What the current network says about the 1 and the sketch; the 1 is left on the pad. */
async function ask(): Promise<Answers> {
  await answer(SKETCH);
  const sketch = await lab.probabilityTexts();
  return { one: await answer(DIGIT_STROKES.one), sketch };
}

/** Saves the current model under `name` and waits for it in the list. */
async function save(name: string): Promise<void> {
  await lab.modelName.fill(name);
  await lab.saveModel.click();
  await lab.modelsMessage('status', new RegExp(`Saved “${name}”`)).waitFor({ state: 'visible', timeout: 10_000 });
  await lab.loadModel(name).first().waitFor({ state: 'visible', timeout: 5_000 });
}

/** Reloads the page and checks that the network is gone: the same drawing now gets no answer. */
async function reloadWithoutNetwork(): Promise<void> {
  await lab.page.reload();
  await lab.trainButton.waitFor({ state: 'visible', timeout: RELOAD_MS });
  await lab.text('No model yet: train one, or load a saved one.').waitFor({ state: 'visible', timeout: 5_000 });
  await lab.draw(DIGIT_STROKES.one);
  await expect.poll(predictionText, { timeout: PREDICT_MS }).toBe(NO_NETWORK);
}

describe('saved models', () => {
  test('saves the trained model, and after a reload loads it back: the same drawings get the same answers', async () => {
    await save('e2e digits');
    const before = await ask();
    expect(before.one, 'the trained network reads the stroke as a 1').toMatch(/^Prediction: 1 /);
    expect(before.sketch).toHaveLength(10);

    await reloadWithoutNetwork();
    await lab.loadModel('e2e digits').click();
    await lab.modelsMessage('status', /Loaded “e2e digits”/).waitFor({ state: 'visible', timeout: 10_000 });
    await lab.text(/Current model: e2e digits \(loaded\)/).waitFor({ state: 'visible', timeout: 5_000 });
    // The drawing already on the pad is asked again as soon as the model is in.
    await expect.poll(predictionText, { timeout: PREDICT_MS }).toBe(before.one);
    expect(await ask(), 'the same drawings, drawn again').toEqual(before);
  });

  test('refuses a damaged file and a file of the wrong shape in words, and keeps the current model', async () => {
    const before = await ask();
    const current = await lab.text(/^Current model: /).textContent();
    const listed = await lab.savedModels.getByRole('listitem').count();

    await lab.uploadModel.setInputFiles({
      name: 'broken.mnistlab.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        '{"format":"mnist-lab-model","version":1,"arch":{"sizes":[784,128,64,10]},"weights":{"dtype":"float32","base64":"AAAA","checksum":"0"}}',
      ),
    });
    await lab.modelsMessage('alert', /“broken\.mnistlab\.json”: This model file is damaged/).waitFor({ state: 'visible', timeout: 10_000 });

    await lab.uploadModel.setInputFiles({
      name: 'small.mnistlab.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        '{"format":"mnist-lab-model","version":1,"arch":{"sizes":[784,2000,10]},"weights":{"dtype":"float32","base64":"AAAA","checksum":"0"}}',
      ),
    });
    await lab
      .modelsMessage('alert', /“small\.mnistlab\.json”: This model's network cannot be built here: arch has sizes 784 → 2000 → 10/)
      .waitFor({ state: 'visible', timeout: 10_000 });

    expect(await lab.savedModels.getByRole('listitem').count(), 'nothing added to the list').toBe(listed);
    expect(await lab.text(/^Current model: /).textContent()).toBe(current);
    expect(await ask(), 'the current model after the refused files').toEqual(before);
  });

  test('downloads a saved model as a file that uploads back into a page without a network', async () => {
    await save('e2e file');
    const before = await ask();

    const [download] = await Promise.all([lab.page.waitForEvent('download', { timeout: 10_000 }), lab.downloadModel('e2e file').click()]);
    expect(download.suggestedFilename()).toBe('e2e_file.mnistlab.json');
    // Saved under its own name, as a browser would, so that the upload is of the file a student gets.
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mnist-lab-e2e-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const doc = JSON.parse(await readFile(file, 'utf8')) as { format?: unknown; name?: unknown; arch?: { sizes?: unknown } };
    expect({ format: doc.format, name: doc.name, sizes: doc.arch?.sizes }).toEqual({ format: 'mnist-lab-model', name: 'e2e file', sizes: [784, 128, 64, 10] });

    await reloadWithoutNetwork();
    await lab.uploadModel.setInputFiles(file);
    await lab.modelsMessage('status', /Uploaded and loaded “e2e file”/).waitFor({ state: 'visible', timeout: 10_000 });
    await lab.text(/Current model: e2e file \(loaded\)/).waitFor({ state: 'visible', timeout: 5_000 });
    await expect.poll(predictionText, { timeout: PREDICT_MS }).toBe(before.one);
    expect(await ask(), 'the same drawings, drawn again').toEqual(before);
  });
});
