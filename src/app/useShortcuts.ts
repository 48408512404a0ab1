/**
 * Connects the keyboard shortcuts (keyboard.ts decides) to the page: one
 * keydown listener on the window for the page's lifetime. Keys the page
 * takes do not also scroll it (Space) or type elsewhere.
 */
import { useEffect, useRef } from 'react';
import * as lab from './lab.ts';
import type { Shortcut } from './keyboard.ts';
import { shortcutFor, spaceAction, targetKind } from './keyboard.ts';
import { useLab } from './store/index.ts';

/** The learning-rate field's id (SettingInput names fields `field-<key>`). */
export const LEARNING_RATE_FIELD_ID = 'field-learningRate';

function perform(action: Shortcut, openHelp: () => void): void {
  const s = useLab.getState();
  switch (action) {
    case 'train-pause': {
      const what = spaceAction(s);
      if (what === 'train') lab.train();
      else if (what === 'pause') lab.pause();
      else if (what === 'resume') lab.resume();
      return;
    }
    case 'stop':
      lab.stop();
      return;
    case 'leave-present':
      s.setPresent(false);
      return;
    case 'reset':
      lab.reset();
      return;
    case 'clear-pad':
      s.clearPad();
      return;
    case 'focus-learning-rate': {
      const field = document.getElementById(LEARNING_RATE_FIELD_ID);
      if (field instanceof HTMLInputElement) {
        field.focus();
        field.select();
      }
      return;
    }
    case 'present':
      s.setPresent(!s.present);
      return;
    case 'help':
      openHelp();
      return;
  }
}

export function useShortcuts(openHelp: () => void): void {
  const help = useRef(openHelp);
  help.current = openHelp;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e, {
        target: targetKind(e.target instanceof Element ? (e.target as HTMLElement) : null),
        present: useLab.getState().present,
        dialogOpen: document.querySelector('dialog[open]') !== null,
      });
      if (!action) return;
      e.preventDefault();
      perform(action, () => help.current());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
