import { describe, expect, it } from 'vitest';
import { PRESET } from '../../shared/settings.ts';
import { fromJson, toJson } from './exchange.ts';
import type { HistoryRecord } from './record.ts';
import { recordFromRun, recordsFromRace } from './record.ts';
import { canonicalJson, runKey } from './runKey.ts';
import { doneRace, doneRun, raceRun } from './testFixtures.ts';

const AT = '2025-03-01T10:00:00.000Z';
const single = (): HistoryRecord => recordFromRun(doneRun({ markers: [{ epoch: 1.5, learningRate: 0.1, momentum: 0.6 }] }), AT)!;

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves undefined fields out', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 'x' }], c: undefined } })).toBe('{"a":{"d":[1,{"e":"x","f":2}]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });
});

describe('runKey', () => {
  it('is the same for a run however its fields were ordered, whatever its id and name', () => {
    const r = single();
    const reordered = Object.fromEntries(Object.entries(r).reverse()) as unknown as HistoryRecord;
    expect(runKey(reordered)).toBe(runKey(r));
    expect(runKey({ ...r, id: 12, name: 'renamed' })).toBe(runKey(r));
  });

  it('survives a JSON export and import: a re-imported run is found', () => {
    const records = [single(), ...recordsFromRace(doneRace([raceRun(0.1, 'finished', [0.9, 0.95]), raceRun(10, 'diverged', [0.3])]), PRESET, AT)];
    const back = fromJson(toJson(records.map((r, i) => ({ ...r, id: i + 1 }))));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.records.map(runKey)).toEqual(records.map(runKey));
  });

  it('differs when anything a run holds differs: a setting, the date, a status, one curve point', () => {
    const r = single();
    const keys = [
      r,
      { ...r, settings: { ...r.settings, seed: 2 } },
      { ...r, savedAt: '2025-03-01T10:00:01.000Z' },
      { ...r, status: 'interrupted' as const },
      { ...r, curves: { ...r.curves, train: r.curves.train.map((p, i) => (i === 5 ? { ...p, loss: p.loss + 1e-12 } : p)) } },
      { ...r, final: { ...r.final, testAccuracy: 0.5 } },
    ].map(runKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
