import { describe, expect, it } from 'vitest';
import { RACE_PRESET, RACE_PRESET_TEXT, parseRates } from './parseRates.ts';

const message = (text: string) => {
  const r = parseRates(text);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return r.message;
};

describe('parseRates', () => {
  it('reads commas, spaces, semicolons and exponent forms, in the order entered', () => {
    expect(parseRates('0.001, 0.01, 0.1, 1')).toEqual({ ok: true, value: [0.001, 0.01, 0.1, 1] });
    expect(parseRates('  1e-3 0.5\n0.05;2, ')).toEqual({ ok: true, value: [0.001, 0.5, 0.05, 2] });
    expect(parseRates(RACE_PRESET_TEXT)).toEqual({ ok: true, value: [...RACE_PRESET] });
  });

  it('asks for learning rates when the field is empty', () => {
    expect(message('')).toBe('Enter 2 to 6 learning rates, separated by commas or spaces, like 0.001, 0.01, 0.1, 1.');
    expect(message(' , ,')).toMatch(/^Enter 2 to 6 learning rates/);
  });

  it('names each item that is not a number, with the form’s message', () => {
    expect(message('0.01, abc, 0x1f')).toBe(
      '“abc”: The learning rate must be a number, like 0.01. “0x1f”: The learning rate must be a number, like 0.01.',
    );
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

  it('rejects a learning rate entered twice, by value', () => {
    expect(message('0.1, 0.01, 0.1')).toBe('“0.1” appears more than once: each learning rate races once.');
    expect(message('0.1, 1e-1')).toBe('“0.1” appears more than once: each learning rate races once.');
    expect(message('0.1 0.1 1 1')).toBe('“0.1”, “1” appear more than once: each learning rate races once.');
  });
});
