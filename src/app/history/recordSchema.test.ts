import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET } from '../../shared/settings.ts';
import { check } from '../../shared/validate.ts';
import { holdsUnknownKey, malformedVariants, settingPaths, withExtraKeys } from '../../test-support/malformed.ts';
import { fromJson } from './exchange.ts';
import { HISTORY_STATUSES, recordFromRun, recordsFromRace } from './record.ts';
import { readHistoryRecord, readStoredRecord } from './recordSchema.ts';
import { doneRace, doneRun, raceRun } from './testFixtures.ts';

const AT = '2025-03-01T10:00:00.000Z';
/** Every optional field present: a race run that diverged, with a message, and a single run with a mid-run change. */
const race = { ...recordsFromRace(doneRace([raceRun(10, 'diverged', [0.3])]), PRESET, AT)[0], id: 4 };
const rotation = [-30, 0, 30].map((angleDeg) => ({ angleDeg, accuracy: 0.9 - Math.abs(angleDeg) / 100 }));
const single = { ...recordFromRun(doneRun({ markers: [{ epoch: 1.5, learningRate: 0.1, momentum: 0.6 }], rotation }), AT)!, id: 5 };
const OPTIONAL = [
  'raceId',
  'note',
  'changes',
  'final.trainLoss',
  'final.validationLoss',
  'final.validationAccuracy',
  'final.macroAuc',
  'final.testAccuracy',
  'final.epochToNinety',
  'rotation',
];

describe('history record schema', () => {
  it('reads the records the lab writes, as stored and as exported', () => {
    for (const r of [race, single]) {
      expect(check(readStoredRecord, r)).toEqual({ ok: true, value: r });
      const { id: _id, ...noId } = r;
      expect(check(readHistoryRecord, noId)).toEqual({ ok: true, value: noId });
    }
  });

  it('imports a file written by an earlier lab (test-fixtures/history-v1.json)', () => {
    const r = fromJson(readFileSync(new URL('../../../test-fixtures/history-v1.json', import.meta.url), 'utf8'));
    expect(r.ok || r.problem).toBe(true);
    expect(r.ok && r.records.map((x) => [x.name, x.status, x.curves.validation.length])).toEqual([
      ['Run · lr 0.01 · μ 0.5', 'completed', 3],
      ['Race · lr 0.1 · μ 0.5', 'completed', 3],
      ['Race · lr 10 · μ 0.5', 'diverged', 1],
    ]);
  });

  it('imports and stores a version 2 file written before accuracy by rotation (test-fixtures/history-v2.json): augmentation off, no rotation', () => {
    const file = readFileSync(new URL('../../../test-fixtures/history-v2.json', import.meta.url), 'utf8');
    const r = fromJson(file);
    expect(r.ok || r.problem).toBe(true);
    if (!r.ok) return;
    expect(r.records.map((x) => [x.status, x.note?.reason, 'rotation' in x])).toEqual([
      ['completed', undefined, false],
      ['early-stopped', 'early-stopped', false],
      ['completed', undefined, false],
      ['diverged', 'diverged', false],
    ]);
    for (const rec of r.records) expect(rec.settings).toMatchObject({ rotationDeg: 0, shiftPx: 0, scalePct: 0, elastic: false });
    // As IndexedDB keeps them: the same records with an id.
    const raw = (JSON.parse(file) as { runs: object[] }).runs;
    raw.forEach((run, i) => expect(check(readStoredRecord, { ...run, id: i + 1 })).toMatchObject({ ok: true, value: r.records[i] }));
  });

  it('reads accuracy by rotation when there is some, and refuses an angle beyond a half turn or an accuracy above 1', () => {
    expect(check(readStoredRecord, single)).toMatchObject({ ok: true, value: { rotation } });
    expect(check(readStoredRecord, { ...single, rotation: [{ angleDeg: 200, accuracy: 0.5 }] })).toMatchObject({
      ok: false,
      problem: { path: 'rotation[0].angleDeg' },
    });
    expect(check(readStoredRecord, { ...single, rotation: [{ angleDeg: 0, accuracy: 1.5 }] })).toMatchObject({
      ok: false,
      problem: { path: 'rotation[0].accuracy' },
    });
  });

  it('reads a record written before augmentation existed (no such settings, no rotation) with augmentation off', () => {
    const { rotation: _r, ...before } = single;
    const { rotationDeg: _a, shiftPx: _b, scalePct: _c, elastic: _d, elasticAlpha: _e, elasticSigma: _f, ...settings } = before.settings;
    const r = check(readStoredRecord, { ...before, settings });
    expect(r).toMatchObject({ ok: true, value: { settings: { rotationDeg: 0, shiftPx: 0, scalePct: 0, elastic: false, elasticAlpha: 34, elasticSigma: 4 } } });
    expect(r.ok && 'rotation' in r.value).toBe(false);
  });

  it('takes every status the lab has', () => {
    for (const status of HISTORY_STATUSES) expect(check(readStoredRecord, { ...race, status }).ok).toBe(true);
    expect(check(readStoredRecord, { ...race, status: 'exploded' })).toMatchObject({
      ok: false,
      problem: { code: 'wrong', path: 'status', expected: { kind: 'oneOf', values: HISTORY_STATUSES } },
    });
  });

  it('reads a note’s loss as the nats it rose to, or as having become NaN or infinite', () => {
    const note = race.note as Extract<typeof race.note, { reason: 'diverged' }>;
    for (const loss of ['nan', 'infinite', 12.5] as const) expect(check(readStoredRecord, { ...race, note: { ...note, loss } }).ok).toBe(true);
    expect(check(readStoredRecord, { ...race, note: { ...note, loss: 'NaN' } })).toMatchObject({ ok: false, problem: { path: 'note.loss' } });
    expect(check(readStoredRecord, { ...race, note: { reason: 'collapsed', accuracy: 2 } })).toMatchObject({ ok: false, problem: { path: 'note.accuracy' } });
  });

  it('needs an id in the database', () => {
    const { id: _id, ...noId } = race;
    expect(check(readStoredRecord, noId)).toEqual({
      ok: false,
      problem: { code: 'wrong', path: 'id', expected: { kind: 'number' }, got: { kind: 'missing' } },
    });
  });

  for (const [label, sample] of [
    ['a race run', race],
    ['a single run', single],
  ] as const) {
    const variants = malformedVariants(sample, { optional: [...OPTIONAL, ...settingPaths(Object.keys(PRESET))] });
    it.each(variants.map((v) => [v.change, v] as const))(`refuses ${label} with %s, naming the field`, (_change, v) => {
      const r = check(readStoredRecord, v.doc);
      expect(r.ok).toBe(false);
      if (!r.ok && v.path) expect(r.problem.path).toContain(v.path);
    });

    it.each(withExtraKeys(sample).map((v) => [v.change, v] as const))(`ignores ${label} with %s, keeping nothing of it`, (_change, v) => {
      const r = check(readStoredRecord, v.doc);
      expect(r.ok || r.problem).toBe(true);
      expect(holdsUnknownKey(r.ok && r.value)).toBe(false);
    });
  }
});
