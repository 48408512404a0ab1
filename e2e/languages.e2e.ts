/**
 * The page in Brazilian Portuguese, end to end: opened with `?lang=pt-BR`,
 * it trains an epoch, and then every text a student sees (and every name,
 * title and value a screen reader reads) in the walked parts of the page is
 * checked against the pt-BR catalogue; what is not in it is listed. Then the
 * language switch in the header re-words the panels in English without
 * losing what was trained.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ptBR } from '../src/i18n/pt-BR/index.ts';
import { type PadPoint, line } from './support/browser.ts';
import { catalogueChecker } from './support/catalogue.ts';
import { labPerTest } from './support/sessions.ts';

/** The walk reads the whole page: every part of it is translated. */
const WALKED_PARTS = ['body'] as const;

/** Names that read the same in both languages (and the language switch's own names, each in its language). */
const PROPER_NOUNS = [
  'mnist-lab',
  'MNIST',
  'ANN_MNIST',
  'SGD',
  'Adam',
  'AdamW',
  'RMSprop',
  'Adagrad',
  'Nesterov',
  'ReLU',
  'Leaky',
  'tanh',
  'Glorot',
  'PyTorch',
  'fast.ai',
  'tfjs',
  'WebGL',
  'WebAssembly',
  'wasm',
  'cpu',
  'CPU',
  'GPU',
  'JavaScript',
  'ROC',
  'AUC',
  'NLL',
  'lr',
  'μ',
  'English',
  'Português',
  'Brasil',
];

const QUERY = '?lang=pt-BR&backend=wasm&trainLimit=2000';
/** Loading the data, one epoch of 2,000 images, and the validation and test passes (10,000 images each) on wasm. */
const RUN_MS = 90_000;

const checker = catalogueChecker(ptBR, PROPER_NOUNS);

interface Seen {
  text: string;
  /** Where it was: the attribute, or "text", and the nearest heading. */
  where: string;
}

/**
 * Every visible text node and every aria-label, title, aria-valuetext,
 * placeholder and alt of a visible element under the parts given. Visually
 * hidden text (a chart's table) counts: a screen reader reads it.
 */
function visibleTexts(page: Page, parts: readonly string[]): Promise<Seen[]> {
  return page.evaluate((selectors) => {
    const out: { text: string; where: string }[] = [];
    const visible = (el: Element) => el.checkVisibility({ visibilityProperty: true });
    const heading = (el: Element) => el.closest('section, header, div.eval')?.querySelector('h1, h2, h3')?.textContent?.trim() ?? '?';
    for (const root of selectors.flatMap((s) => Array.from(document.querySelectorAll(s)))) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        const text = node.textContent?.trim() ?? '';
        if (text && el && !el.closest('script, style') && visible(el)) out.push({ text, where: `text in "${heading(el)}"` });
      }
      for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
        if (!visible(el)) continue;
        for (const attr of ['aria-label', 'title', 'aria-valuetext', 'placeholder', 'alt']) {
          const value = el.getAttribute(attr)?.trim();
          if (value) out.push({ text: value, where: `${attr} in "${heading(el)}"` });
        }
      }
    }
    return out;
  }, parts);
}

/** What the walk found that is in no catalogue entry, once each, with where. */
async function leftovers(page: Page): Promise<{ seen: number; foreign: string[] }> {
  const seen = await visibleTexts(page, WALKED_PARTS);
  const foreign = seen.filter((s) => checker.isForeign(s.text));
  return { seen: seen.length, foreign: [...new Set(foreign.map((s) => `${JSON.stringify(s.text)} (${s.where})`))] };
}

/** Draws strokes on the pad (pad units, 0..1) with the mouse. */
async function draw(page: Page, strokes: readonly (readonly PadPoint[])[]): Promise<void> {
  const pad = page.getByRole('img', { name: ptBR.draw.pad.name, exact: true });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the drawing pad has no box');
  for (const stroke of strokes) {
    await page.mouse.move(box.x + stroke[0].x * box.width, box.y + stroke[0].y * box.height);
    await page.mouse.down();
    for (const p of stroke.slice(1)) await page.mouse.move(box.x + p.x * box.width, box.y + p.y * box.height);
    await page.mouse.up();
  }
}

const open = labPerTest(QUERY);

describe('the page in Brazilian Portuguese', () => {
  test('trains an epoch with every walked text from the pt-BR catalogue, then switches to English keeping the results', async () => {
    const lab = await open(QUERY, { readyWhen: (p) => p.getByRole('button', { name: ptBR.controls.train, exact: true }) });
    const page = lab.page;
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt-BR');

    await page.getByLabel(ptBR.settings.fields.epochs.label, { exact: true }).fill('1');
    await page.getByRole('button', { name: ptBR.controls.train, exact: true }).click();
    await page.getByText(/^Acurácia de teste [\d,]+ %/).waitFor({ state: 'visible', timeout: RUN_MS });
    // The evaluation panels render as a deferred update: wait for the test point and the ROC curves.
    const accuracyChart = page.getByRole('img', { name: /^Acurácia de validação por época: época 1 [\d,]+ %, teste [\d,]+ %$/ });
    await accuracyChart.waitFor({ state: 'attached', timeout: 10_000 });
    await page.getByRole('img', { name: /^Curvas ROC dos dígitos 0, 1, 2/ }).waitFor({ state: 'attached', timeout: 10_000 });
    // Accuracy by rotation arrives after the run's end: its chart and table are walked too.
    await page.getByRole('table', { name: ptBR.rotation.heading, exact: true }).waitFor({ state: 'visible', timeout: 30_000 });
    // The drawing's answer, its preprocessing steps and its turned copies are on screen too.
    await page.getByRole('checkbox', { name: ptBR.draw.preview.showSteps }).check();
    await page.getByRole('button', { name: ptBR.rotation.try.show, exact: true }).click();
    // A 1 in a few points: each point re-renders the preview, and the stroke's shape does not matter here.
    await draw(page, [line({ x: 0.52, y: 0.15 }, { x: 0.48, y: 0.85 }, 6)]);
    await page.getByText(/^Previsão: \d \(\d+ %\)$/).waitFor({ state: 'visible', timeout: 20_000 });
    await page
      .getByRole('list', { name: ptBR.rotation.try.label, exact: true })
      .getByText(/^\d \(\d+ %\)$/)
      .first()
      .waitFor({ state: 'visible', timeout: 20_000 });
    // No chart may add an unnamed focus stop (an svg[role=application] or with a tabindex, as chart libraries' keyboard layers do) inside its named image.
    const unnamed = await page.evaluate((parts) => {
      const inParts = (sel: string) => parts.flatMap((p) => Array.from(document.querySelectorAll(`${p} ${sel}`)));
      return {
        focusStops: inParts('svg[role="application"], svg[tabindex]').length,
        images: inParts('[role="img"]').filter((el) => !el.getAttribute('aria-label')?.trim()).length,
      };
    }, WALKED_PARTS);
    expect(unnamed, 'focus stops inside the charts, and images without a name').toEqual({ focusStops: 0, images: 0 });

    const pt = await leftovers(page);
    expect(pt.seen, 'texts the walk read (a walk that reads nothing proves nothing)').toBeGreaterThan(300);
    expect(pt.foreign, `English (or other text not in the pt-BR catalogue) on the page:\n${pt.foreign.join('\n')}`).toEqual([]);

    // What was trained, as the Portuguese page states it.
    const lossChart = page.getByRole('img', { name: /^Curvas de perda: / });
    const ptName = (await lossChart.getAttribute('aria-label')) ?? '';
    const trainingPoints = /^Curvas de perda: ([\d.]+) pontos? de treino, 1 ponto de validação$/.exec(ptName)?.[1];
    expect(trainingPoints, ptName).toBeDefined();

    // The switch in the header re-words the panels; the run, its curves and its evaluation stay.
    await page.getByRole('combobox', { name: new RegExp(`^${ptBR.common.language}`) }).selectOption('en');
    await page.getByRole('heading', { name: 'Confusion matrix', exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('img', { name: /^Loss curves: / }).getAttribute('aria-label')).toBe(
      `Loss curves: ${trainingPoints?.replaceAll('.', ',')} training points, 1 validation point`,
    );
    await page.getByText(/^Epoch 1\/1 · train loss [\d.]+ · validation loss [\d.]+ · validation accuracy [\d.]+%$/).waitFor({ state: 'visible' });
    await page.getByText(/^Test accuracy [\d.]+% · test loss [\d.]+ on the official 10,000 test images$/).waitFor({ state: 'visible' });
    await page.getByRole('img', { name: /^Validation accuracy by epoch: epoch 1 [\d.]+%, test [\d.]+%$/ }).waitFor({ state: 'attached' });
    await page.getByText(/^Prediction: \d \(\d+%\)$/).waitFor({ state: 'visible' });
    // The same walk over the English page finds the English: the check above can fail.
    const en = await leftovers(page);
    expect(en.foreign.join('\n')).toContain('"Confusion matrix"');
    expect(en.foreign.length, 'English texts the walk flags on the English page').toBeGreaterThan(50);
  });
});
