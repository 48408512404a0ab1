import { renderToStaticMarkup } from 'react-dom/server';
import { createElement, Fragment } from 'react';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en/index.ts';
import { ptBR } from '../i18n/pt-BR/index.ts';
import { TAGGED, markup } from './markup.ts';

const html = (text: string) => renderToStaticMarkup(createElement(Fragment, null, markup(text)));

/** Every string in a catalogue, by its dotted key. */
function strings(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else if (v && typeof v === 'object') for (const [kk, vv] of strings(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

/** A sentence's tags in order ("b", "/b", …), whatever their names. */
const tags = (s: string) => [...s.matchAll(/<(\/?[a-zA-Z][\w-]*)\s*\/?>/g)].map((m) => m[1]);

describe('markup', () => {
  it('makes <b> strong and <i> emphasis, with the text around them kept', () => {
    expect(html('gap <b>0.0123</b> nats')).toBe('gap <strong>0.0123</strong> nats');
    expect(html('<i>diverges</i> or <i>collapses</i>')).toBe('<em>diverges</em> or <em>collapses</em>');
    expect(html('<b>all</b>')).toBe('<strong>all</strong>');
  });

  it('leaves a sentence without tags as it is, and shows any other markup as text', () => {
    expect(html('loss 0.3 · accuracy 91%')).toBe('loss 0.3 · accuracy 91%');
    expect(html('a <script>x</script> <b>y</i> 1 < 2')).toBe('a &lt;script&gt;x&lt;/script&gt; &lt;b&gt;y&lt;/i&gt; 1 &lt; 2');
  });

  it('reads every tag in both catalogues: only <b> and <i>, closed, and the same in English and Portuguese', () => {
    const english = strings(en);
    const portuguese = strings(ptBR);
    let tagged = 0;
    for (const [key, sentence] of english) {
      const own = tags(sentence);
      if (own.length === 0) continue;
      tagged++;
      // Everything markup() turns into elements, nothing left over.
      expect(tags(sentence.replace(TAGGED, '$2')), key).toEqual([]);
      expect(tags(portuguese.get(key) ?? ''), key).toEqual(own);
    }
    for (const [key, sentence] of portuguese) if (!english.has(key)) expect(tags(sentence), key).toEqual([]);
    expect(tagged).toBeGreaterThanOrEqual(3);
  });
});
