import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { PRESET } from '../../shared/settings.ts';
import type { AutoSaveDeps, Watched } from './autoSave.ts';
import { createAutoSaver } from './autoSave.ts';
import type { HistorySlice } from './historySlice.ts';
import { createHistorySlice } from './historySlice.ts';
import type { HistoryRecord, HistoryRecordSummary } from './record.ts';
import { doneRace, doneRun, raceRun } from './testFixtures.ts';

const AT = '2025-03-01T10:00:00.000Z';

function harness(save: AutoSaveDeps['save'] = () => Promise.resolve()) {
  const saved: HistoryRecord[][] = [];
  const reports: string[] = [];
  const listener = createAutoSaver({
    save: (r) => {
      saved.push(r);
      return save(r);
    },
    report: (m) => reports.push(m),
    now: () => AT,
  });
  let state: Watched = { run: null, race: null, settings: PRESET };
  const set = (patch: Partial<Watched>) => {
    const prev = state;
    state = { ...state, ...patch };
    listener(state, prev);
  };
  return { saved, reports, set };
}

describe('createAutoSaver', () => {
  it('saves a single run once, when it ends', () => {
    const h = harness();
    h.set({ run: doneRun({ phase: 'training', done: null }) });
    expect(h.saved).toHaveLength(0);
    const run = doneRun();
    h.set({ run });
    h.set({ run: { ...run } });
    h.set({ settings: { ...PRESET, learningRate: 0.2 } });
    expect(h.saved).toHaveLength(1);
    expect(h.saved[0][0]).toMatchObject({ kind: 'single', status: 'completed', savedAt: AT });
    // The next run (a new id) is saved too.
    h.set({ run: doneRun({ id: 8, done: { reason: 'stopped', message: '' } }) });
    expect(h.saved.map((r) => r[0].status)).toEqual(['completed', 'stopped']);
  });

  it('keeps a diverged run, and skips a failed one or one with no data', () => {
    const h = harness();
    h.set({ run: doneRun({ id: 1, done: { reason: 'diverged', message: 'NaN' } }) });
    h.set({ run: doneRun({ id: 2, done: null, error: 'The data did not load.' }) });
    h.set({ run: doneRun({ id: 3, lossPoints: [], epochs: [], done: { reason: 'stopped', message: '' } }) });
    expect(h.saved.map((r) => r[0].status)).toEqual(['diverged']);
  });

  it('saves every run of a race when it is done, with the settings it began with', () => {
    const h = harness();
    // The race keeps the settings it began with; the form may have moved on since.
    const began = { ...PRESET, batchSize: 32 };
    const racing = doneRace([raceRun(0.1, 'running', []), raceRun(1, 'running', [])], { phase: 'training', settings: began });
    h.set({ settings: began, race: racing });
    h.set({ settings: { ...PRESET, batchSize: 128 }, race: { ...racing } });
    const done = doneRace([raceRun(0.1, 'finished', [0.9, 0.95, 0.96]), raceRun(1, 'diverged', [0.2])], { settings: began });
    h.set({ race: done });
    h.set({ race: { ...done } });
    expect(h.saved).toHaveLength(1);
    expect(h.saved[0].map((r) => [r.settings.learningRate, r.settings.batchSize, r.status])).toEqual([
      [0.1, 32, 'completed'],
      [1, 32, 'diverged'],
    ]);
  });

  it('a race that ends while no run is running does not resave the last single run', () => {
    const h = harness();
    const run = doneRun();
    h.set({ run });
    h.set({ race: doneRace([raceRun(0.1, 'running', [])], { phase: 'training', runId: 10 }) });
    h.set({ race: doneRace([raceRun(0.1, 'finished', [0.5])], { runId: 10 }) });
    expect(h.saved.map((r) => r.map((x) => x.kind))).toEqual([['single'], ['race']]);
  });

  it('reports a storage failure, once', async () => {
    const h = harness(() => Promise.reject(new Error('quota exceeded')));
    h.set({ run: doneRun() });
    h.set({ run: { ...doneRun() } });
    await vi.waitFor(() => expect(h.reports).toHaveLength(1));
    expect(h.reports[0]).toBe('The run could not be saved to the run history: quota exceeded.');
  });
});

describe('history slice', () => {
  const store = () => createStore<HistorySlice>()((set, get, api) => createHistorySlice(set as never, get as never, api as never));
  const summary = (id: number) => ({ id }) as HistoryRecordSummary;

  it('keeps ticks in tick order, once each', () => {
    const s = store();
    s.getState().toggleHistorySelected(3, true);
    s.getState().toggleHistorySelected(1, true);
    s.getState().toggleHistorySelected(3, true);
    expect(s.getState().historySelected).toEqual([3, 1]);
    s.getState().toggleHistorySelected(3, false);
    expect(s.getState().historySelected).toEqual([1]);
    s.getState().setHistorySelected([2, 2, 5]);
    expect(s.getState().historySelected).toEqual([2, 5]);
  });

  it('drops ticks of runs no longer listed', () => {
    const s = store();
    s.getState().setHistorySelected([1, 2, 3]);
    s.getState().setHistory([summary(3), summary(1)]);
    expect(s.getState().historySelected).toEqual([1, 3]);
  });
});
