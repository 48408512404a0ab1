import { describe, expect, it } from 'vitest';
import { chooseLanguage, matchLanguage } from './languages.ts';

describe('choosing the language', () => {
  it('maps every Portuguese to pt-BR and every English to en', () => {
    expect(['pt', 'pt-BR', 'pt-br', 'pt-PT', 'pt_BR'].map(matchLanguage)).toEqual(['pt-BR', 'pt-BR', 'pt-BR', 'pt-BR', 'pt-BR']);
    expect(['en', 'en-GB', 'EN-us'].map(matchLanguage)).toEqual(['en', 'en', 'en']);
    expect(['de', '', null, 'portuguese'].map(matchLanguage)).toEqual([null, null, null, null]);
  });

  it('prefers the address, then the stored choice, then the browser, then English', () => {
    expect(chooseLanguage('pt-BR', 'en', ['en-US'])).toBe('pt-BR');
    expect(chooseLanguage('xx', 'pt-BR', ['en-US'])).toBe('pt-BR');
    expect(chooseLanguage(null, null, ['de-DE', 'pt-BR', 'en'])).toBe('pt-BR');
    expect(chooseLanguage(null, null, ['de-DE', 'fr'])).toBe('en');
  });
});
