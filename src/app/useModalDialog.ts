/**
 * A <dialog> shown modal while its component is mounted: showModal() makes
 * the rest of the page inert and keeps Tab inside; focus goes to its Close
 * button, and back to whatever had it before once the dialog goes.
 */
import { useEffect, useRef } from 'react';

export function useModalDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (d && !d.open) d.showModal();
    closeButton.current?.focus();
    return () => {
      if (d?.open) d.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return { dialog, closeButton };
}
