/**
 * The page's one i18next instance, ready (synchronously) when this module is
 * imported, in the language the address, the student's last choice or the
 * browser asks for. Components translate with react-i18next's
 * `useTranslation()`, which re-renders them when the language changes;
 * plain modules call `i18n.t`. Keys are checked at compile time against the
 * English catalogue (i18next.d.ts); pt-BR is checked against it too.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en/index.ts';
import { type Language, chooseLanguage, matchLanguage } from './languages.ts';
import { ptBR } from './pt-BR/index.ts';

export { LANGUAGES, LANGUAGE_NAMES, type Language } from './languages.ts';

/** Where the student's choice is kept between visits. */
export const LANGUAGE_STORAGE_KEY = 'mnist-lab.language';

function storedLanguage(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    return null; // storage blocked: the choice lasts for this page only
  }
}

function initialLanguage(): Language {
  const search = globalThis.location?.search ?? '';
  const browser = globalThis.navigator?.languages ?? [];
  return chooseLanguage(new URLSearchParams(search).get('lang'), storedLanguage(), browser);
}

export const i18n = i18next.createInstance();

i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, 'pt-BR': { translation: ptBR } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'pt-BR'],
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});
setDocumentLanguage(currentLanguage());

/** The language the page is in now. */
export function currentLanguage(): Language {
  return matchLanguage(i18n.language) ?? 'en';
}

function setDocumentLanguage(lang: Language): void {
  if (globalThis.document) globalThis.document.documentElement.lang = lang;
}

/** Switches the page's language and remembers the choice for the next visit. */
export function setLanguage(lang: Language): void {
  void i18n.changeLanguage(lang);
  setDocumentLanguage(lang);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}
