/**
 * Copy link: the lab as it is now (settings, comparison, race lists,
 * language, present mode, what is hidden) as a link on the clipboard. Where
 * the browser refuses the clipboard (an insecure address, a denied
 * permission) the link shows in a field, selected, for Ctrl+C.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLink } from './sync.ts';
import './link.css';

/** How long "Link copied" stays, ms. */
const COPIED_MS = 4000;

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; url: string };

export function CopyLink() {
  const { t } = useTranslation();
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (state.kind === 'manual') fieldRef.current?.select();
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const url = currentLink();
    try {
      await navigator.clipboard.writeText(url);
      setState({ kind: 'copied' });
    } catch {
      setState({ kind: 'manual', url });
    }
  };

  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        {t('link.copy')}
      </button>
      <span role="status" className="copy-link__status">
        {state.kind === 'copied' ? t('link.copied') : ''}
      </span>
      {state.kind === 'manual' ? (
        <div className="copy-link__manual">
          <label>
            <span>{t('link.field')}</span>{' '}
            <input ref={fieldRef} type="text" readOnly value={state.url} onFocus={(e) => e.currentTarget.select()} aria-describedby="copy-link-manual" />
          </label>
          <p id="copy-link-manual" className="notice">
            {t('link.copyFailed')}
          </p>
        </div>
      ) : null}
    </div>
  );
}
