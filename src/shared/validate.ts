/**
 * Readers for data that comes from outside the program: an uploaded file, an
 * imported history, a record read back from IndexedDB. Each reader checks one
 * value and returns a copy holding only what it checked, or a problem that
 * names the field by its path in the data (`{ code: 'wrong', path:
 * 'metrics.epochsTrained', expected: wholeNumber, got: object }`, worded by
 * the page as "metrics.epochsTrained must be a whole number, not an object"),
 * so someone editing the file can find it.
 *
 * Pure and dependency-free: compute code (model/) and the page (app/) build
 * their formats' schemas from the same few pieces. Unknown keys are dropped
 * (never passed on, so never rendered) unless an object asks to refuse them.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: ReadProblem };

/** Checks `value`, found at `path` ('' for the whole document). */
export type Reader<T> = (value: unknown, path: string) => Checked<T>;

/** A field that may be absent; object() leaves it out of its result then (absent, not undefined). */
export interface Optional<T> extends Reader<T | undefined> {
  readonly optional: true;
}

/**
 * What a wrong value was, briefly: its kind, or the value itself when it is
 * short. `value`: a number, boolean or null as JavaScript writes it ("1.5",
 * "NaN", "null"): the file's own spelling, the same in every language.
 */
export type Shown =
  | { kind: 'missing' | 'emptyText' | 'list' | 'binary' | 'object' }
  | { kind: 'longText'; length: number }
  | { kind: 'text'; text: string }
  | { kind: 'value'; value: string }
  | { kind: 'other'; type: string };

/** What a field must be. */
export type Expected =
  | { kind: 'text' | 'number' | 'finiteNumber' | 'wholeNumber' | 'list' | 'object' | 'date' }
  | { kind: 'atMostChars'; max: number }
  | { kind: 'atLeast' | 'greaterThan'; min: number }
  | { kind: 'atMost'; max: number }
  | { kind: 'oneOf'; values: readonly (string | number | boolean)[] };

/** How a network reads in a problem: its layer widths, activation and input scaling, as the file writes them. */
export interface NetworkShown {
  sizes: readonly number[];
  activation: string;
  inputScaling: string;
}

/**
 * Why a value was refused, as a code with the field's path and the numbers;
 * the page words it (app/fileWords.ts). The generic ones come from the
 * readers below; the rest are the formats' own rules (refine), named here
 * so that every problem a file can have is one typed list.
 */
export type ReadProblem =
  | { code: 'wrong'; path: string; expected: Expected; got: Shown }
  | { code: 'empty'; path: string }
  | { code: 'tooMany'; path: string; count: number; max: number }
  | { code: 'tooFew'; path: string; count: number; min: number }
  | { code: 'unknownField'; path: string; field: string }
  /** A history record: more validation points than its planned epochs. */
  | { code: 'moreEpochsThanPlanned'; path: string; points: number; epochs: number }
  /** A network that does not take the images' pixels in and give the digits out. */
  | { code: 'networkInOut'; path: string; sizes: readonly number[]; inputs: number; classes: number }
  | { code: 'networkTooBig'; path: string; sizes: readonly number[]; maxLayers: number; maxWidth: number }
  /** A saved model whose settings describe another network than its weights'. */
  | { code: 'settingsMismatch'; path: string; settings: NetworkShown; arch: NetworkShown }
  | { code: 'weightArrays'; path: string; count: number }
  | { code: 'weightLength'; path: string; length: number }
  | { code: 'weightsNotFinite'; path: string }
  | { code: 'notParamShapes'; path: string }
  | { code: 'notHex'; path: string; digits: number }
  | { code: 'notBase64'; path: string }
  | { code: 'weightBytes'; path: string; bytes: number; expected: number }
  | { code: 'checksumMismatch'; path: string };

/** Names and labels a person types: long enough for any real name, short enough to lay out. */
export const MAX_NAME = 200;

export const good = <T>(value: T): Checked<T> => ({ ok: true, value });
export const bad = (problem: ReadProblem): Checked<never> => ({ ok: false, problem });

/** A child's path: `metrics.epochsTrained`, `curves.train[3]`. */
export const child = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v);

/** How a wrong value reads in a problem: short, whatever it is. */
export function shown(v: unknown): Shown {
  if (v === undefined) return { kind: 'missing' };
  if (typeof v === 'string') {
    if (v.length > 40) return { kind: 'longText', length: v.length };
    return v.trim() ? { kind: 'text', text: v } : { kind: 'emptyText' };
  }
  if (Array.isArray(v)) return { kind: 'list' };
  if (ArrayBuffer.isView(v)) return { kind: 'binary' };
  if (typeof v === 'object' && v !== null) return { kind: 'object' };
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return { kind: 'value', value: String(v) };
  return { kind: 'other', type: typeof v };
}

const wrong = (path: string, expected: Expected, v: unknown): Checked<never> => bad({ code: 'wrong', path, expected, got: shown(v) });

/** Runs a reader on a whole document. */
export const check = <T>(read: Reader<T>, value: unknown): Checked<T> => read(value, '');

export interface TextRule {
  /** Longest accepted, in UTF-16 units, after trimming. */
  max: number;
  /** Whether '' (after trimming) is accepted; default no. */
  empty?: boolean;
}

/** A string, trimmed. */
export function text({ max, empty = false }: TextRule): Reader<string> {
  return (v, path) => {
    if (typeof v !== 'string') return wrong(path, { kind: 'text' }, v);
    const t = v.trim();
    if (!t && !empty) return bad({ code: 'empty', path });
    if (t.length > max) return wrong(path, { kind: 'atMostChars', max }, v);
    return good(t);
  };
}

/** A name a person gave: non-empty, at most MAX_NAME characters. */
export const name: Reader<string> = text({ max: MAX_NAME });

export interface NumberRule {
  min?: number;
  max?: number;
  /** Whether `min` itself is refused (a learning rate of 0). */
  minExclusive?: boolean;
  integer?: boolean;
}

/** A finite number within the rule's bounds. */
export function number(rule: NumberRule = {}): Reader<number> {
  return (v, path) => {
    if (typeof v !== 'number') return wrong(path, { kind: 'number' }, v);
    if (!Number.isFinite(v)) return wrong(path, { kind: 'finiteNumber' }, v);
    if (rule.integer && !Number.isInteger(v)) return wrong(path, { kind: 'wholeNumber' }, v);
    if (rule.min !== undefined && (v < rule.min || (rule.minExclusive && v === rule.min))) {
      return wrong(path, { kind: rule.minExclusive ? 'greaterThan' : 'atLeast', min: rule.min }, v);
    }
    if (rule.max !== undefined && v > rule.max) return wrong(path, { kind: 'atMost', max: rule.max }, v);
    return good(v);
  };
}

/** A whole number from min to max. */
export const int = (min: number, max: number = Number.MAX_SAFE_INTEGER): Reader<number> => number({ min, max, integer: true });

/** A 0..1 fraction: accuracies, AUCs. */
export const fraction: Reader<number> = number({ min: 0, max: 1 });

/** A date as text that Date.parse reads; returned as ISO 8601 in UTC. */
export const isoDate: Reader<string> = (v, path) => {
  // Longer than any ISO form: a bound before parsing.
  const t = typeof v === 'string' && v.length <= 40 ? Date.parse(v) : NaN;
  if (!Number.isFinite(t)) return wrong(path, { kind: 'date' }, v);
  return good(new Date(t).toISOString());
};

/** One of a fixed list of values (compared with ===). */
export function oneOf<const T extends string | number | boolean>(values: readonly T[]): Reader<T> {
  return (v, path) => ((values as readonly unknown[]).includes(v) ? good(v as T) : wrong(path, { kind: 'oneOf', values }, v));
}

/** A list of at most `max` entries, each read by `of`. */
export function array<T>(of: Reader<T>, { max, min = 0 }: { max: number; min?: number }): Reader<T[]> {
  return (v, path) => {
    if (!Array.isArray(v)) return wrong(path, { kind: 'list' }, v);
    if (v.length > max) return bad({ code: 'tooMany', path, count: v.length, max });
    if (v.length < min) return bad({ code: 'tooFew', path, count: v.length, min });
    const out: T[] = [];
    for (let i = 0; i < v.length; i++) {
      const r = of(v[i], child(path, i));
      if (!r.ok) return r;
      out.push(r.value);
    }
    return good(out);
  };
}

type Shape = Record<string, Reader<unknown>>;
type ValueOf<R> = R extends Reader<infer T> ? T : never;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S> = { [K in keyof S]: S[K] extends Optional<unknown> ? K : never }[keyof S];
type Flat<T> = { [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flat<{ [K in RequiredKeys<S>]: ValueOf<S[K]> } & { [K in OptionalKeys<S>]?: Exclude<ValueOf<S[K]>, undefined> }>;

/**
 * An object with the fields of `shape`, read in order; the first bad field's
 * problem is the answer. Unknown keys are left out of the result ('ignore',
 * the default: a newer lab may add a field), or refused ('refuse').
 */
export function object<S extends Shape>(shape: S, { extra = 'ignore' }: { extra?: 'ignore' | 'refuse' } = {}): Reader<ObjectOf<S>> {
  return (v, path) => {
    if (!isPlainObject(v)) return wrong(path, { kind: 'object' }, v);
    if (extra === 'refuse') {
      const unknown = Object.keys(v).find((k) => !Object.hasOwn(shape, k));
      if (unknown !== undefined) return bad({ code: 'unknownField', path, field: unknown.slice(0, 40) });
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const r = shape[key](Object.hasOwn(v, key) ? v[key] : undefined, child(path, key));
      if (!r.ok) return r;
      if (r.value !== undefined) out[key] = r.value;
    }
    return good(out as ObjectOf<S>);
  };
}

/**
 * A field that may be missing. With `nullIsAbsent`, null is read as missing
 * too: JSON writes a NaN as null, so a file may hold null where a figure
 * was not available.
 */
export function optional<T>(read: Reader<T>, { nullIsAbsent = false }: { nullIsAbsent?: boolean } = {}): Optional<T> {
  const r: Reader<T | undefined> = (v, path) => (v === undefined || (nullIsAbsent && v === null) ? good(undefined) : read(v, path));
  return Object.assign(r, { optional: true as const });
}

/** A further check on a read value: `problem` names what is wrong with it (at `path`), or returns null. */
export function refine<T>(read: Reader<T>, problem: (value: T, path: string) => ReadProblem | null): Reader<T> {
  return (v, path) => {
    const r = read(v, path);
    if (!r.ok) return r;
    const p = problem(r.value, path);
    return p === null ? r : bad(p);
  };
}
