import { describe, expect, it } from 'vitest';
import { PRESET } from '../../shared/settings.ts';
import { historyFileProblemText } from '../fileWords.ts';
import { HISTORY_FORMAT, csvCell, curvesToCsv, fromJson, readHistoryHeader, readHistoryRun, toCsv, toJson } from './exchange.ts';
import type { HistoryRecord } from './record.ts';
import { MAX_TRAIN_POINTS, recordFromRun, recordsFromRace } from './record.ts';
import { doneRace, doneRun, raceRun } from './testFixtures.ts';

const AT = '2025-03-01T10:00:00.000Z';
const single = (): HistoryRecord => ({ ...recordFromRun(doneRun({ markers: [{ epoch: 1.5, learningRate: 0.1, momentum: 0.6 }] }), AT)!, id: 12 });
const race = (): HistoryRecord[] => recordsFromRace(doneRace([raceRun(0.1, 'finished', [0.9, 0.95, 0.96]), raceRun(10, 'diverged', [0.3])]), PRESET, AT);

/** An exported file as an object, to damage one field at a time. */
const doc = () => JSON.parse(toJson([single(), ...race()], AT)) as { runs: Record<string, unknown>[] } & Record<string, unknown>;
const run0 = (d: ReturnType<typeof doc>) =>
  d.runs[0] as Record<string, Record<string, unknown> & { train: Record<string, unknown>[]; validation: Record<string, unknown>[] }>;

/** Refused, and the page's English words for the problem (fileWords.ts) hold each of `parts`. */
function rejects(d: unknown, ...parts: string[]) {
  const r = fromJson(typeof d === 'string' ? d : JSON.stringify(d));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const text = historyFileProblemText(r.problem);
  for (const p of parts) expect(text).toContain(p);
}

describe('JSON round trip', () => {
  it('reads back what it wrote, without database ids', () => {
    const records = [single(), ...race()];
    const text = toJson(records, AT);
    const back = fromJson(text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.records).toEqual(records.map(({ id: _id, ...r }) => r));
    expect(JSON.parse(text)).toMatchObject({ format: HISTORY_FORMAT, version: 2, exportedAt: AT });
    expect(text).not.toContain('"id"');
  });

  it('keeps a run’s note as a code and numbers: no words of the page in the file', () => {
    const text = toJson(race(), AT);
    const diverged = (JSON.parse(text) as { runs: Record<string, unknown>[] }).runs[1];
    expect(diverged.note).toEqual({ reason: 'diverged', epoch: 1, step: 40, loss: 3.97e4, learningRate: 10 });
    expect(diverged.message).toBeUndefined();
    expect(text).not.toMatch(/diverged:|became|[Tt]he loss/);
  });

  it('thins a denser training curve than the lab stores', () => {
    const d = doc();
    run0(d).curves.train = Array.from({ length: 3000 }, (_, i) => ({ epoch: (i + 1) / 1000, loss: 1 }));
    const r = fromJson(JSON.stringify(d));
    expect(r.ok && r.records[0].curves.train.length).toBe(MAX_TRAIN_POINTS);
  });

  it('trims names and normalises dates', () => {
    const d = doc();
    d.runs[0].name = '  mine  ';
    d.runs[0].savedAt = '2025-03-01T11:00:00+01:00';
    const r = fromJson(JSON.stringify(d));
    expect(r.ok && r.records[0].name).toBe('mine');
    expect(r.ok && r.records[0].savedAt).toBe(AT);
  });
});

describe('statuses', () => {
  it('reads back an interrupted run', () => {
    const rec = { ...single(), status: 'interrupted' as const };
    const back = fromJson(toJson([rec], AT));
    expect(back.ok && back.records[0].status).toBe('interrupted');
  });

  it('still reads a version 1 file whose notes are English text, and keeps the text as it is', () => {
    // As the lab wrote it before notes were codes: a diverged race run with its message.
    const v1 = {
      ...doc(),
      version: 1,
      runs: doc().runs.map(({ note: _note, ...r }, i) =>
        i === 2 ? { ...r, message: '#1 diverged: the loss became NaN at batch 40, epoch 1. The other runs go on.' } : r,
      ),
    };
    const back = fromJson(JSON.stringify(v1));
    expect(back.ok || back.problem).toBe(true);
    expect(back.ok && [back.records[2].message, back.records[2].note]).toEqual([
      '#1 diverged: the loss became NaN at batch 40, epoch 1. The other runs go on.',
      undefined,
    ]);
  });

  it('still reads a file written before runs could be interrupted', () => {
    // As the lab wrote it before 'interrupted' existed: one stopped run, one epoch.
    const old = `{"format":"mnist-lab-history","version":1,"exportedAt":"2025-02-01T09:00:00.000Z","runs":[{"name":"Run · lr 0.1 · μ 0.5","savedAt":"2025-02-01T08:59:00.000Z","kind":"single","settings":{"learningRate":0.1,"momentum":0.5,"epochs":2,"batchSize":64,"seed":1,"init":"pytorch","schedule":"constant"},"status":"stopped","curves":{"train":[{"epoch":0.5,"loss":0.9},{"epoch":1,"loss":0.5}],"validation":[{"epoch":1,"loss":0.4,"accuracy":0.88}]},"final":{"trainLoss":0.6,"validationLoss":0.4,"validationAccuracy":0.88,"macroAuc":0.98}}]}`;
    const back = fromJson(old);
    expect(back.ok && back.records.map((r) => [r.status, r.curves.train.length])).toEqual([['stopped', 2]]);
  });
});

describe('reading a file run by run', () => {
  it('checks the envelope first, then each run with its number', () => {
    const header = readHistoryHeader(toJson([single(), ...race()], AT));
    expect(header.ok && header.runs).toHaveLength(3);
    if (!header.ok) return;
    expect(readHistoryRun(header.runs[0], 0).ok).toBe(true);
    const bad = readHistoryRun({ ...(header.runs[1] as object), kind: 'solo' }, 1);
    expect(bad).toEqual({
      ok: false,
      problem: {
        code: 'badRun',
        run: 2,
        name: 'Race · lr 0.1 · μ 0.5',
        problem: { code: 'wrong', path: 'kind', expected: { kind: 'oneOf', values: ['single', 'race'] }, got: { kind: 'text', text: 'solo' } },
      },
    });
    expect(!bad.ok && historyFileProblemText(bad.problem)).toBe(
      'Run 2 (“Race · lr 0.1 · μ 0.5”): kind must be one of "single", "race"; not "solo". Nothing was imported.',
    );
    expect(readHistoryHeader('[]')).toMatchObject({ ok: false });
  });
});

describe('fromJson rejects, saying why', () => {
  it('text that is not JSON', () => rejects('{"format": ', 'not valid JSON'));
  it('a model file', () => rejects({ format: 'mnist-lab-model', version: 1 }, 'saved model file', 'Saved models'));
  it('another format', () => rejects({ format: 'other', version: 1, runs: [] }, '"format"', HISTORY_FORMAT));
  it('a top level that is not an object', () => rejects([1, 2], '"format"'));
  it('another version', () => rejects({ ...doc(), version: 3 }, 'version 3', 'reads versions 1 and 2'));
  it('a missing runs list', () => rejects({ ...doc(), runs: undefined }, '"runs" list is missing'));
  it('no runs', () => rejects({ ...doc(), runs: [] }, 'holds no runs'));
  it('too many runs', () => rejects({ ...doc(), runs: Array.from({ length: 1001 }, () => ({})) }, '1,001 runs', 'at most 1,000'));

  const damage = (label: string, edit: (d: ReturnType<typeof doc>) => void, ...parts: string[]) =>
    it(label, () => {
      const d = doc();
      edit(d);
      rejects(d, ...parts, 'Nothing was imported.');
    });

  damage(
    'a run that is not an object',
    (d) => {
      d.runs[1] = [] as never;
    },
    'Run 2:',
    'must be an object, not a list',
  );
  damage(
    'a missing name',
    (d) => {
      delete d.runs[0].name;
    },
    'Run 1:',
    'name must be a text, not missing',
  );
  damage(
    'an empty name',
    (d) => {
      d.runs[0].name = '  ';
    },
    'Run 1:',
    'name must not be empty',
  );
  damage(
    'an overlong name',
    (d) => {
      d.runs[0].name = 'x'.repeat(201);
    },
    'name must be at most 200 characters long, not a text of 201 characters',
  );
  damage(
    'a date that is not a date',
    (d) => {
      d.runs[0].savedAt = 'yesterday';
    },
    'Run 1 (“Run · lr 0.01 · μ 0.5”)',
    'savedAt must be a date',
    'not "yesterday"',
  );
  damage(
    'an unknown kind',
    (d) => {
      d.runs[0].kind = 'solo';
    },
    'kind must be one of "single", "race"; not "solo"',
  );
  damage(
    'an unknown status',
    (d) => {
      d.runs[2].status = 'exploded';
    },
    'Run 3',
    'status must be one of "completed", "stopped", "diverged", "collapsed", "early-stopped", "interrupted"; not "exploded"',
  );
  damage(
    'missing settings',
    (d) => {
      delete d.runs[0].settings;
    },
    'settings must be an object, not missing',
  );
  it('gives a setting missing from a run (an earlier file) the notebook’s value', () => {
    const d = doc();
    delete run0(d).settings.batchSize;
    const r = fromJson(JSON.stringify(d));
    expect(r.ok && r.records[0].settings.batchSize).toBe(PRESET.batchSize);
  });
  damage(
    'a setting given as text',
    (d) => {
      run0(d).settings.learningRate = '0.1';
    },
    'settings.learningRate must be a number, not "0.1"',
  );
  damage(
    'a setting out of range',
    (d) => {
      run0(d).settings.learningRate = 50;
    },
    'settings.learningRate must be at most 10, not 50. Nothing',
  );
  damage(
    'a zero learning rate',
    (d) => {
      run0(d).settings.learningRate = 0;
    },
    'settings.learningRate must be at least 0.00001, not 0',
  );
  damage(
    'a fractional epoch count',
    (d) => {
      run0(d).settings.epochs = 2.5;
    },
    'settings.epochs must be a whole number, not 2.5',
  );
  damage(
    'an unknown schedule',
    (d) => {
      run0(d).settings.schedule = 'sawtooth';
    },
    'settings.schedule must be one of "constant", "step", "exponential", "cosine", "one-cycle"; not "sawtooth"',
  );
  damage(
    'missing curves',
    (d) => {
      delete d.runs[0].curves;
    },
    'curves must be an object, not missing',
  );
  damage(
    'a training curve that is not a list',
    (d) => {
      run0(d).curves.train = {} as never;
    },
    'curves.train must be a list, not an object',
  );
  damage(
    'a training point that is not an object',
    (d) => {
      run0(d).curves.train[3] = 5 as never;
    },
    'curves.train[3] must be an object, not 5',
  );
  damage(
    'a training loss that is null (NaN in the exporting tool)',
    (d) => {
      run0(d).curves.train[2].loss = null;
    },
    'curves.train[2].loss must be a number, not null',
  );
  damage(
    'a negative loss',
    (d) => {
      run0(d).curves.train[0].loss = -1;
    },
    'curves.train[0].loss must be at least 0, not -1',
  );
  damage(
    'more validation points than epochs',
    (d) => {
      run0(d).curves.validation.push({ epoch: 4, loss: 0.2, accuracy: 0.9 });
    },
    '4 points in curves.validation, more than its 3 epochs',
  );
  damage(
    'an accuracy above 1',
    (d) => {
      run0(d).curves.validation[1].accuracy = 91;
    },
    'curves.validation[1].accuracy must be at most 1, not 91',
  );
  damage(
    'final metrics that are not an object',
    (d) => {
      d.runs[0].final = 3;
    },
    'final must be an object, not 3',
  );
  damage(
    'a final metric as text',
    (d) => {
      run0(d).final.validationAccuracy = '93%';
    },
    'final.validationAccuracy must be a number, not "93%"',
  );
  damage(
    'a fractional epoch to 90 %',
    (d) => {
      run0(d).final.epochToNinety = 1.5;
    },
    'final.epochToNinety must be a whole number, not 1.5',
  );
  damage(
    'a race id that is not text',
    (d) => {
      d.runs[1].raceId = 4;
    },
    'Run 2',
    'raceId must be a text, not 4',
  );
  damage(
    'a message that is not text',
    (d) => {
      d.runs[2].message = { a: 1 };
    },
    'message must be a text, not an object',
  );
  damage(
    'a note of no known reason',
    (d) => {
      d.runs[2].note = { reason: 'exploded' };
    },
    'Run 3',
    'note.reason must be one of "diverged", "early-stopped", "collapsed"; not "exploded"',
  );
  damage(
    'a diverged note without its batch',
    (d) => {
      (d.runs[2].note as Record<string, unknown>).step = undefined;
    },
    'note.step must be a number, not missing',
  );
  damage(
    'a learning-rate change without a rate',
    (d) => {
      (d.runs[0].changes as Record<string, unknown>[])[0].learningRate = undefined;
    },
    'changes[0].learningRate must be a number, not missing',
  );

  it('a number too large to be finite', () => {
    const text = toJson([single()], AT).replace('"loss":2.3', '"loss":1e400');
    rejects(text, 'curves.train[0].loss must be a finite number, not Infinity');
  });
});

describe('CSV', () => {
  it('quotes commas, quotes, line breaks and edge spaces; doubles quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvCell('Run · lr 0.1 · μ 0.5')).toBe('Run · lr 0.1 · μ 0.5');
  });

  it('never lets a name run as a spreadsheet formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-lr')).toBe("'-lr");
    expect(csvCell('@x')).toBe("'@x");
  });

  it('writes numbers as they are, and nothing for absent ones', () => {
    expect(csvCell(1e-5)).toBe('0.00001');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(NaN)).toBe('');
  });

  it('has one row per run with its settings and final metrics', () => {
    const rec = { ...single(), name: 'best, so far' };
    const csv = toCsv([rec, ...race()]);
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      'name,saved_at,kind,race_id,status,optimizer,learning_rate,momentum,nesterov,beta1,beta2,alpha,epsilon,schedule,weight_decay,dropout,patience,hidden_layers,activation,init,input_scaling,train_size,rotation_deg,shift_px,scale_pct,elastic,elastic_alpha,elastic_sigma,epochs,batch_size,seed,epochs_trained,lr_changes,train_loss,validation_loss,validation_accuracy,macro_auc,test_accuracy,epoch_to_90,' +
        'test_accuracy_rot_-45,test_accuracy_rot_-30,test_accuracy_rot_-15,test_accuracy_rot_0,test_accuracy_rot_15,test_accuracy_rot_30,test_accuracy_rot_45',
    );
    expect(lines[1]).toBe(
      `"best, so far",${AT},single,,completed,sgd,0.01,0.5,false,0.9,0.999,0.99,1e-8,constant,0,0,0,128 64,relu,pytorch,unit,50000,0,0,0,false,34,4,3,64,1,3,1,0.3,0.25,0.93,0.995,0.935,2,,,,,,,`,
    );
    const accuracies = [0.45, 0.6, 0.75, 0.9, 0.75, 0.6, 0.45];
    const turned = { ...rec, rotation: [-45, -30, -15, 0, 15, 30, 45].map((angleDeg, i) => ({ angleDeg, accuracy: accuracies[i] })) };
    expect(toCsv([turned]).split('\r\n')[1]).toMatch(/,2,0\.45,0\.6,0\.75,0\.9,0\.75,0\.6,0\.45$/);
    expect(lines[3]).toMatch(/^Race · lr 10 · μ 0\.5,.*,race,.*#9,diverged,sgd,10,0\.5,/);
    // A diverged run has no epoch to 90 % and no test accuracy: empty cells, not "undefined".
    expect(lines[3].endsWith(',,')).toBe(true);
    expect(csv).not.toContain('undefined');
  });

  it('writes the curves in long form', () => {
    const rec = single();
    const lines = curvesToCsv([rec]).trimEnd().split('\r\n');
    expect(lines[0]).toBe('run,series,epoch,loss,accuracy');
    expect(lines).toHaveLength(1 + rec.curves.train.length + rec.curves.validation.length);
    expect(lines[1]).toBe('Run · lr 0.01 · μ 0.5,train,0.1,2.3,');
    expect(lines.at(-1)).toBe('Run · lr 0.01 · μ 0.5,validation,3,0.25,0.93');
  });
});
