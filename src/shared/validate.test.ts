import { describe, expect, it } from 'vitest';
import type { Checked, ReadProblem } from './validate.ts';
import { array, check, fraction, int, isoDate, name, number, object, oneOf, optional, refine, shown, text } from './validate.ts';

// The words for these codes ("metrics.epochsTrained must be a number, not an object") are checked in app/fileWords.test.ts.
const refused = (r: Checked<unknown>): ReadProblem | 'accepted' => (r.ok ? 'accepted' : r.problem);
const wrong = (path: string, expected: object, got: object) => ({ code: 'wrong', path, expected, got });

describe('readers', () => {
  it('name the field by its path, and the wrong value briefly', () => {
    const read = object({ metrics: object({ epochsTrained: int(0) }), curves: object({ train: array(object({ loss: number({ min: 0 }) }), { max: 10 }) }) });
    expect(refused(check(read, { metrics: { epochsTrained: {} }, curves: { train: [] } }))).toEqual(
      wrong('metrics.epochsTrained', { kind: 'number' }, { kind: 'object' }),
    );
    expect(refused(check(read, { metrics: { epochsTrained: 1.5 }, curves: { train: [] } }))).toEqual(
      wrong('metrics.epochsTrained', { kind: 'wholeNumber' }, { kind: 'value', value: '1.5' }),
    );
    expect(refused(check(read, { metrics: { epochsTrained: 1 }, curves: { train: [{ loss: 1 }, { loss: -1 }] } }))).toEqual(
      wrong('curves.train[1].loss', { kind: 'atLeast', min: 0 }, { kind: 'value', value: '-1' }),
    );
    expect(refused(check(read, [1]))).toEqual(wrong('', { kind: 'object' }, { kind: 'list' }));
  });

  it('refuse NaN and the infinities as numbers', () => {
    expect(refused(number()(NaN, 'x'))).toEqual(wrong('x', { kind: 'finiteNumber' }, { kind: 'value', value: 'NaN' }));
    expect(refused(number()(-Infinity, 'x'))).toEqual(wrong('x', { kind: 'finiteNumber' }, { kind: 'value', value: '-Infinity' }));
    expect(refused(fraction(1.01, 'acc'))).toEqual(wrong('acc', { kind: 'atMost', max: 1 }, { kind: 'value', value: '1.01' }));
    expect(refused(number({ min: 0, minExclusive: true })(0, 'lr'))).toEqual(wrong('lr', { kind: 'greaterThan', min: 0 }, { kind: 'value', value: '0' }));
  });

  it('trim texts and bound them, saying how long a huge one was rather than quoting it', () => {
    expect(check(name, '  mine ')).toEqual({ ok: true, value: 'mine' });
    expect(refused(check(name, '   '))).toEqual({ code: 'empty', path: '' });
    expect(refused(name('x'.repeat(100_000), 'name'))).toEqual(wrong('name', { kind: 'atMostChars', max: 200 }, { kind: 'longText', length: 100_000 }));
    expect(check(text({ max: 5, empty: true }), '')).toEqual({ ok: true, value: '' });
  });

  it('read dates as ISO 8601 in UTC', () => {
    expect(check(isoDate, '2025-03-01T11:00:00+01:00')).toEqual({ ok: true, value: '2025-03-01T10:00:00.000Z' });
    expect(refused(isoDate('yesterday', 'savedAt'))).toEqual(wrong('savedAt', { kind: 'date' }, { kind: 'text', text: 'yesterday' }));
    expect(refused(isoDate(1700000000000, 'savedAt'))).toMatchObject({ got: { kind: 'value', value: '1700000000000' } });
  });

  it('take one of a fixed list', () => {
    expect(refused(oneOf(['a', 'b'])('c', 'kind'))).toEqual(wrong('kind', { kind: 'oneOf', values: ['a', 'b'] }, { kind: 'text', text: 'c' }));
    expect(check(oneOf([true]), true)).toEqual({ ok: true, value: true });
  });

  it('bound lists before reading their entries', () => {
    expect(refused(array(int(0), { max: 2 })([1, 2, 'x'], 'l'))).toEqual({ code: 'tooMany', path: 'l', count: 3, max: 2 });
    expect(refused(array(int(0), { max: 2, min: 1 })([], 'l'))).toEqual({ code: 'tooFew', path: 'l', count: 0, min: 1 });
  });

  it('leave out unknown keys, or refuse them when asked', () => {
    const read = object({ a: int(0), b: optional(int(0)) });
    expect(check(read, { a: 1, extra: '<script>' })).toEqual({ ok: true, value: { a: 1 } });
    expect(refused(check(object({ a: int(0) }, { extra: 'refuse' }), { a: 1, extra: 2 }))).toEqual({ code: 'unknownField', path: '', field: 'extra' });
  });

  it('leave a missing optional field absent, not undefined; null only where it means "not available"', () => {
    const r = check(object({ a: optional(int(0)) }), { a: undefined });
    expect(r.ok && Object.keys(r.value)).toEqual([]);
    expect(check(object({ a: optional(fraction, { nullIsAbsent: true }) }), { a: null })).toEqual({ ok: true, value: {} });
    expect(refused(check(object({ a: optional(fraction) }), { a: null }))).toEqual(wrong('a', { kind: 'number' }, { kind: 'value', value: 'null' }));
  });

  it('take further checks, named by their own code at the value’s path', () => {
    const even = refine(int(0), (n, path) => (n % 2 ? { code: 'notHex', path, digits: 2 } : null));
    expect(refused(even(3, 'n'))).toEqual({ code: 'notHex', path: 'n', digits: 2 });
    expect(check(even, 4)).toEqual({ ok: true, value: 4 });
  });

  it('show values briefly', () => {
    expect([undefined, null, true, 'ab', '', [], {}, new Float32Array(2), 1n, 'y'.repeat(41)].map(shown)).toEqual([
      { kind: 'missing' },
      { kind: 'value', value: 'null' },
      { kind: 'value', value: 'true' },
      { kind: 'text', text: 'ab' },
      { kind: 'emptyText' },
      { kind: 'list' },
      { kind: 'object' },
      { kind: 'binary' },
      { kind: 'other', type: 'bigint' },
      { kind: 'longText', length: 41 },
    ]);
  });
});
