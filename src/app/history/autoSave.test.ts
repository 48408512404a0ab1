import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { PRESET } from '../../shared/settings.ts';
import type { Watched } from './autoSave.ts';
import { createAutoSaver } from './autoSave.ts';
import type { HistorySlice } from './historySlice.ts';
import { createHistorySlice } from './historySlice.ts';
import type { HistoryRecord, HistoryRecordSummary } from './record.ts';
import type { RaceRun } from '../store/raceSlice.ts';
import { doneRace, doneRun, raceRun } from './testFixtures.ts';

const AT = '2025-03-01T10:00:00.000Z';

/** One call of `save`: the record, and the id it was to overwrite (undefined: a new record). */
interface Write {
  record: HistoryRecord;
  id: number | undefined;
}

/**
 * The saver over a fake database: new records get ids 100, 101, …; `gone`
 * ids are answered as deleted. `fail` makes every write reject.
 */
function harness(opts: { fail?: Error; gone?: number[] } = {}) {
  const writes: Write[] = [];
  const reports: string[] = [];
  const live = new Map<number, boolean>();
  let next = 100;
  const listener = createAutoSaver({
    save: (record, id) => {
      writes.push({ record, id });
      if (opts.fail) return Promise.reject(opts.fail);
      if (id !== undefined && opts.gone?.includes(id)) return Promise.resolve(null);
      return Promise.resolve(id ?? next++);
    },
    report: (text) => reports.push(text()),
    live: (id, running) => live.set(id, running),
    now: () => AT,
  });
  let state: Watched = { run: null, race: null, settings: PRESET };
  const set = (patch: Partial<Watched>) => {
    const prev = state;
    state = { ...state, ...patch };
    listener(state, prev);
  };
  /** Lets the queued writes run. */
  const settle = () => new Promise((r) => setTimeout(r, 0));
  return { writes, reports, live, set, settle };
}

/** A single run `id` part way: `epochs` of doneRun()'s three epochs done, still training. */
const training = (epochs: number, id = 7) => {
  const full = doneRun({ id });
  return doneRun({ id, phase: 'training', done: null, epochs: full.epochs.slice(0, epochs), lossPoints: full.lossPoints.slice(0, epochs * 10) });
};

describe('createAutoSaver: a single run', () => {
  it('writes the run after each epoch as interrupted, then rewrites the same record with its end', async () => {
    const h = harness();
    h.set({ run: training(0) });
    h.set({ run: { ...training(0), lossPoints: training(1).lossPoints } });
    expect(h.writes).toHaveLength(0);
    h.set({ run: training(1) });
    // Loss points between epochs are not worth a write.
    h.set({ run: { ...training(1), lossPoints: [...training(1).lossPoints, ...training(2).lossPoints.slice(10, 12)] } });
    h.set({ run: training(2) });
    await h.settle();
    expect(h.live.get(100)).toBe(true);
    const run = doneRun();
    h.set({ run });
    h.set({ run: { ...run } });
    h.set({ settings: { ...PRESET, learningRate: 0.2 } });
    await h.settle();
    expect(h.writes.map((w) => [w.id, w.record.status, w.record.curves.validation.length])).toEqual([
      [undefined, 'interrupted', 1],
      [100, 'interrupted', 2],
      [100, 'completed', 3],
    ]);
    // The record keeps its first date, and its curves so far at each write.
    expect(h.writes.every((w) => w.record.savedAt === AT)).toBe(true);
    expect(h.writes[0].record.curves.train).toHaveLength(10);
    expect(h.live.get(100)).toBe(false);
  });

  it('writes a completed run once more when its accuracy by rotation arrives after its end, then no more', async () => {
    const h = harness();
    const run = doneRun();
    h.set({ run });
    await h.settle();
    expect(h.live.get(100)).toBe(false);
    const rotation = [{ angleDeg: 0, accuracy: 0.935 }];
    h.set({ run: { ...run, rotation } });
    h.set({ run: { ...run, rotation, error: { kind: 'lost-track' } } });
    await h.settle();
    expect(h.writes.map((w) => [w.id, w.record.status, w.record.rotation])).toEqual([
      [undefined, 'completed', undefined],
      [100, 'completed', rotation],
    ]);
    // A stopped run has none coming: its end closes it.
    const stopped = doneRun({ id: 8, done: { reason: 'stopped', epoch: 1 } });
    h.set({ run: stopped });
    h.set({ run: { ...stopped, rotation } });
    await h.settle();
    expect(h.writes.filter((w) => w.record.status === 'stopped')).toHaveLength(1);
  });

  it('writes a run that ends before its first epoch once, at its end', async () => {
    const h = harness();
    h.set({ run: training(0) });
    h.set({ run: doneRun({ epochs: [], lossPoints: training(1).lossPoints, done: { reason: 'stopped', epoch: 1 } }) });
    await h.settle();
    expect(h.writes.map((w) => [w.id, w.record.status])).toEqual([[undefined, 'stopped']]);
  });

  it('writes one at a time, the next with the first write’s id; while one is under way only the latest waits', async () => {
    const h = harness();
    h.set({ run: training(1) });
    h.set({ run: training(2) });
    h.set({ run: doneRun() });
    await h.settle();
    // Epoch 2's record was overtaken by the end's before the first write was done: a slow disk builds no queue.
    expect(h.writes.map((w) => [w.id, w.record.status, w.record.curves.validation.length])).toEqual([
      [undefined, 'interrupted', 1],
      [100, 'completed', 3],
    ]);
  });

  it('keeps a diverged run, and skips a failed one with no data', async () => {
    const h = harness();
    h.set({ run: doneRun({ id: 1, done: { reason: 'diverged', epoch: 1, step: 3, loss: 'nan', learningRate: 10 } }) });
    h.set({ run: doneRun({ id: 2, lossPoints: [], epochs: [], done: null, error: { kind: 'data-missing', file: 'f', status: 404 } }) });
    h.set({ run: doneRun({ id: 3, lossPoints: [], epochs: [], done: { reason: 'stopped', epoch: 0 } }) });
    await h.settle();
    expect(h.writes.map((w) => w.record.status)).toEqual(['diverged']);
  });

  it('ends a run whose worker died as interrupted, with its curves so far', async () => {
    const h = harness();
    h.set({ run: training(1) });
    await h.settle();
    // What the page's run state becomes when the worker dies: done, with an error and no reason.
    h.set({ run: { ...training(2), phase: 'done', error: { kind: 'interrupted-job', interruption: { cause: 'crashed', excluded: null } } } });
    await h.settle();
    expect(h.writes.map((w) => [w.id, w.record.status, w.record.curves.validation.length])).toEqual([
      [undefined, 'interrupted', 1],
      [100, 'interrupted', 2],
    ]);
    expect(h.live.get(100)).toBe(false);
  });

  it('reads an end reason the history does not know (a newer worker’s "interrupted") as interrupted', async () => {
    const h = harness();
    const reason = 'interrupted' as unknown as 'stopped';
    h.set({ run: doneRun({ done: { reason, epoch: 3 } }) });
    await h.settle();
    expect(h.writes.map((w) => w.record.status)).toEqual(['interrupted']);
  });

  it('stops writing a run whose record was deleted meanwhile', async () => {
    const h = harness({ gone: [100] });
    h.set({ run: training(1) });
    await h.settle();
    h.set({ run: training(2) });
    await h.settle();
    h.set({ run: doneRun() });
    await h.settle();
    // The second write finds it gone; the end is not written back.
    expect(h.writes.map((w) => w.id)).toEqual([undefined, 100]);
    expect(h.live.get(100)).toBe(false);
  });

  it('reports a storage failure once per run, and tries again at the next epoch', async () => {
    const h = harness({ fail: new Error('quota exceeded') });
    h.set({ run: training(1) });
    await h.settle();
    h.set({ run: training(2) });
    await h.settle();
    h.set({ run: doneRun() });
    await vi.waitFor(() => expect(h.writes).toHaveLength(3));
    expect(h.writes.map((w) => w.id)).toEqual([undefined, undefined, undefined]);
    expect(h.reports).toEqual(['The run could not be saved to the run history: the browser’s storage for this site is full.']);
  });
});

describe('createAutoSaver: a race', () => {
  // The race keeps the settings it began with; the form may have moved on since.
  const began = { ...PRESET, batchSize: 32 };

  it('writes each run after each race epoch, then rewrites it with its status when the race is done', async () => {
    const h = harness();
    const racing = (acc: number[][], statuses: RaceRun['status'][] = ['running', 'running']) =>
      doneRace([raceRun(0.1, statuses[0], acc[0]), raceRun(1, statuses[1], acc[1])], { phase: 'training', settings: began });
    // Each step waits for the writes it starts (else only each run's latest record would wait its turn).
    h.set({ settings: began, race: racing([[], []]) });
    h.set({ settings: { ...PRESET, batchSize: 128 }, race: racing([[0.9], [0.2]]) });
    await h.settle();
    h.set({ race: racing([[0.9], [0.2]], ['running', 'diverged']) });
    await h.settle();
    h.set({ race: racing([[0.9, 0.95], [0.2]], ['running', 'diverged']) });
    await h.settle();
    h.set({ race: doneRace([raceRun(0.1, 'finished', [0.9, 0.95]), raceRun(1, 'diverged', [0.2])], { settings: began }) });
    h.set({ race: doneRace([raceRun(0.1, 'finished', [0.9, 0.95]), raceRun(1, 'diverged', [0.2])], { settings: began }) });
    await h.settle();
    // Each run's writes in order (the two runs' writes interleave as their queues run).
    const of = (lr: number) =>
      h.writes.filter((w) => w.record.settings.learningRate === lr).map((w) => [w.id, w.record.status, w.record.curves.validation.length]);
    expect(of(0.1)).toEqual([
      [undefined, 'interrupted', 1],
      [100, 'interrupted', 2],
      [100, 'completed', 2],
    ]);
    expect(of(1)).toEqual([
      [undefined, 'interrupted', 1],
      [101, 'diverged', 1],
      [101, 'diverged', 1],
    ]);
    expect(h.writes.every((w) => w.record.settings.batchSize === 32 && w.record.kind === 'race')).toBe(true);
    expect(new Set(h.writes.map((w) => w.record.raceId)).size).toBe(1);
    expect([...h.live.values()]).toEqual([false, false]);
  });

  it('ends a race that failed (its runs still running) with its runs interrupted', async () => {
    const h = harness();
    h.set({ race: doneRace([raceRun(0.1, 'running', [0.5])], { phase: 'done', error: { kind: 'training-failed', detail: 'boom' } }) });
    await h.settle();
    expect(h.writes.map((w) => w.record.status)).toEqual(['interrupted']);
  });

  it('a race that ends while no run is running does not resave the last single run', async () => {
    const h = harness();
    h.set({ run: doneRun() });
    h.set({ race: doneRace([raceRun(0.1, 'running', [])], { phase: 'training', runId: 10 }) });
    h.set({ race: doneRace([raceRun(0.1, 'finished', [0.5])], { runId: 10 }) });
    await h.settle();
    expect(h.writes.map((w) => w.record.kind)).toEqual(['single', 'race']);
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

  it('adds and replaces runs by id, keeping the list newest first, and removes one with its tick', () => {
    const s = store();
    const at = (id: number, savedAt: string, name = `r${id}`) => ({ id, savedAt, name }) as HistoryRecordSummary;
    s.getState().setHistory([at(2, '2025-03-02T00:00:00.000Z'), at(1, '2025-03-01T00:00:00.000Z')]);
    s.getState().upsertHistory([at(3, '2025-03-03T00:00:00.000Z'), at(1, '2025-03-01T00:00:00.000Z', 'renamed')]);
    expect(s.getState().history.map((r) => [r.id, r.name])).toEqual([
      [3, 'r3'],
      [2, 'r2'],
      [1, 'renamed'],
    ]);
    // Same date: the later stored first.
    s.getState().upsertHistory([at(4, '2025-03-02T00:00:00.000Z')]);
    expect(s.getState().history.map((r) => r.id)).toEqual([3, 4, 2, 1]);
    s.getState().setHistorySelected([2, 4]);
    s.getState().removeHistory(2);
    expect(s.getState().history.map((r) => r.id)).toEqual([3, 4, 1]);
    expect(s.getState().historySelected).toEqual([4]);
  });

  it('follows which records are still being written', () => {
    const s = store();
    s.getState().setHistoryLive(5, true);
    s.getState().setHistoryLive(5, true);
    s.getState().setHistoryLive(6, true);
    s.getState().setHistoryLive(5, false);
    expect(s.getState().historyLive).toEqual([6]);
  });
});
