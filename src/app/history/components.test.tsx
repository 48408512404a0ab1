/**
 * The history's markup, rendered on the server in Node: the names people and
 * end-to-end tests find things by. (Loading from IndexedDB runs in effects,
 * which server rendering skips.)
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
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
