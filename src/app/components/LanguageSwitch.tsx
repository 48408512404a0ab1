/**
 * The page's language: English or Brazilian Portuguese. Each option is
 * written in its own language, so a student who cannot read the current one
 * still finds theirs. The choice is kept in local storage (and, with Copy
 * link, in the address).
 */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, type Language, currentLanguage } from '../../i18n/index.ts';
import { useLab } from '../store/index.ts';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const changeLanguage = useLab((s) => s.changeLanguage);
  return (
    <label className="language-switch">
      <span>{t('common.language')}</span>{' '}
      <select value={currentLanguage()} onChange={(e) => changeLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
