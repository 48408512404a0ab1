import { describe, expect, it } from 'vitest';
import { RACE_PRESET, parseRaceRuns, parseRates } from './parseRates.ts';
import { listProblemText, racePresetText } from './raceWords.ts';

// The page is in English in Node (no address, storage or browser language): these check the words too.
const message = (text: string) => {
  const r = parseRates(text);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return listProblemText(r.problem);
};

describe('parseRates', () => {
  it('reads commas, spaces, semicolons and exponent forms, in the order entered', () => {
    expect(parseRates('0.001, 0.01, 0.1, 1')).toEqual({ ok: true, value: [0.001, 0.01, 0.1, 1] });
    expect(parseRates('  1e-3 0.5\n0.05;2, ')).toEqual({ ok: true, value: [0.001, 0.5, 0.05, 2] });
    expect(parseRates(racePresetText())).toEqual({ ok: true, value: [...RACE_PRESET] });
  });

  it('asks for learning rates when the field is empty', () => {
    expect(message('')).toBe('Enter 2 to 6 learning rates, separated by commas or spaces, like 0.001, 0.01, 0.1, 1.');
    expect(message(' , ,')).toMatch(/^Enter 2 to 6 learning rates/);
  });

  it('names each item that is not a number, with the form’s message', () => {
    expect(message('0.01, abc, 0x1f')).toBe('“abc”: The learning rate must be a number, like 0.01. “0x1f”: The learning rate must be a number, like 0.01.');
  });

  it('names each item outside the learning-rate range, with the form’s message', () => {
    expect(message('0.01, 20')).toBe('“20”: The learning rate must be at most 10 (range 1e-5 to 10).');
    expect(message('0.01, 1e-6')).toBe('“1e-6”: The learning rate must be at least 1e-5 (range 1e-5 to 10).');
    expect(message('0, 0.1')).toMatch(/^“0”: The learning rate must be greater than 0/);
  });

  it('needs at least two learning rates', () => {
    expect(message('0.1')).toBe('A race needs at least 2 learning rates to compare; add another.');
  });

  it('takes at most six learning rates', () => {
    expect(message('0.001 0.003 0.01 0.03 0.1 0.3 1')).toBe('A race takes at most 6 learning rates (you entered 7): each one trains its own network.');
    expect(parseRates('0.001 0.003 0.01 0.03 0.1 0.3').ok).toBe(true);
  });

  it('leaves repeated learning rates to parseRaceRuns, which judges them with their momenta', () => {
    expect(parseRates('0.1, 0.01, 0.1')).toEqual({ ok: true, value: [0.1, 0.01, 0.1] });
  });
});

const runs = (...pairs: [number, number][]) => ({ ok: true, value: pairs.map(([learningRate, momentum]) => ({ learningRate, momentum })) });
const errors = (rates: string, momenta: string, defaultMomentum = 0.5): { rates?: string; momenta?: string } => {
  const r = parseRaceRuns(rates, momenta, defaultMomentum);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify([rates, momenta])}`);
  const out: { rates?: string; momenta?: string } = {};
  if (r.errors.rates) out.rates = listProblemText(r.errors.rates);
  if (r.errors.momenta) out.momenta = listProblemText(r.errors.momenta);
  return out;
};

describe('parseRaceRuns', () => {
  it('gives every run Settings’ momentum when the momentum field is empty', () => {
    expect(parseRaceRuns('0.001, 0.01, 0.1', '', 0.5)).toEqual(runs([0.001, 0.5], [0.01, 0.5], [0.1, 0.5]));
    expect(parseRaceRuns('0.01 0.1', ' , ', 0.9)).toEqual(runs([0.01, 0.9], [0.1, 0.9]));
  });

  it('gives every run the one momentum entered', () => {
    expect(parseRaceRuns('0.01, 0.1, 1', '0', 0.5)).toEqual(runs([0.01, 0], [0.1, 0], [1, 0]));
  });

  it('pairs one momentum per learning rate, in the order entered', () => {
    expect(parseRaceRuns('0.01, 0.1, 0.01', '0.9; 0\n.5', 0.5)).toEqual(runs([0.01, 0.9], [0.1, 0], [0.01, 0.5]));
  });

  it('names each momentum the settings form would refuse, with the form’s message', () => {
    expect(errors('0.01, 0.1', '0.5, 1')).toEqual({ momenta: '“1”: The momentum must be at most 0.99 (range 0 to 0.99).' });
    expect(errors('0.01, 0.1', 'abc')).toEqual({ momenta: '“abc”: The momentum must be a number, like 0.5.' });
    expect(errors('0.01, 0.1', '-0.1, 0')).toEqual({ momenta: '“-0.1”: The momentum must be at least 0 (range 0 to 0.99).' });
  });

  it('shows a problem in each field at once, each at its own field', () => {
    expect(errors('0.01, 20', '0.5, 2')).toEqual({
      rates: '“20”: The learning rate must be at most 10 (range 1e-5 to 10).',
      momenta: '“2”: The momentum must be at most 0.99 (range 0 to 0.99).',
    });
    expect(errors('0.1', '')).toEqual({ rates: 'A race needs at least 2 learning rates to compare; add another.' });
  });

  it('asks for one momentum, or one per learning rate, when the counts differ', () => {
    expect(errors('0.001, 0.01, 0.1, 1', '0, 0.5, 0.9')).toEqual({ momenta: '4 learning rates but 3 momenta: give one momentum, or one per learning rate.' });
    expect(errors('0.01, 0.1', '0, 0.5, 0.9')).toEqual({ momenta: '2 learning rates but 3 momenta: give one momentum, or one per learning rate.' });
  });

  it('races the same learning rate twice with two momenta', () => {
    expect(parseRaceRuns('0.01, 0.01', '0, 0.9', 0.5)).toEqual(runs([0.01, 0], [0.01, 0.9]));
  });

  it('refuses the same pair of learning rate and momentum twice, by value', () => {
    expect(errors('0.01, 0.1, 1e-2', '0.9, 0.9, 0.90')).toEqual({
      momenta: 'lr “0.01” with μ “0.9” appears more than once: each pair of learning rate and momentum races once.',
    });
    expect(errors('0.01 0.01 0.1 0.1', '0 0 0.5 0.5')).toEqual({
      momenta: 'lr “0.01” with μ “0” and lr “0.1” with μ “0.5” appear more than once: each pair of learning rate and momentum races once.',
    });
  });

  it('refuses a learning rate entered twice when the runs share one momentum, at the rates field', () => {
    const twice = '“0.1” appears more than once: each learning rate races once, unless Momentum per run gives each its own momentum.';
    expect(errors('0.1, 0.01, 0.1', '')).toEqual({ rates: twice });
    expect(errors('0.1, 1e-1', '0.9')).toEqual({ rates: twice });
    expect(errors('0.1 0.1 1 1', '')).toEqual({
      rates: '“0.1” and “1” appear more than once: each learning rate races once, unless Momentum per run gives each its own momentum.',
    });
  });
});

describe('lists in Brazilian Portuguese', () => {
  const pt = { decimalComma: true };

  it('reads the decimal comma, with semicolons or spaces between values', () => {
    expect(parseRates('0,001; 0,01; 0,1; 1', pt)).toEqual({ ok: true, value: [0.001, 0.01, 0.1, 1] });
    expect(parseRates('0,01 0.1', pt)).toEqual({ ok: true, value: [0.01, 0.1] });
  });

  it('refuses a value with both marks as ambiguous', () => {
    const r = parseRates('1.000,5; 0,1', pt);
    expect(r).toMatchObject({ ok: false, problem: { code: 'items', items: [{ item: '1.000,5', problem: { code: 'ambiguousDecimal' } }] } });
  });

  it('in English, a comma separates values', () => {
    expect(parseRates('0.1,0.2')).toEqual({ ok: true, value: [0.1, 0.2] });
  });
});
