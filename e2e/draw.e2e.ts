/**
 * Drawing a digit for the network, with the mouse as a student would: a
 * vertical stroke is a 1, a closed loop a 0; Undo and Clear take ink away
 * again. One network is trained once (10,000 training images, one epoch,
 * learning rate 0.1, momentum 0.9: about 90% accuracy) and shared by the
 * tests; each starts from an empty pad.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { DIGIT_STROKES, type LabPage, line } from './support/browser.ts';
import { labPerFile } from './support/sessions.ts';

/** Data, one epoch of 10,000 images, and the validation and test passes, on a slow 2-core machine. */
const RUN_MS = 300_000;
/** A prediction is one forward pass of one image in the worker. */
const PREDICT_MS = 15_000;
const EMPTY = 'Draw a digit to see what the network thinks.';
const PREDICTION = /^Prediction: (\d) \((\d+)%\)$/;

let lab: LabPage;
labPerFile('?trainLimit=10000', { name: 'draw', train: { learningRate: '0.1', momentum: '0.9', epochs: '1' }, runMs: RUN_MS }, (s) => (lab = s.lab));

beforeEach(async () => {
  await lab.clearPad.click();
  await expect.poll(() => lab.prediction.textContent(), { timeout: 5_000 }).toBe(EMPTY);
});

const predictionText = async () => (await lab.prediction.textContent())?.trim() ?? '';

describe('the drawing pad with a trained network', () => {
  test('reads a vertical stroke as a 1, and Clear empties the pad and takes the answer away', async () => {
    expect(await lab.inkPixels(lab.pad), 'ink on the pad before drawing').toBe(0);
    expect(await lab.undoStroke.isDisabled(), 'Undo with nothing drawn').toBe(true);

    await lab.draw(DIGIT_STROKES.one);
    await expect.poll(predictionText, { timeout: PREDICT_MS }).toMatch(/^Prediction: 1 \(\d+%\)$/);
    const percent = PREDICTION.exec(await predictionText())?.[2];
    // The bars say the same: ten of them, the 1's at the percentage in the line above.
    const bars = await lab.probabilityTexts();
    expect(bars).toHaveLength(10);
    expect(bars[1]).toBe(`1: ${percent}%`);
    expect(await lab.inkPixels(lab.pad), 'ink on the pad').toBeGreaterThan(100);
    expect(await lab.inkPixels(lab.networkInput), 'ink in the 28×28 input').toBeGreaterThan(10);
    expect(await lab.undoStroke.isEnabled()).toBe(true);

    await lab.clearPad.click();
    await expect.poll(predictionText, { timeout: 5_000 }).toBe(EMPTY);
    expect(await lab.probabilityBars.count(), 'bars after Clear').toBe(0);
    expect(await lab.inkPixels(lab.pad), 'ink on the pad after Clear').toBe(0);
    expect(await lab.inkPixels(lab.networkInput), 'ink in the 28×28 input after Clear').toBe(0);
    expect(await lab.undoStroke.isDisabled(), 'Undo after Clear').toBe(true);
  });

  test('reads a closed loop as a 0', async () => {
    await lab.draw(DIGIT_STROKES.zero);
    await expect.poll(predictionText, { timeout: PREDICT_MS }).toMatch(/^Prediction: 0 \(\d+%\)$/);
    expect((await lab.probabilityTexts())[0]).toBe(`0: ${PREDICTION.exec(await predictionText())?.[2]}%`);
  });

  test('Undo stroke takes back the last stroke only, and the answer with it', async () => {
    await lab.draw(DIGIT_STROKES.one);
    await expect.poll(predictionText, { timeout: PREDICT_MS }).toMatch(/^Prediction: 1 \(\d+%\)$/);
    const one = await predictionText();
    const onePad = await lab.canvasImage(lab.pad);
    const oneInput = await lab.canvasImage(lab.networkInput);

    // A bar out to the left of the top, as for a 7. Whatever the network makes of it, its answer is not the 1's any more.
    await lab.draw([line({ x: 0.25, y: 0.15 }, { x: 0.52, y: 0.15 }, 20)]);
    expect(await lab.canvasImage(lab.networkInput), 'the input with the second stroke').not.toBe(oneInput);
    await expect.poll(predictionText, { timeout: PREDICT_MS }).not.toBe(one);
    expect(await predictionText()).toMatch(PREDICTION);

    await lab.undoStroke.click();
    await expect.poll(predictionText, { timeout: PREDICT_MS }).toBe(one);
    expect(await lab.canvasImage(lab.pad), 'the pad after Undo').toBe(onePad);
    expect(await lab.canvasImage(lab.networkInput), 'the input after Undo').toBe(oneInput);
    expect(await lab.undoStroke.isEnabled(), 'one stroke left to undo').toBe(true);

    await lab.undoStroke.click();
    await expect.poll(predictionText, { timeout: 5_000 }).toBe(EMPTY);
    expect(await lab.inkPixels(lab.pad), 'ink after undoing every stroke').toBe(0);
    expect(await lab.probabilityBars.count()).toBe(0);
    expect(await lab.undoStroke.isDisabled(), 'Undo on an empty pad').toBe(true);
  });
});
