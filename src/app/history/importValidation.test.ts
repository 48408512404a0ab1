/**
 * Importing a history file with a fake database: a file with any malformed
 * field of any run stores nothing and says which field.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESET } from '../../shared/settings.ts';
import { malformedVariants, settingPaths } from '../../test-support/malformed.ts';
import { toJson } from './exchange.ts';
import { recordFromRun, recordsFromRace } from './record.ts';
import { doneRace, doneRun, raceRun } from './testFixtures.ts';

const db = vi.hoisted(() => ({
  putRecords: vi.fn(async (r: readonly unknown[]) => r.map((_, i) => i + 1)),
  listRecords: vi.fn(async () => []),
  listSummaries: vi.fn(async () => ({ summaries: [], damaged: [] })),
  updateRecord: vi.fn(),
  getRecord: vi.fn(),
  renameRecord: vi.fn(),
  deleteRecord: vi.fn(),
}));
vi.mock('./historyDb.ts', () => db);

const { importFile } = await import('./historyImport.ts');
const { useLab } = await import('../store/index.ts');

const AT = '2025-03-01T10:00:00.000Z';
const runs = [
  recordFromRun(doneRun({ markers: [{ epoch: 1.5, learningRate: 0.1, momentum: 0.6 }] }), AT)!,
  ...recordsFromRace(doneRace([raceRun(10, 'diverged', [0.3])]), PRESET, AT),
];
const doc = JSON.parse(toJson(runs, AT)) as Record<string, unknown>;
const file = (d: unknown) => new File([JSON.stringify(d) ?? ''], 'runs.json', { type: 'application/json' });
/** The panel's message as it shows it (English: Node's page language). */
const message = () => {
  const m = useLab.getState().historyMessage;
  return m && { kind: m.kind, text: m.text() };
};

beforeEach(() => {
  vi.clearAllMocks();
  useLab.setState({ historyMessage: null });
});

describe('importing runs', () => {
  it('stores a valid file', async () => {
    await importFile(file(doc));
    expect(db.putRecords).toHaveBeenCalledTimes(1);
    expect(message()).toEqual({ kind: 'info', text: 'Imported 2 runs from “runs.json”.' });
  });

  // Each field of a run that holds every optional field: the single run (changes) and the diverged race run (raceId, note).
  const optional = [
    'raceId',
    'note',
    'changes',
    'final.trainLoss',
    'final.validationLoss',
    'final.validationAccuracy',
    'final.macroAuc',
    'final.testAccuracy',
    'final.epochToNinety',
  ];
  const variants = [0, 1].flatMap((i) =>
    // Through JSON, NaN and ±Infinity arrive as null: still wrong for every field of a run.
    malformedVariants((doc.runs as unknown[])[i], { optional: [...optional, ...settingPaths(Object.keys(PRESET))] }).map((v) => ({
      ...v,
      run: i,
      doc: { ...doc, runs: (doc.runs as unknown[]).map((r, k) => (k === i ? v.doc : r)) },
    })),
  );

  it(`stores nothing from any of ${variants.length} files with one malformed field, and says which`, async () => {
    for (const v of variants) {
      await importFile(file(v.doc));
      const m = message();
      expect(m?.kind, v.change).toBe('error');
      expect(m?.text, v.change).toMatch(new RegExp(`^“runs\\.json”: Run ${v.run + 1}\\b.*${v.path.replace(/[[\].]/g, '\\$&')}.*Nothing was imported\\.$`));
    }
    expect(db.putRecords).not.toHaveBeenCalled();
  });
});
