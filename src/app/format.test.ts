/**
 * Dates in the page's language, with the formatter made once per language
 * and style: the same text as toLocaleString, and the language switch seen.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import { NOT_AVAILABLE, dateTime } from './format.ts';

afterEach(() => void i18n.changeLanguage('en'));

const ISO = '2026-11-30T14:05:00.000Z';

describe('dateTime', () => {
  it('reads as toLocaleString does, in each language and style, and follows a language switch', async () => {
    const short: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'short' };
    expect(dateTime(ISO)).toBe(new Date(ISO).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' }));
    expect(dateTime(ISO, short)).toBe(new Date(ISO).toLocaleString('en', short));
    await i18n.changeLanguage('pt-BR');
    expect(dateTime(ISO, short)).toBe(new Date(ISO).toLocaleString('pt-BR', short));
    expect(dateTime(ISO, short)).not.toBe(new Date(ISO).toLocaleString('en', short));
  });

  it('says not available for text that is not a date', () => {
    expect(dateTime('yesterday')).toBe(NOT_AVAILABLE);
  });
});
