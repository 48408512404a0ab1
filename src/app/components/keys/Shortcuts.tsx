/**
 * The keyboard shortcuts: the listener for the whole page, the header button
 * that opens their list, and the list itself.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShortcuts } from '../../useShortcuts.ts';
import { ShortcutHelp } from './ShortcutHelp.tsx';
// Here, not in ShortcutHelp: the Node type check of its test cannot see CSS imports.
import './shortcuts.css';

export function Shortcuts() {
  const { t } = useTranslation();
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts(() => setHelpOpen(true));
  return (
    <>
      <button type="button" className="shortcuts-button" aria-keyshortcuts="?" aria-haspopup="dialog" onClick={() => setHelpOpen(true)}>
        {t('keys.helpButton')}
      </button>
      {helpOpen ? <ShortcutHelp onClose={() => setHelpOpen(false)} /> : null}
    </>
  );
}
