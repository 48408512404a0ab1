import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { PRESET } from '../../shared/settings.ts';
import { HISTORY_STATUSES, MAX_TRAIN_POINTS, curvesOf, recordFromRaceRun, recordFromRun, recordsFromRace, summarize, uniqueName } from './record.ts';
import { runKey } from './runKey.ts';
import { doneRace, doneRun, lossPoints, raceRun } from './testFixtures.ts';

const AT = '2025-03-01T10:00:00.000Z';
const DIVERGED = { reason: 'diverged', epoch: 2, step: 6, loss: 'nan', learningRate: 10 } as const;

afterEach(() => void i18n.changeLanguage('en'));

describe('recordFromRun', () => {
  it('keeps the settings, both curves and the final figures of a completed run', () => {
    const rec = recordFromRun(doneRun(), AT)!;
    expect(rec).toMatchObject({ name: 'Run · lr 0.01 · μ 0.5', savedAt: AT, kind: 'single', status: 'completed', settings: { ...PRESET, epochs: 3 } });
    expect(rec.raceId).toBeUndefined();
    expect(rec.curves.train).toHaveLength(30);
    expect(rec.curves.train[0]).toEqual({ epoch: 0.1, loss: 2.3 });
    expect(rec.curves.validation).toEqual([
      { epoch: 1, loss: 0.5, accuracy: 0.85 },
      { epoch: 2, loss: 0.3, accuracy: 0.91 },
      { epoch: 3, loss: 0.25, accuracy: 0.93 },
    ]);
    expect(rec.final).toEqual({ trainLoss: 0.3, validationLoss: 0.25, validationAccuracy: 0.93, macroAuc: 0.995, testAccuracy: 0.935, epochToNinety: 2 });
  });

  it('is interrupted while the run trains, and when it ended without a reason (its worker failed), with its curves so far', () => {
    const training = recordFromRun(doneRun({ phase: 'training', done: null, epochs: doneRun().epochs.slice(0, 1) }), AT)!;
    expect(training.status).toBe('interrupted');
    expect(training.curves.validation).toHaveLength(1);
    expect(training.final).toEqual({ trainLoss: 0.9, validationLoss: 0.5, validationAccuracy: 0.85, macroAuc: 0.99 });
    const failed = recordFromRun(doneRun({ done: null, error: { kind: 'interrupted-job', interruption: { cause: 'crashed', excluded: null } } }), AT)!;
    expect(failed.status).toBe('interrupted');
    expect(failed.curves.train).toHaveLength(30);
    // The page words the status; no sentence goes into the database for it.
    expect(failed.message).toBeUndefined();
    expect(failed.note).toBeUndefined();
  });

  it('keeps the accuracy by rotation measured after the run, leaving out figures that are not numbers', () => {
    const rotation = [
      { angleDeg: -30, accuracy: 0.6 },
      { angleDeg: 0, accuracy: 0.93 },
      { angleDeg: 30, accuracy: Number.NaN },
    ];
    expect(recordFromRun(doneRun({ rotation }), AT)!.rotation).toEqual(rotation.slice(0, 2));
    // Not measured (yet, or ever), or given way to the next job: no field at all.
    expect('rotation' in recordFromRun(doneRun(), AT)!).toBe(false);
    expect('rotation' in recordFromRun(doneRun({ rotation: [] }), AT)!).toBe(false);
    const race = doneRace([{ ...raceRun(0.1, 'finished', [0.9]), rotation }]);
    expect(recordsFromRace(race, PRESET, AT)[0].rotation).toEqual(rotation.slice(0, 2));
  });

  it('is null for a run with nothing to show', () => {
    expect(recordFromRun(doneRun({ lossPoints: [], epochs: [], done: null, error: { kind: 'data-missing', file: 'f', status: 404 } }), AT)).toBeNull();
    expect(recordFromRun(doneRun({ lossPoints: [], epochs: [], done: { reason: 'stopped', epoch: 0 } }), AT)).toBeNull();
  });

  it('keeps a diverged run with its note as a code and numbers (no words), dropping the non-finite losses', () => {
    const run = doneRun({
      lossPoints: [...lossPoints(5, 1), { step: 6, epoch: 1.2, loss: NaN, batches: 1 }, { step: 7, epoch: 1.3, loss: Infinity, batches: 1 }],
      epochs: doneRun().epochs.slice(0, 1),
      done: { ...DIVERGED, tensors: 12 },
    });
    const rec = recordFromRun(run, AT)!;
    expect(rec.status).toBe('diverged');
    expect(rec.note).toEqual(DIVERGED);
    expect(rec.message).toBeUndefined();
    expect(rec.curves.train).toHaveLength(5);
    expect(rec.curves.train.every((p) => Number.isFinite(p.loss))).toBe(true);
    expect(rec.final).toEqual({ trainLoss: 0.9, validationLoss: 0.5, validationAccuracy: 0.85, macroAuc: 0.99 });
    expect('testAccuracy' in rec.final).toBe(false);
  });

  it('keeps an early-stopped run’s note; a completed or stopped run needs none', () => {
    const early = { reason: 'early-stopped', epoch: 3, bestEpoch: 2, bestLoss: 0.3 } as const;
    expect(recordFromRun(doneRun({ done: early }), AT)!.note).toEqual(early);
    expect(recordFromRun(doneRun(), AT)!.note).toBeUndefined();
    expect(recordFromRun(doneRun({ done: { reason: 'stopped', epoch: 2 } }), AT)!.note).toBeUndefined();
  });

  it('is named in the page’s language when it is made; the name is then the student’s label', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(recordFromRun(doneRun(), AT)!.name).toBe('Treino · lr 0,01 · μ 0,5');
    expect(uniqueName('  ', new Set())).toBe('Treino');
  });

  it('keeps mid-run learning-rate changes', () => {
    const rec = recordFromRun(doneRun({ markers: [{ epoch: 1.5, learningRate: 0.1, momentum: 0.5 }] }), AT)!;
    expect(rec.changes).toEqual([{ epoch: 1.5, learningRate: 0.1, momentum: 0.5 }]);
    expect(recordFromRun(doneRun(), AT)!.changes).toBeUndefined();
  });

  it('thins a long training curve to at most MAX_TRAIN_POINTS by averaging, keeping its end', () => {
    const rec = recordFromRun(doneRun({ lossPoints: lossPoints(5000, 3) }), AT)!;
    expect(rec.curves.train).toHaveLength(MAX_TRAIN_POINTS);
    expect(rec.curves.train.at(-1)!.epoch).toBe(3);
    // Each stored point is the mean of 5 neighbours: between their extremes.
    const raw = lossPoints(5000, 3)
      .slice(0, 5)
      .map((p) => p.loss);
    expect(rec.curves.train[0].loss).toBeCloseTo(raw.reduce((a, b) => a + b) / 5, 12);
  });
});

describe('recordsFromRace', () => {
  const race = doneRace([
    raceRun(0.01, 'finished', [0.8, 0.88, 0.9]),
    raceRun(0.1, 'finished', [0.9, 0.95, 0.96]),
    raceRun(10, 'diverged', [0.3]),
    raceRun(1, 'collapsed', [0.4, 0.11, 0.1]),
  ]);
  const settings = { ...PRESET, learningRate: 0.05, momentum: 0.5, epochs: 99 };

  it('makes one record per run, with its own learning rate and the race’s other settings', () => {
    const recs = recordsFromRace(race, settings, AT);
    expect(recs.map((r) => r.settings.learningRate)).toEqual([0.01, 0.1, 10, 1]);
    expect(recs.every((r) => r.settings.epochs === 3 && r.settings.batchSize === PRESET.batchSize && r.kind === 'race')).toBe(true);
    expect(new Set(recs.map((r) => r.raceId)).size).toBe(1);
    expect(recs[0].raceId).toContain('#9');
    expect(recs.map((r) => r.name)).toEqual(['Race · lr 0.01 · μ 0.5', 'Race · lr 0.1 · μ 0.5', 'Race · lr 10 · μ 0.5', 'Race · lr 1 · μ 0.5']);
  });

  it('maps statuses and keeps why a run failed', () => {
    const recs = recordsFromRace(race, settings, AT);
    expect(recs.map((r) => r.status)).toEqual(['completed', 'completed', 'diverged', 'collapsed']);
    expect(recs[2].note).toEqual({ reason: 'diverged', epoch: 1, step: 40, loss: 3.97e4, learningRate: 10 });
    expect(recs[3].note).toEqual({ reason: 'collapsed', accuracy: 0.1 });
    expect(recs[0].note).toBeUndefined();
    expect(recs.every((r) => r.message === undefined)).toBe(true);
  });

  it('gives final figures and the epoch to 90 %, and no test accuracy', () => {
    const [slow, fast, , broke] = recordsFromRace(race, settings, AT);
    expect(slow.final.epochToNinety).toBe(3);
    expect(fast.final).toMatchObject({ validationAccuracy: 0.96, epochToNinety: 1 });
    expect(broke.final.epochToNinety).toBeUndefined();
    expect(fast.final.testAccuracy).toBeUndefined();
  });

  it('is empty until the race is done, and leaves out runs with no data', () => {
    expect(recordsFromRace({ ...race, phase: 'training' }, settings, AT)).toEqual([]);
    const early = doneRace([raceRun(0.1, 'stopped', []), raceRun(0.2, 'stopped', [0.5])]);
    const recs = recordsFromRace(early, settings, AT);
    expect(recs).toHaveLength(1);
    expect(recs[0].status).toBe('stopped');
  });

  it('a run still running when the race ended (a worker error) is interrupted', () => {
    const failed = doneRace([raceRun(0.2, 'running', [0.5])], { error: { kind: 'training-failed', detail: 'boom' } });
    expect(recordsFromRace(failed, settings, AT).map((r) => r.status)).toEqual(['interrupted']);
  });
});

describe('recordFromRaceRun', () => {
  const settings = { ...PRESET, epochs: 3 };
  const racing = doneRace([raceRun(0.1, 'running', [0.8]), raceRun(10, 'diverged', [0.3]), raceRun(1, 'collapsed', [0.1])], { phase: 'training' });

  it('while the race goes on: interrupted, unless the run has diverged (its story is told)', () => {
    expect([0, 1, 2].map((i) => recordFromRaceRun(racing, i, settings, AT, 'R').status)).toEqual(['interrupted', 'diverged', 'interrupted']);
    expect(recordFromRaceRun(racing, 1, settings, AT, 'R')).toMatchObject({ raceId: 'R', note: { reason: 'diverged' }, settings: { learningRate: 10 } });
    expect(recordFromRaceRun(racing, 0, settings, AT, 'R').curves.validation).toHaveLength(1);
  });
});

describe('curvesOf', () => {
  it('drops validation points whose loss is not a number', () => {
    const c = curvesOf({ lossPoints: [], epochs: [{ epoch: 1, trainLoss: NaN, validation: { loss: NaN, accuracy: 0.1, macroAuc: null } }] });
    expect(c.validation).toEqual([]);
  });
});

describe('uniqueName', () => {
  it('numbers a name already taken', () => {
    expect(uniqueName('a', new Set())).toBe('a');
    expect(uniqueName(' a ', new Set(['a']))).toBe('a (2)');
    expect(uniqueName('a', new Set(['a', 'a (2)']))).toBe('a (3)');
    expect(uniqueName('  ', new Set())).toBe('Run');
  });

  it('stays within the 200 characters a stored name may have', () => {
    const long = 'x'.repeat(200);
    expect(uniqueName(long, new Set([long]))).toBe(`${'x'.repeat(196)} (2)`);
    expect(uniqueName('y'.repeat(300), new Set())).toHaveLength(200);
  });
});

describe('summarize', () => {
  it('leaves the curves out, counts the epochs trained and carries the content key', () => {
    const r = { ...recordFromRun(doneRun(), AT)!, id: 4 };
    const s = summarize(r);
    expect(s.id).toBe(4);
    expect(s.epochsTrained).toBe(3);
    expect('curves' in s).toBe(false);
    expect(s.key).toBe(runKey(r));
  });
});

describe('HISTORY_STATUSES', () => {
  it('has every status a record can have, interrupted included', () => {
    expect(HISTORY_STATUSES).toEqual(['completed', 'stopped', 'diverged', 'collapsed', 'early-stopped', 'interrupted']);
  });
});
