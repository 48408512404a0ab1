/**
 * A handful of file problems in both languages: the codes come from the
 * readers (their own tests check which code for which input); these check
 * the words a student editing the JSON reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { decodeModelFile } from '../model/modelFile.ts';
import { array, check, int, name, object, oneOf } from '../shared/validate.ts';
import type { ReadProblem } from '../shared/validate.ts';
import { historyFileProblemText, loadRefusalText, modelFileProblemText, readProblemText } from './fileWords.ts';
import { fromJson } from './history/exchange.ts';

afterEach(() => void i18n.changeLanguage('en'));

const problem = (r: { ok: true } | { ok: false; problem: ReadProblem }): ReadProblem => {
  if (r.ok) throw new Error('accepted');
  return r.problem;
};

const epochs = problem(check(object({ metrics: object({ epochsTrained: int(0) }) }), { metrics: { epochsTrained: {} } }));
const kind = problem(oneOf(['single', 'race'])('solo', 'runs[0].kind'));
const huge = problem(name('x'.repeat(100_000), 'name'));
const many = problem(
  array(int(0), { max: 1000 })(
    Array.from({ length: 1001 }, () => 1),
    'curves.train',
  ),
);
const whole = problem(check(object({}), [1]));

describe('file problems in English', () => {
  it('name the field by its path and the wrong value briefly', () => {
    expect(readProblemText(epochs)).toBe('metrics.epochsTrained must be a number, not an object');
    expect(readProblemText(kind)).toBe('runs[0].kind must be one of "single", "race"; not "solo"');
    expect(readProblemText(huge)).toBe('name must be at most 200 characters long, not a text of 100,000 characters');
    expect(readProblemText(many)).toBe('curves.train has 1,001 entries, more than the 1,000 allowed');
    expect(readProblemText(whole)).toBe('it must be an object, not a list');
  });

  it('say what is wrong with a model file as a whole', () => {
    const refused = (text: string) => {
      const r = decodeModelFile(text);
      return r.ok ? 'accepted' : modelFileProblemText(r.problem);
    };
    expect(refused('{')).toBe('This file is not a mnist-lab model: it is not valid JSON.');
    expect(refused('{"format":"mnist-lab-model","version":9}')).toBe(
      'This model file is version 9, from a newer mnist-lab; this lab reads versions up to 2. Open it in the newer lab.',
    );
    expect(refused('{"format":"mnist-lab-model"}')).toBe('This model file has no "version" field; this lab reads versions 1 and 2.');
    expect(refused('{"format":"mnist-lab-model","version":2,"arch":{"sizes":[784,2000,10]}}')).toBe(
      "This model's network cannot be built here: arch has sizes 784 → 2000 → 10: at most 4 hidden layers of at most 1024 units.",
    );
    expect(loadRefusalText({ code: 'invalid', problem: { code: 'weightArrays', path: 'params', count: 6 } })).toBe('params must be a list of 6 weight arrays');
  });

  it('and with a run history file', () => {
    const refused = (doc: unknown) => {
      const r = fromJson(JSON.stringify(doc));
      return r.ok ? 'accepted' : historyFileProblemText(r.problem);
    };
    expect(refused({ format: 'mnist-lab-history', version: 7, runs: [] })).toBe('This run history has version 7; this lab reads versions 1 and 2.');
    expect(refused({ format: 'mnist-lab-history', version: 2, runs: [{ name: 'mine' }] })).toBe(
      'Run 1 (“mine”): savedAt must be a date like "2025-03-01T10:00:00.000Z", not missing. Nothing was imported.',
    );
  });
});

describe('file problems in Brazilian Portuguese', () => {
  it('keep the file’s own paths and values, in Portuguese sentences', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(readProblemText(epochs)).toBe('metrics.epochsTrained deve ser um número, não um objeto');
    expect(readProblemText(kind)).toBe('runs[0].kind deve ser um destes: "single", "race"; não "solo"');
    expect(readProblemText(huge)).toBe('name deve ser um texto de no máximo 200 caracteres, não um texto de 100.000 caracteres');
    expect(readProblemText(whole)).toBe('o documento deve ser um objeto, não uma lista');
    const r = fromJson(JSON.stringify({ format: 'mnist-lab-history', version: 2, runs: [] }));
    expect(!r.ok && historyFileProblemText(r.problem)).toBe('Este histórico de treinos não tem nenhum treino.');
  });
});
