/**
 * Present mode's markup, rendered on the server: the button that enters and
 * leaves it, the settings form's fold, the shortcuts' dialog and the pad's
 * sample digits, by the names people and the end-to-end tests find them by.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../lab.ts', () => ({
  trainer: {},
  predictDrawing: () => undefined,
  loadSample: () => undefined,
  train: () => undefined,
  pause: () => undefined,
  resume: () => undefined,
  stop: () => undefined,
  reset: () => undefined,
  setHyper: () => undefined,
}));
const { PresentButton } = await import('./PresentButton.tsx');
const { comparisonIsLatest } = await import('./usePresentLayout.ts');
const { Controls } = await import('../Controls.tsx');
const { ShortcutHelp } = await import('../keys/ShortcutHelp.tsx');
const { SampleDigits } = await import('../draw/SampleDigits.tsx');
const { useLab } = await import('../../store/index.ts');

/** zustand renders its initial state on the server: the tests set that one, and put it back. */
const initial = { ...useLab.getInitialState() };
const show = (patch: Partial<ReturnType<typeof useLab.getState>>) => Object.assign(useLab.getInitialState(), patch);
beforeEach(() => {
  Object.assign(useLab.getInitialState(), initial);
});

describe('the Present button', () => {
  it('is one toggle, pressed while presenting, so the same button leaves', () => {
    expect(renderToStaticMarkup(<PresentButton />)).toMatch(/<button[^>]*aria-pressed="false"[^>]*>Present<\/button>/);
    show({ present: true });
    expect(renderToStaticMarkup(<PresentButton />)).toMatch(/<button[^>]*aria-pressed="true"[^>]*>Present<\/button>/);
  });
});

describe('the settings form in present mode', () => {
  const beforeFold = (html: string) => html.slice(0, html.indexOf('<details'));
  const inFold = (html: string) => html.slice(html.indexOf('<details'), html.indexOf('</details>'));

  it('shows learning rate, momentum and epochs, and folds every other setting and the reset to the notebook', () => {
    show({ present: true });
    const html = renderToStaticMarkup(<Controls />);
    expect(html).toContain('<summary>More settings</summary>');
    for (const id of ['field-learningRate', 'field-momentum', 'field-epochs']) {
      expect(beforeFold(html), id).toContain(`id="${id}"`);
      expect(inFold(html), id).not.toContain(`id="${id}"`);
    }
    for (const id of ['field-optimizer', 'field-batchSize', 'field-seed', 'field-hiddenLayers']) expect(inFold(html), id).toContain(`id="${id}"`);
    expect(inFold(html)).toContain('Reset to the notebook’s settings');
    expect(html.match(/id="field-learningRate"/g), 'each field once').toHaveLength(1);
  });

  it('folds nothing outside present mode', () => {
    const html = renderToStaticMarkup(<Controls />);
    expect(html).not.toContain('<details');
    expect(html).toContain('id="field-batchSize"');
  });
});

describe('the comparison layout', () => {
  const run = (id: number) => ({ id }) as unknown as NonNullable<ReturnType<typeof useLab.getState>['run']>;
  const race = (runId: number) => ({ runId }) as unknown as NonNullable<ReturnType<typeof useLab.getState>['race']>;

  it('is for a comparison newer than the single run', () => {
    expect(comparisonIsLatest({ run: null, race: null })).toBe(false);
    expect(comparisonIsLatest({ run: null, race: race(1) })).toBe(true);
    expect(comparisonIsLatest({ run: run(1), race: race(2) })).toBe(true);
    expect(comparisonIsLatest({ run: run(3), race: race(2) }), 'a run trained after the race').toBe(false);
  });
});

describe('the shortcuts dialog', () => {
  it('is a dialog named by its heading, listing the eight shortcuts with their keys', () => {
    const html = renderToStaticMarkup(<ShortcutHelp onClose={() => {}} />);
    const labelled = /<dialog[^>]*aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(labelled).toBeTruthy();
    expect(html).toContain(`<h2 id="${labelled}">Keyboard shortcuts</h2>`);
    expect(html.match(/<tr>/g)).toHaveLength(9);
    for (const key of ['Space', 'Esc', 'R', 'C', 'L', 'P', '?']) expect(html).toContain(`<kbd>${key}</kbd>`);
    expect(html).toMatch(/<button[^>]*>Close<\/button>/);
  });
});

describe('the sample digits', () => {
  it('offer ten buttons named for their digit, and say what happened without a second status on the panel', () => {
    const html = renderToStaticMarkup(<SampleDigits />);
    for (let d = 0; d < 10; d++) expect(html).toContain(`aria-label="Load a sample ${d}"`);
    expect(html).not.toContain('role="status"');
    expect(html).toContain('aria-live="polite"');
    show({ sampleNote: { code: 'loaded', digit: 7, index: 1234 } });
    expect(renderToStaticMarkup(<SampleDigits />)).toContain('Sample 7 loaded: test image 1,234.');
    show({ sampleNote: { code: 'loading' } });
    expect(renderToStaticMarkup(<SampleDigits />)).toContain('still loading');
  });
});
