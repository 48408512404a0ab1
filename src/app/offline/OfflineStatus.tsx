/** The offline line in the page's header: whether a visit with no network would work, and why not. */
import { useLab } from '../store/index.ts';
import { offlineStatus } from './status.ts';
import { OFFLINE_WORDS, PERSIST_WORDS, UPDATE_WORDS } from './words.ts';

export function OfflineStatus() {
  const offline = useLab((s) => s.offline);
  const status = offlineStatus(offline);
  if (status === 'hidden') return null;
  const persist = status === 'available' && offline.persist !== 'unknown' ? ` ${PERSIST_WORDS[offline.persist]}` : '';
  return (
    <div className="offline">
      <p role="status" className={`offline__line offline__line--${status}`}>
        {OFFLINE_WORDS[status]}
        {persist}
      </p>
      {offline.update ? (
        <p className="offline__update">
          {UPDATE_WORDS.ready}{' '}
          <button type="button" onClick={offline.update}>
            {UPDATE_WORDS.apply}
          </button>
        </p>
      ) : null}
    </div>
  );
}
