/**
 * The list of keyboard shortcuts, in a modal dialog. A native <dialog>
 * opened with showModal() makes the rest of the page inert and keeps Tab
 * inside it; Escape (its 'cancel' event) and Close both close it, and focus
 * goes back to where it was.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../keyboard.ts';
import { useModalDialog } from '../../useModalDialog.ts';

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const { dialog, closeButton } = useModalDialog();
  const titleId = useId();

  const keyName = (key: (typeof SHORTCUTS)[number]['key']) => (key === 'space' || key === 'escape' ? t(`keys.keyNames.${key}`) : key);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      className="shortcut-help"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="shortcut-help__head">
        <h2 id={titleId}>{t('keys.help.title')}</h2>
        <button ref={closeButton} type="button" onClick={onClose}>
          {t('keys.help.close')}
        </button>
      </div>
      <p>{t('keys.help.intro')}</p>
      <table className="shortcut-help__table">
        <thead>
          <tr>
            <th scope="col">{t('keys.help.keyColumn')}</th>
            <th scope="col">{t('keys.help.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>{keyName(s.key)}</kbd>
              </td>
              <td>{t(`keys.actions.${s.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </dialog>
  );
}
