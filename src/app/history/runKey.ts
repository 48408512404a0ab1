/**
 * A run's content key: two records with the same key hold the same run. It
 * covers everything a record says (settings, date, kind, race, status, curves,
 * final figures, changes, note or message) except its database id and its name: a
 * name is the student's label, and an import renames a run whose name is
 * taken, so neither tells two runs apart. Importing a file twice, or a file
 * exported from this history, thus finds every run already there.
 *
 * The key is a 53-bit hash (cyrb53) of the record's canonical JSON (object
 * keys sorted, so the order fields were built in does not matter) and its
 * curves' numbers, with their length; for the few thousand runs a history
 * holds, two different runs sharing one is vanishingly unlikely (about
 * n²/2⁵⁴). A run of 1,000 points takes well under a millisecond: an import of a thousand
 * runs hashes them all, and the list hashes each run when the page opens.
 */
import type { HistoryRecord } from './record.ts';

/** JSON with object keys in sorted order at every depth; undefined fields left out, as JSON.stringify does. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/**
 * cyrb53 (bryc, public domain), a fast 53-bit hash with good spread, fed
 * 32-bit units: a text's UTF-16 code units, then the curves' numbers as the
 * words of their float64 bits (no text made of a thousand points per run).
 */
function cyrb53(text: string, words: Uint32Array, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  const mix = (c: number) => {
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  };
  for (let i = 0; i < text.length; i++) mix(text.charCodeAt(i));
  for (let i = 0; i < words.length; i++) mix(words[i]);
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** The curves' numbers in order, with both lengths first; `+ 0` makes -0 into 0, as JSON does. */
function curveWords({ train, validation }: HistoryRecord['curves']): Uint32Array {
  const f = new Float64Array(2 + 2 * train.length + 3 * validation.length);
  f[0] = train.length;
  f[1] = validation.length;
  let k = 2;
  for (const p of train) {
    f[k++] = p.epoch + 0;
    f[k++] = p.loss + 0;
  }
  for (const p of validation) {
    f[k++] = p.epoch + 0;
    f[k++] = p.loss + 0;
    f[k++] = p.accuracy + 0;
  }
  return new Uint32Array(f.buffer);
}

export function runKey(record: HistoryRecord): string {
  const { id: _id, name: _name, curves, ...rest } = record;
  const text = canonicalJson(rest);
  const words = curveWords(curves);
  return `${cyrb53(text, words).toString(36)}-${(text.length + words.length).toString(36)}`;
}
