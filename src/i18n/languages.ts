/**
 * The page's languages and how one is chosen. Pure: the caller passes what
 * the address, local storage and the browser say.
 */
export const LANGUAGES = ['en', 'pt-BR'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the switcher (never translated). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'pt-BR': 'Português (Brasil)' };

/** "pt", "pt-br", "pt-PT" → pt-BR (the only Portuguese we have); "en-GB" → en; anything else → null. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  const t = (tag ?? '').trim().toLowerCase();
  if (t === 'pt' || t.startsWith('pt-') || t.startsWith('pt_')) return 'pt-BR';
  if (t === 'en' || t.startsWith('en-') || t.startsWith('en_')) return 'en';
  return null;
}

/** The address's `lang=` wins, then what the student chose last time, then the browser's first language we have, then English. */
export function chooseLanguage(fromAddress: string | null, stored: string | null, browser: readonly string[]): Language {
  for (const tag of [fromAddress, stored, ...browser]) {
    const l = matchLanguage(tag);
    if (l) return l;
  }
  return 'en';
}

/** Whether a number typed in this language may use a decimal comma ("0,01"). The point is accepted in both. */
export const usesDecimalComma = (lang: Language): boolean => lang === 'pt-BR';
