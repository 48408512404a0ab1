/**
 * Malformed copies of a valid document, one field at a time, for the
 * validators' tests: every field (into objects, and into the first entry of
 * each list) gets each value of another type, NaN and ±Infinity, a
 * 100,000-character text, and is removed; the whole document is replaced by
 * non-objects. A validator must refuse each copy with a message that names
 * the field. Hand-rolled (no property-testing dependency): the set of wrong
 * values is small and fixed, so every run checks the same cases.
 */

export interface Variant {
  /** The field's path as the messages write it: `metrics.epochsTrained`, `curves.train[0].loss`; '' for the whole document. */
  path: string;
  /** What was done to it, for the test's name. */
  change: string;
  /** The wrong value put there; undefined when the field was removed. */
  value: unknown;
  doc: unknown;
}

export interface MalformedOptions {
  /** Fields that may be missing (removing them is no error). */
  optional?: readonly string[];
  /** Fields where null means "not available" and is accepted. */
  nullable?: readonly string[];
}

const HUGE = 'x'.repeat(100_000);

/** One value of each JSON type, and the numbers JSON cannot hold. */
const WRONG: ReadonlyArray<[string, unknown]> = [
  ['a text', 'seven'],
  ['a number', 7],
  ['a boolean', true],
  ['null', null],
  ['an object', { a: 1 }],
  ['a list', [1]],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['a 100,000-character text', HUGE],
];

type Kind = 'text' | 'number' | 'boolean' | 'null' | 'object' | 'list' | 'binary' | 'other';

function kindOf(v: unknown): Kind {
  if (typeof v === 'string') return 'text';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'boolean';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (ArrayBuffer.isView(v)) return 'binary';
  return typeof v === 'object' ? 'object' : 'other';
}

/** Whether `wrong` is a case worth trying for a field that holds `valid`: another type, or a value no field of its type takes. */
function worthTrying(valid: unknown, wrong: unknown): boolean {
  const k = kindOf(valid);
  if (typeof wrong === 'number' && !Number.isFinite(wrong)) return true;
  if (wrong === HUGE) return true;
  return kindOf(wrong) !== k;
}

const childPath = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key);

/** A copy of `doc` with the value at `keys` replaced (or removed, for `remove`). Typed arrays are shared, not copied. */
function replaced(doc: unknown, keys: readonly (string | number)[], value: unknown, remove = false): unknown {
  if (keys.length === 0) return value;
  const [k, ...rest] = keys;
  if (Array.isArray(doc)) {
    const out = doc.slice();
    out[k as number] = replaced(doc[k as number], rest, value, remove);
    return out;
  }
  const out = { ...(doc as Record<string, unknown>) };
  if (rest.length === 0 && remove) delete out[k as string];
  else out[k as string] = replaced((doc as Record<string, unknown>)[k as string], rest, value, remove);
  return out;
}

/** Every field of `valid` with its path and its key chain, depth first. */
function fields(v: unknown, path = '', keys: (string | number)[] = []): { path: string; keys: (string | number)[]; value: unknown; inList: boolean }[] {
  const out: { path: string; keys: (string | number)[]; value: unknown; inList: boolean }[] = [];
  if (Array.isArray(v)) {
    if (v.length > 0) {
      const p = childPath(path, 0);
      out.push({ path: p, keys: [...keys, 0], value: v[0], inList: true }, ...fields(v[0], p, [...keys, 0]));
    }
  } else if (kindOf(v) === 'object') {
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) continue;
      const p = childPath(path, k);
      out.push({ path: p, keys: [...keys, k], value: x, inList: false }, ...fields(x, p, [...keys, k]));
    }
  }
  return out;
}

/** The malformed copies of `valid`. */
export function malformedVariants(valid: unknown, { optional = [], nullable = [] }: MalformedOptions = {}): Variant[] {
  const out: Variant[] = [];
  for (const [change, value] of WRONG) if (kindOf(value) !== 'object') out.push({ path: '', change: `the whole document as ${change}`, value, doc: value });
  for (const f of fields(valid)) {
    for (const [change, value] of WRONG) {
      if (!worthTrying(f.value, value)) continue;
      if (value === null && nullable.includes(f.path)) continue;
      out.push({ path: f.path, change: `${f.path} as ${change}`, value, doc: replaced(valid, f.keys, value) });
    }
    if (!f.inList && !optional.includes(f.path))
      out.push({ path: f.path, change: `${f.path} missing`, value: undefined, doc: replaced(valid, f.keys, undefined, true) });
  }
  return out;
}

/** Copies of `valid` with an unknown key added to each object in it: to be accepted, and the key not passed on. */
export function withExtraKeys(valid: unknown): Variant[] {
  const objects = [{ path: '', keys: [] as (string | number)[], value: valid }, ...fields(valid)].filter((f) => kindOf(f.value) === 'object');
  return objects.map((f) => ({
    path: f.path,
    change: `an unknown key in ${f.path || 'the document'}`,
    value: HUGE,
    doc: replaced(valid, f.keys, { ...(f.value as Record<string, unknown>), unknownKey: HUGE }),
  }));
}

/** Whether `v` holds a key named `unknownKey` anywhere. */
export function holdsUnknownKey(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(holdsUnknownKey);
  if (kindOf(v) !== 'object') return false;
  return Object.entries(v as Record<string, unknown>).some(([k, x]) => k === 'unknownKey' || holdsUnknownKey(x));
}

/**
 * The settings' paths: each may be missing, since a file written before that
 * setting existed takes the notebook's value for it (shared/settingsSchema.ts).
 */
export function settingPaths(keys: readonly string[], prefix = 'settings'): string[] {
  return keys.map((k) => `${prefix}.${k}`);
}
