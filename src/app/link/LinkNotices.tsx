/** What the page address asked for in vain, near the top of the page, each with what was used instead; one Dismiss for all. */
import { useTranslation } from 'react-i18next';
import { useLab } from '../store/index.ts';
import { noticeText } from './linkWords.ts';
import './link.css';

export function LinkNotices() {
  const { t } = useTranslation();
  const notices = useLab((s) => s.linkNotices);
  const dismiss = useLab((s) => s.dismissLinkNotices);
  if (notices.length === 0) return null;
  return (
    <section className="notice link-notices" aria-label={t('link.notices.label')}>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{noticeText(n)}</li>
        ))}
      </ul>
      <button type="button" onClick={dismiss}>
        {t('link.notices.dismiss')}
      </button>
    </section>
  );
}
