/**
 * The history's markup, rendered on the server in Node: the names people and
 * end-to-end tests find things by. (Loading from IndexedDB runs in effects,
 * which server rendering skips.)
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { check } from '../../shared/validate.ts';
import { readStoredRecord } from './recordSchema.ts';
import { HistoryChart } from './HistoryChart.tsx';
import { HistoryTable, PAGE_SIZE } from './HistoryTable.tsx';
import { OVERLAY_MAX } from './useHistoryOverlay.ts';
import { recordFromRun, recordsFromRace, summarize } from './record.ts';
import { PRESET } from '../../shared/settings.ts';
import { doneRace, doneRun, raceRun } from './testFixtures.ts';

const AT = '2025-03-01T10:00:00.000Z';
const records = [
  { ...recordFromRun(doneRun(), AT)!, id: 1 },
  ...recordsFromRace(doneRace([raceRun(10, 'diverged', [0.3])]), PRESET, AT).map((r) => ({ ...r, id: 2, name: 'big "one" & <b>' })),
];
const noop = () => {};

afterEach(() => void i18n.changeLanguage('en'));
const table = (selected: number[]) =>
  renderToStaticMarkup(
    <HistoryTable
      rows={records.map(summarize)}
      selected={selected}
      onToggle={noop}
      onSelectAll={noop}
      onRename={() => Promise.resolve(true)}
      onDelete={noop}
    />,
  );

describe('HistoryTable', () => {
  it('names each run’s controls after it', () => {
    const html = table([]);
    expect(html).toContain('aria-label="Overlay Run · lr 0.01 · μ 0.5"');
    expect(html).toContain('aria-label="Rename Run · lr 0.01 · μ 0.5"');
    expect(html).toContain('aria-label="Delete Run · lr 0.01 · μ 0.5"');
    expect(html).toContain('aria-label="Overlay big &quot;one&quot; &amp; &lt;b&gt;"');
    expect(html).not.toContain('<b>');
    expect(html).toContain('aria-label="Overlay all runs"');
  });

  it('shows settings, epochs, accuracy and status', () => {
    const html = table([]);
    expect(html).toContain('<td>0.01</td><td>0.5</td><td>3</td><td>93.0%</td>');
    // The diverged race run trained 1 of 3 epochs.
    expect(html).toContain('<td>1 of 3</td><td>30.0%</td>');
    expect(html).toContain('history__status--diverged">diverged<');
    expect(html).toContain('race run');
  });

  it('marks ticked runs with their overlay colour', () => {
    const html = table([2]);
    expect(html.match(/history__row--selected/g)).toHaveLength(1);
    expect(html.match(/<svg class="history__swatch"/g)).toHaveLength(1);
    expect(html).toMatch(/aria-label="Overlay big[^"]*" checked=""/);
  });
});

describe('a run saved in one language, read in another', () => {
  it('words its status and note in the page’s language, from the codes it stored', async () => {
    // Saved while the page was in English: the name is the student's label, the rest are codes.
    const html = () => table([]);
    expect(html()).toContain('history__status--diverged">diverged<');
    expect(html()).toContain('This run diverged: the loss rose to 4.0e4 nats, far above its best and worse than guessing at batch 40, epoch 1.');
    await i18n.changeLanguage('pt-BR');
    const pt = html();
    expect(pt).toContain('history__status--diverged">divergiu<');
    expect(pt).toContain('history__status--completed">concluído<');
    expect(pt).toContain('Este treino divergiu: a perda subiu para 4,0e4 nats, muito acima do seu melhor valor e pior do que chutar no lote 40, época 1.');
    expect(pt).toContain('treino de corrida');
    expect(pt).toContain('<td>0,01</td><td>0,5</td><td>3</td><td>93,0 %</td>');
    expect(pt).toContain('<td>1 de 3</td>');
    expect(pt).not.toMatch(/diverged<|This run|race run|single run/);
  });

  it('shows a record written before notes were codes (an English message) with its text as it is', () => {
    // A diverged race run as the lab stored it in IndexedDB before notes were codes.
    const stored = {
      id: 7,
      name: 'Race · lr 10 · μ 0.5',
      savedAt: AT,
      kind: 'race',
      raceId: `${AT}#3`,
      settings: { ...PRESET, learningRate: 10, epochs: 3 },
      status: 'diverged',
      message: '#3 diverged: the loss rose to 4.0e+4 nats, far above its best and worse than guessing at batch 12, epoch 1. The other runs go on.',
      curves: { train: [{ epoch: 0.1, loss: 2.3 }], validation: [{ epoch: 1, loss: 2.31, accuracy: 0.098 }] },
      final: { trainLoss: 2.3, validationLoss: 2.31, validationAccuracy: 0.098 },
    };
    const r = check(readStoredRecord, stored);
    expect(r.ok || r.problem).toBe(true);
    if (!r.ok) return;
    expect(r.value.message).toBe(stored.message);
    const html = renderToStaticMarkup(
      <HistoryTable rows={[summarize(r.value)]} selected={[]} onToggle={noop} onSelectAll={noop} onRename={() => Promise.resolve(true)} onDelete={noop} />,
    );
    expect(html).toContain('#3 diverged: the loss rose to 4.0e+4 nats');
    expect(html).toContain('history__status--diverged">diverged<');
  });
});

describe('HistoryTable pages', () => {
  const many = Array.from({ length: 120 }, (_, i) => ({ ...summarize(records[0]), id: i + 1, name: `run ${i + 1}` }));
  const html = (selected: number[] = [], live: number[] = []) =>
    renderToStaticMarkup(
      <HistoryTable rows={many} selected={selected} onToggle={noop} onSelectAll={noop} onRename={() => Promise.resolve(true)} onDelete={noop} live={live} />,
    );

  it('shows one page of PAGE_SIZE rows, newest first, and says which', () => {
    const page = html();
    expect(page.match(/<tr class|<tr>/g)!.length - 1).toBe(PAGE_SIZE);
    expect(page).toContain('aria-label="Overlay run 1"');
    expect(page).toContain(`aria-label="Overlay run ${PAGE_SIZE}"`);
    expect(page).not.toContain(`aria-label="Overlay run ${PAGE_SIZE + 1}"`);
    expect(page).toContain('Runs 1–50 of 120');
    expect(page).toMatch(/<button type="button" disabled="">Previous page<\/button>/);
  });

  it('ticks "Overlay all runs" only when every run, on every page, is ticked', () => {
    expect(html(many.slice(0, PAGE_SIZE).map((r) => r.id))).toMatch(/aria-label="Overlay all runs"\/>/);
    expect(html(many.map((r) => r.id))).toMatch(/aria-label="Overlay all runs" checked=""/);
  });

  it('shows a record still being written as running, and an interrupted one as ended early', () => {
    const rows = [
      { ...many[0], status: 'interrupted' as const },
      { ...many[1], status: 'interrupted' as const },
    ];
    const out = renderToStaticMarkup(
      <HistoryTable rows={rows} selected={[]} onToggle={noop} onSelectAll={noop} onRename={() => Promise.resolve(true)} onDelete={noop} live={[1]} />,
    );
    expect(out).toContain('history__status--running">running<');
    expect(out).toContain('history__status--interrupted">interrupted<');
    expect(out.match(/ended early/g)).toHaveLength(1);
  });
});

describe('HistoryChart', () => {
  const runs = records.map((r, i) => ({ id: r.id, name: r.name, epochs: r.settings.epochs, curves: r.curves, styleIndex: i }));

  it('is an image named by how many runs it overlays', () => {
    expect(renderToStaticMarkup(<HistoryChart runs={runs} ticked={2} />)).toContain('role="img" aria-label="History overlay: 2 runs"');
    expect(renderToStaticMarkup(<HistoryChart runs={runs.slice(0, 1)} ticked={1} />)).toContain('aria-label="History overlay: 1 run"');
    expect(renderToStaticMarkup(<HistoryChart runs={runs} ticked={2} />)).toContain('Log-scale loss');
    expect(renderToStaticMarkup(<HistoryChart runs={runs} ticked={2} />)).not.toContain('Showing the first');
  });

  it('says when it draws fewer runs than are ticked', () => {
    const html = renderToStaticMarkup(<HistoryChart runs={runs} ticked={1000} />);
    expect(html).toContain(`Showing the first ${OVERLAY_MAX} of 1,000 ticked runs: the overlay draws at most ${OVERLAY_MAX}.`);
    expect(html).toContain('aria-label="History overlay: 2 of 1,000 ticked runs"');
  });
});
