/** The offline line in the page's header: whether a visit with no network would work, and why not. */
import { useTranslation } from 'react-i18next';
import { useLab } from '../store/index.ts';
import { offlineStatus } from './status.ts';

export function OfflineStatus() {
  const { t } = useTranslation();
  const offline = useLab((s) => s.offline);
  const status = offlineStatus(offline);
  if (status === 'hidden') return null;
  const persist = status === 'available' && offline.persist !== 'unknown' ? ` ${t(`offline.persist.${offline.persist}`)}` : '';
  return (
    <div className="offline">
      <p role="status" className={`offline__line offline__line--${status}`}>
        {t(`offline.status.${status}`)}
        {persist}
      </p>
      {offline.update ? (
        <p className="offline__update">
          {t('offline.updateReady')}{' '}
          <button type="button" onClick={offline.update}>
            {t('offline.updateApply')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
