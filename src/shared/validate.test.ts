import { describe, expect, it } from 'vitest';
import { array, check, fraction, int, isoDate, name, number, object, oneOf, optional, refine, shown, text } from './validate.ts';

const refused = (r: { ok: boolean; message?: string }) => (r.ok ? 'accepted' : r.message);

describe('readers', () => {
  it('name the field by its path, and the wrong value briefly', () => {
    const read = object({ metrics: object({ epochsTrained: int(0) }), curves: object({ train: array(object({ loss: number({ min: 0 }) }), { max: 10 }) }) });
    expect(refused(check(read, { metrics: { epochsTrained: {} }, curves: { train: [] } }))).toBe('metrics.epochsTrained must be a number, not an object');
    expect(refused(check(read, { metrics: { epochsTrained: 1.5 }, curves: { train: [] } }))).toBe('metrics.epochsTrained must be a whole number, not 1.5');
    expect(refused(check(read, { metrics: { epochsTrained: 1 }, curves: { train: [{ loss: 1 }, { loss: -1 }] } }))).toBe(
      'curves.train[1].loss must be at least 0, not -1',
    );
    expect(refused(check(read, [1]))).toBe('it must be an object, not a list');
  });

  it('refuse NaN and the infinities as numbers', () => {
    expect(refused(number()(NaN, 'x'))).toBe('x must be a finite number, not NaN');
    expect(refused(number()(-Infinity, 'x'))).toBe('x must be a finite number, not -Infinity');
    expect(refused(fraction(1.01, 'acc'))).toBe('acc must be at most 1, not 1.01');
    expect(refused(number({ min: 0, minExclusive: true })(0, 'lr'))).toBe('lr must be greater than 0, not 0');
  });

  it('trim texts and bound them, saying how long a huge one was rather than quoting it', () => {
    expect(check(name, '  mine ')).toEqual({ ok: true, value: 'mine' });
    expect(refused(check(name, '   '))).toBe('it must not be empty');
    expect(refused(name('x'.repeat(100_000), 'name'))).toBe('name must be at most 200 characters long, not a text of 100,000 characters');
    expect(check(text({ max: 5, empty: true }), '')).toEqual({ ok: true, value: '' });
  });

  it('read dates as ISO 8601 in UTC', () => {
    expect(check(isoDate, '2025-03-01T11:00:00+01:00')).toEqual({ ok: true, value: '2025-03-01T10:00:00.000Z' });
    expect(refused(isoDate('yesterday', 'savedAt'))).toMatch(/^savedAt must be a date like/);
    expect(refused(isoDate(1700000000000, 'savedAt'))).toMatch(/not 1700000000000$/);
  });

  it('take one of a fixed list', () => {
    expect(refused(oneOf(['a', 'b'])('c', 'kind'))).toBe('kind must be one of "a", "b"; not "c"');
    expect(check(oneOf([true]), true)).toEqual({ ok: true, value: true });
  });

  it('bound lists before reading their entries', () => {
    expect(refused(array(int(0), { max: 2 })([1, 2, 'x'], 'l'))).toBe('l has 3 entries, more than the 2 allowed');
  });

  it('leave out unknown keys, or refuse them when asked', () => {
    const read = object({ a: int(0), b: optional(int(0)) });
    expect(check(read, { a: 1, extra: '<script>' })).toEqual({ ok: true, value: { a: 1 } });
    expect(refused(check(object({ a: int(0) }, { extra: 'refuse' }), { a: 1, extra: 2 }))).toBe('it has a field this lab does not know: "extra"');
  });

  it('leave a missing optional field absent, not undefined; null only where it means "not available"', () => {
    const r = check(object({ a: optional(int(0)) }), { a: undefined });
    expect(r.ok && Object.keys(r.value)).toEqual([]);
    expect(check(object({ a: optional(fraction, { nullIsAbsent: true }) }), { a: null })).toEqual({ ok: true, value: {} });
    expect(refused(check(object({ a: optional(fraction) }), { a: null }))).toBe('a must be a number, not null');
  });

  it('take further checks', () => {
    const even = refine(int(0), (n) => (n % 2 ? 'must be even' : null));
    expect(refused(even(3, 'n'))).toBe('n must be even');
    expect(check(even, 4)).toEqual({ ok: true, value: 4 });
  });

  it('show values briefly', () => {
    expect([undefined, null, true, 'ab', '', [], {}, new Float32Array(2), 1n].map(shown)).toEqual([
      'missing',
      'null',
      'true',
      '"ab"',
      'an empty text',
      'a list',
      'an object',
      'binary data',
      'a bigint',
    ]);
  });
});
