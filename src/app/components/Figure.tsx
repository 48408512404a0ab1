/** A formatted figure; where it is not available, a dash that is read out and hovered as "not available". */
import { useTranslation } from 'react-i18next';
import { NOT_AVAILABLE } from '../format.ts';

export function Figure({ text }: { text: string }) {
  const { t } = useTranslation();
  if (text !== NOT_AVAILABLE) return <>{text}</>;
  return (
    <span title={t('common.notAvailable')}>
      <span aria-hidden="true">{NOT_AVAILABLE}</span>
      <span className="sr-only">{t('common.notAvailable')}</span>
    </span>
  );
}
