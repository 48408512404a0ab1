/**
 * The saved-models panel's markup, rendered on the server: what a damaged
 * record and a browser without storage look like. (Reading from IndexedDB
 * runs in effects, which server rendering skips; the history panel, which
 * imports CSS that Node's type check cannot see, is checked end to end.)
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESET } from '../../shared/settings.ts';
import type { DamagedRecord } from '../storage/idb.ts';

vi.mock('../lab.ts', () => ({ trainer: {}, predictDrawing: () => undefined }));
const { ModelsPanel } = await import('./ModelsPanel.tsx');
const { useLab } = await import('../store/index.ts');
const { recordStore, storageAvailability } = await import('../storage/idb.ts');

const summary = {
  id: 4,
  name: 'x'.repeat(200),
  savedAt: '2026-11-27T10:00:00.000Z',
  arch: { sizes: [784, 128, 64, 10] },
  settings: PRESET,
  metrics: { epochsTrained: 1 },
};
const damaged: DamagedRecord[] = [
  { key: 9, name: 'old one', reason: { code: 'wrong', path: 'metrics.epochsTrained', expected: { kind: 'number' }, got: { kind: 'object' } } },
  { key: 'odd', name: null, reason: { code: 'wrong', path: '', expected: { kind: 'object' }, got: { kind: 'list' } } },
];

/**
 * zustand renders its *initial* state on the server (its server snapshot is
 * getInitialState), so the tests set that one; a copy puts it back.
 */
const initial = { ...useLab.getInitialState() };
const show = (patch: Partial<ReturnType<typeof useLab.getState>>) => Object.assign(useLab.getInitialState(), patch);
beforeEach(() => {
  Object.assign(useLab.getInitialState(), initial);
});

describe('with storage', () => {
  it('lists saved models, and damaged records apart with Remove, without their contents', () => {
    show({ savedModels: [summary], damagedModels: damaged });
    const html = renderToStaticMarkup(<ModelsPanel />);
    expect(html).toContain(`aria-label="Load ${summary.name}"`);
    expect(html).toContain('<strong>“old one”</strong> is damaged and cannot be used: metrics.epochsTrained must be a number, not an object.');
    expect(html).toContain('aria-label="Remove damaged old one"');
    expect(html).toContain('<strong>A saved model</strong> is damaged and cannot be used: it must be an object, not a list.');
    expect(html).toContain('aria-label="Remove damaged saved model"');
    // No test accuracy saved: nothing said about it, rather than "test NaN%".
    expect(html).not.toMatch(/NaN|undefined|Invalid Date/);
    expect(html).toContain('maxLength="200"');
  });
});

describe('without storage', () => {
  it('says that nothing is kept, and offers the file instead', async () => {
    await recordStore('probe', 1, 'x')
      .list((v) => ({ ok: true, value: v }))
      .catch(() => undefined);
    expect(storageAvailability()).toBe('unavailable');
    show({ model: { source: 'trained', name: 'mine', settings: PRESET, metrics: { epochsTrained: 1, testAccuracy: NaN } } });

    const models = renderToStaticMarkup(<ModelsPanel />);
    expect(models).toContain('role="note">Saving is unavailable in this browser (private mode, or storage turned off?)');
    expect(models).toMatch(/<button type="submit" disabled="">Save model<\/button><button type="button">Download current model<\/button>/);
    expect(models).toContain('test accuracy <span title="not available"><span aria-hidden="true">—</span><span class="sr-only">not available</span></span>');
    expect(models).not.toContain('No saved models in this browser yet');
  });
});
