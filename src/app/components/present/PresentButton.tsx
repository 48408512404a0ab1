/** The header's Present button: a toggle (pressed while presenting), so the same button leaves; so do Esc and P. */
import { useTranslation } from 'react-i18next';
import { useLab } from '../../store/index.ts';

export function PresentButton() {
  const { t } = useTranslation();
  const present = useLab((s) => s.present);
  const setPresent = useLab((s) => s.setPresent);
  return (
    <button
      type="button"
      className="present-button"
      aria-pressed={present}
      aria-keyshortcuts="P"
      title={t('present.buttonHint')}
      onClick={() => setPresent(!present)}
    >
      {t('present.button')}
    </button>
  );
}
