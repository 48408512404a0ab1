/**
 * The history's markup, rendered on the server in Node: the names people and
 * end-to-end tests find things by. (Loading from IndexedDB runs in effects,
 * which server rendering skips.)
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HistoryChart } from './HistoryChart.tsx';
import { HistoryTable } from './HistoryTable.tsx';
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
  renderToStaticMarkup(<HistoryTable rows={records.map(summarize)} selected={selected} onToggle={noop} onSelectAll={noop} onRename={() => Promise.resolve(true)} onDelete={noop} />);

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

describe('HistoryChart', () => {
  it('is an image named by how many runs it overlays', () => {
    const runs = records.map((r, i) => ({ id: r.id, name: r.name, epochs: r.settings.epochs, curves: r.curves, styleIndex: i }));
    expect(renderToStaticMarkup(<HistoryChart runs={runs} />)).toContain('role="img" aria-label="History overlay: 2 runs"');
    expect(renderToStaticMarkup(<HistoryChart runs={runs.slice(0, 1)} />)).toContain('aria-label="History overlay: 1 run"');
    expect(renderToStaticMarkup(<HistoryChart runs={runs} />)).toContain('Log-scale loss');
  });
});
