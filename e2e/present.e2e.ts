/**
 * Present mode and the keyboard, as an instructor at a 1280×720 projector
 * uses them: the shortcuts' help, the drawing pad filled without a pointer,
 * a run started, paused and resumed with Space and stopped with Esc, and the
 * one-screen dashboard after it. One page for the file; the tests run in order on it (the sample
 * digits wait for the data, so the run starts on a worker that has it).
 */
import type { Locator } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { LabPage } from './support/browser.ts';
import { labPerFile } from './support/sessions.ts';

/** Data and a first epoch of 2,000 images on wasm with its 1,000 validation images, on a slow 2-core machine. */
const RUN_MS = 120_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let lab: LabPage;
labPerFile('?backend=wasm&trainLimit=2000&validation=1000', { name: 'present' }, (s) => (lab = s.lab));

const presentButton = () => lab.page.getByRole('button', { name: 'Present', exact: true });
/** Keys go to the page, not to the field last filled. */
const leaveFields = () => lab.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/** The element's box lies wholly inside the viewport. */
async function onScreen(what: string, el: Locator, width: number, height: number): Promise<void> {
  const box = await el.boundingBox();
  expect(box, `${what} has a box`).not.toBeNull();
  const { x, y, width: w, height: h } = box!;
  expect({ what, left: x >= 0, top: y >= 0, right: x + w <= width + 0.5, bottom: y + h <= height + 0.5 }).toEqual({
    what,
    left: true,
    top: true,
    right: true,
    bottom: true,
  });
}

/** Texts shown on screen in a font under 20 px, as "size: text" (none expected at 1080p in present mode). */
function smallText(l: LabPage): Promise<string[]> {
  return l.page.evaluate(() => {
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim() ?? '';
      if (!el || !text) continue;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      const seen =
        box.width > 1 &&
        box.height > 1 &&
        box.bottom > 0 &&
        box.top < innerHeight &&
        style.visibility !== 'hidden' &&
        !el.closest('.sr-only, .draw-sr-only, .eval-sr-only, .race__sr-only');
      const size = Number.parseFloat(style.fontSize);
      if (seen && size < 19.5) small.push(`${size}px: ${text.slice(0, 40)}`);
    }
    return small;
  });
}

describe('keyboard and present mode', () => {
  test('? opens the list of shortcuts in a dialog, and Esc closes it and nothing else', async () => {
    await lab.page.setViewportSize({ width: 1280, height: 720 });
    await lab.page.keyboard.press('?');
    const dialog = lab.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getByRole('row').count(), 'a header and eight shortcuts').toBe(9);
    expect(await lab.page.evaluate(() => document.activeElement?.closest('dialog') !== null), 'focus inside the dialog').toBe(true);

    await lab.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await presentButton().getAttribute('aria-pressed')).toBe('false');
    expect(await lab.trainButton.isEnabled(), 'nothing started or stopped').toBe(true);
  });

  test('the pad fills without a pointer: C clears, a sample digit loads, Undo takes it back in one step, the next press loads another', async () => {
    // The samples come from the test set the worker is still loading: the button says so until it is there.
    const seven = lab.page.getByRole('button', { name: 'Load a sample 7', exact: true });
    const loaded = lab.text(/^Sample 7 loaded: test image [\d,]+\.$/);
    await seven.focus();
    await expect
      .poll(
        async () => {
          await lab.page.keyboard.press('Enter');
          return await loaded.count();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toBe(1);
    // Pressed until it came: start afresh (C) and load one, so that Undo has exactly one step to take back.
    await leaveFields();
    await lab.page.keyboard.press('c');
    await expect.poll(() => lab.inkPixels(lab.pad)).toBe(0);
    expect(await loaded.count(), 'Clear drops the note').toBe(0);
    await seven.focus();
    await lab.page.keyboard.press('Enter');
    await loaded.waitFor({ timeout: 10_000 });
    const first = await loaded.textContent();
    await expect.poll(() => lab.inkPixels(lab.pad), { timeout: 5_000 }).toBeGreaterThan(100);
    expect(await lab.inkPixels(lab.networkInput), 'the sample is the network’s input').toBeGreaterThan(10);

    await lab.undoStroke.click();
    await expect.poll(() => lab.inkPixels(lab.pad)).toBe(0);
    expect(await lab.undoStroke.isDisabled(), 'one step, taken back').toBe(true);

    // Pressed again, another 7 of the test set.
    await seven.click();
    await expect.poll(() => loaded.textContent(), { timeout: 10_000 }).not.toBe(first);
    expect(await lab.inkPixels(lab.pad)).toBeGreaterThan(100);
  });

  test('Space starts a run, pauses and resumes it; Esc stops it', async () => {
    // Many epochs, so that the run cannot end by itself before Esc.
    await lab.configure({ epochs: '20' });
    await leaveFields();
    await lab.page.keyboard.press(' ');
    await lab.stopButton.waitFor({ state: 'visible' });
    await expect.poll(() => lab.stopButton.isEnabled(), { timeout: 5_000 }).toBe(true);
    // After an epoch, so the evaluation panels have something to show in present mode. Any epoch: the
    // summary shows the latest only, and one of 2,000 images on wasm is replaced within a few frames
    // (a full run here never showed "Epoch 1/20" to the locator's polls).
    await lab
      .text(/^Epoch \d+\/20 · /)
      .first()
      .waitFor({ timeout: RUN_MS });

    await lab.page.keyboard.press(' ');
    await lab.resumeButton.waitFor({ timeout: 10_000 });
    // A group of losses already read back when the pause arrived may still land.
    await sleep(500);
    const paused = (await lab.lossPointCounts()).training;
    await sleep(1_000);
    expect((await lab.lossPointCounts()).training, 'training points while paused').toBe(paused);

    await lab.page.keyboard.press(' ');
    await lab.pauseButton.waitFor({ timeout: 10_000 });
    await lab.page.keyboard.press('Escape');
    await lab
      .text(/^Stopped/)
      .first()
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => lab.trainButton.isEnabled(), { timeout: 10_000 }).toBe(true);
  });

  test('at 1280×720 present mode shows the loss chart, the confusion matrix and the drawing pad at once, without scrolling', async () => {
    await lab.page.keyboard.press('p');
    await expect.poll(() => presentButton().getAttribute('aria-pressed')).toBe('true');
    for (const [width, height] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      await lab.page.setViewportSize({ width, height });
      await onScreen('loss chart', lab.lossChart, width, height);
      await onScreen('confusion matrix', lab.confusionTable, width, height);
      await onScreen('drawing pad', lab.pad, width, height);
      await onScreen('ROC chart', lab.rocChart, width, height);
      await onScreen('accuracy chart', lab.accuracyChart, width, height);
      await onScreen('Train', lab.trainButton, width, height);
      expect(await lab.page.evaluate(() => document.documentElement.scrollHeight), 'no scrolling').toBeLessThanOrEqual(height);
    }
    // Projector type: every text on the screen at least 20 px at 1080p (the viewport is 1920×1080 now), SVG labels included.
    expect(await smallText(lab), 'texts under 20 px').toEqual([]);

    await lab.page.setViewportSize({ width: 1280, height: 720 });
    await lab.page.keyboard.press('Escape');
    await expect.poll(() => presentButton().getAttribute('aria-pressed')).toBe('false');
  });
});
