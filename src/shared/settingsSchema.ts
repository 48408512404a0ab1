/**
 * Run settings read from a file or from storage, checked against the form's
 * own table (FIELDS): a saved or imported run obeys the same ranges and
 * choices as one typed into the form. The messages name the file's keys and
 * values ("settings.schedule must be one of "constant", …"), which is what
 * someone editing JSON needs, not the form's labels.
 */
import type { RunSettings } from './settings.ts';
import { FIELDS } from './settings.ts';
import type { Reader } from './validate.ts';
import { number, object, oneOf } from './validate.ts';

const shape: Record<string, Reader<unknown>> = Object.fromEntries(
  FIELDS.map((f) => [
    f.key,
    f.kind === 'number'
      ? number({ min: f.min, max: f.max, integer: f.integer, minExclusive: !f.minInclusive })
      : oneOf((f.choices as ReadonlyArray<{ value: string }>).map((c) => c.value)),
  ]),
);

/** Every field of RunSettings, by the table: the shape is keyed by FIELDS, which covers RunSettings exactly. */
export const readSettings = object(shape) as Reader<unknown> as Reader<RunSettings>;
