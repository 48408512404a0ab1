/**
 * Run settings read from a file or from storage, checked against the form's
 * own table (FIELDS): a saved or imported run obeys the same ranges and
 * choices as one typed into the form. A setting missing from the file (one
 * written before the setting existed) takes the notebook's value, so every
 * earlier file still loads. The messages name the file's keys and values
 * ("settings.schedule must be one of "constant", …"), which is what someone
 * editing JSON needs, not the form's labels.
 */
import type { RunSettings, SettingField } from './settings.ts';
import { FIELDS, PRESET } from './settings.ts';
import type { Reader } from './validate.ts';
import { array, good, number, object, oneOf } from './validate.ts';

function readerOf(f: SettingField): Reader<unknown> {
  switch (f.kind) {
    case 'number':
      return number({ min: f.min, max: f.max, integer: f.integer, minExclusive: !f.minInclusive });
    case 'choice':
      return oneOf(f.choices as readonly string[]);
    case 'toggle':
      return oneOf([true, false]);
    case 'layers':
      return array(number({ min: 1, max: f.maxWidth, integer: true }), { max: f.maxLayers });
  }
}

/** A missing value is the notebook's (an earlier file); anything present must be valid. */
const withDefault =
  (read: Reader<unknown>, fallback: unknown): Reader<unknown> =>
  (v, path) =>
    v === undefined ? good(fallback) : read(v, path);

const shape: Record<string, Reader<unknown>> = Object.fromEntries(FIELDS.map((f) => [f.key, withDefault(readerOf(f), PRESET[f.key])]));

/** Every field of RunSettings, by the table: the shape is keyed by FIELDS, which covers RunSettings exactly. */
export const readSettings = object(shape) as Reader<unknown> as Reader<RunSettings>;
