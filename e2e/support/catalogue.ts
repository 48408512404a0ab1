/**
 * Whether a text on the page comes from a language's catalogue: the test of
 * "no English left" when the page is in Brazilian Portuguese. Every value
 * of the catalogue becomes a matcher, its interpolations (`{{x}}`) wildcards
 * whose content must pass the same test in turn (a number, a proper noun,
 * another catalogue value), and a value with markup (`<b>…</b>`) is split
 * at its tags, since the page renders each piece as its own text node.
 * A text that matches no value whole may be a list of them ("Adam, taxa =
 * 0,001", "… · concluído · …") and is tried part by part.
 */

/** Pure numbers, units and the symbols figures are written with: "0,01", "91,9 %", "784 → 128", "1e-5", "28×28", "10⁻⁶". */
const FIGURE = /^[\d\s.,:;%×+\-−–—≈<>=/()^·→⁻⁰¹²³⁴⁵⁶⁷⁸⁹eμ]*$/u;
/** Units written after a number, in both languages. */
const UNITS = new Set(['s', 'min', 'h', 'nats', 'mil', 'px', 'k']);
/** What a text may start or end with around its words: separators, brackets, quotes, an ellipsis. */
const EDGES = /^[\s·,;:.()[\]“”"'…–—\-/|]+|[\s·,;:.()[\]“”"'…–—\-/|]+$/gu;
/** Ways React joins parts of a line, tried in this order when a text is not one value. */
const SEPARATORS = [' · ', '; ', ', ', ' / ', ': '];

interface Matcher {
  source: string;
  regex: RegExp;
}

function leaves(node: unknown, out: string[] = []): string[] {
  if (typeof node === 'string') out.push(node);
  else if (node && typeof node === 'object') for (const v of Object.values(node)) leaves(v, out);
  return out;
}

/** Every way to cut `t` in two at one occurrence of `sep`: "a · b · c" → ["a", "b · c"], ["a · b", "c"]. */
function splits(t: string, sep: string): [string, string][] {
  const out: [string, string][] = [];
  for (let i = t.indexOf(sep); i >= 0; i = t.indexOf(sep, i + 1)) out.push([t.slice(0, i), t.slice(i + sep.length)]);
  return out;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A piece of a value as a regex: literal text exact (spaces loose), each `{{x}}` a lazy capture. */
function matcher(piece: string): Matcher | null {
  const trimmed = piece.replace(EDGES, '');
  // A lone "{{x}}" would only send the text round again; a value such as "{{lead}}: {{reason}}." is kept, its parts checked in turn.
  if (trimmed.replace(/\{\{[^}]+\}\}/g, '').trim() === '') return null;
  const parts = trimmed.split(/\{\{[^}]+\}\}/g).map((lit) => escapeRegex(lit).replace(/\s+/g, '\\s+'));
  return { source: piece, regex: new RegExp(`^${parts.join('(.+?)')}$`, 'su') };
}

export interface Checker {
  /** Whether `text` is not from the catalogue (nor a figure or a proper noun). */
  isForeign(text: string): boolean;
}

/**
 * A checker for one catalogue (`{ area: { key: 'value', … } }`), with proper
 * nouns that read the same in every language (product and algorithm names).
 */
export function catalogueChecker(catalogue: unknown, properNouns: readonly string[]): Checker {
  const matchers = leaves(catalogue)
    .flatMap((value) => value.split(/<\/?\w+>/))
    .map(matcher)
    .filter((m): m is Matcher => m !== null);
  const nouns = new Set(properNouns);
  const memo = new Map<string, boolean>();

  const isWordsOfNouns = (t: string): boolean => t.split(/[\s,;:()/]+/).every((w) => w === '' || nouns.has(w) || UNITS.has(w) || FIGURE.test(w));

  function known(text: string, depth: number): boolean {
    const t = text.replace(EDGES, '');
    if (t === '' || FIGURE.test(t) || nouns.has(t) || isWordsOfNouns(t)) return true;
    if (depth > 10) return false;
    const key = `${depth}|${t}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    memo.set(key, false); // a value that refers back to itself is not a proof
    const ok =
      matchers.some(
        (m) =>
          m.regex
            .exec(t)
            ?.slice(1)
            .every((capture) => known(capture, depth + 1)) ?? false,
      ) || SEPARATORS.some((sep) => splits(t, sep).some(([head, tail]) => known(head, depth + 1) && known(tail, depth + 1)));
    memo.set(key, ok);
    return ok;
  }

  return { isForeign: (text) => !known(text, 0) };
}
