/**
 * The page's keyboard shortcuts, as data and pure decisions: which key does
 * what, when a key press is the page's to take, and what Space means at this
 * moment. `useShortcuts.ts` connects these to the window and the lab; the
 * help dialog lists SHORTCUTS.
 *
 * A key press is never taken while the student types in a field (input,
 * textarea, select, contenteditable), when Ctrl, Alt or Meta is held (those
 * are the browser's and the system's), when Shift is held for anything but
 * "?", while a dialog is open (it has its own keys), or when something on
 * the page already handled it (the drawing pad's Escape and Backspace).
 */
import type { LabState } from './store/index.ts';

export type Shortcut = 'train-pause' | 'stop' | 'leave-present' | 'reset' | 'clear-pad' | 'focus-learning-rate' | 'present' | 'help';

/** The parts of a KeyboardEvent the decision reads. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  /** Held down: the browser repeats the key. Space held must not toggle Pause ten times a second. */
  repeat: boolean;
  defaultPrevented: boolean;
}

/**
 * Where the key was pressed: in a field the student types into, on a control
 * that Space and Enter activate (a button, a link, a disclosure), or anywhere else.
 */
export type KeyTarget = 'field' | 'control' | 'other';

export interface KeyContext {
  target: KeyTarget;
  present: boolean;
  /** A modal dialog is open (the help, the confusion-matrix gallery): its keys are its own. */
  dialogOpen: boolean;
}

/** Letter keys, lower case, and the actions they start. */
const LETTERS: Readonly<Record<string, Shortcut>> = { r: 'reset', c: 'clear-pad', l: 'focus-learning-rate', p: 'present' };

export function shortcutFor(e: KeyPress, c: KeyContext): Shortcut | null {
  if (e.defaultPrevented || e.repeat || e.ctrlKey || e.altKey || e.metaKey || c.dialogOpen || c.target === 'field') return null;
  // "?" is Shift plus a key on most layouts; with any other key Shift makes a different shortcut the page does not have.
  if (e.key === '?') return 'help';
  if (e.shiftKey) return null;
  if (e.key === ' ') return c.target === 'control' ? null : 'train-pause';
  if (e.key === 'Escape') return c.present ? 'leave-present' : 'stop';
  return LETTERS[e.key.toLowerCase()] ?? null;
}

/** The parts of an element that say what kind of target it is (an HTMLElement has them all). */
export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  /** An input's type ("text", "checkbox", "range"…). */
  type?: string;
  getAttribute?(name: string): string | null;
}

/** Inputs that take no typing: a key pressed on them is the page's (Space on a checkbox still ticks it: it is a control). */
const CONTROL_INPUTS: ReadonlySet<string> = new Set(['button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'color', 'image']);
const CONTROL_ROLES: ReadonlySet<string> = new Set(['button', 'link', 'checkbox', 'radio', 'switch', 'tab', 'menuitem', 'option']);

export function targetKind(el: TargetLike | null | undefined): KeyTarget {
  if (!el?.tagName) return 'other';
  const tag = el.tagName.toLowerCase();
  if (el.isContentEditable || tag === 'textarea' || tag === 'select') return 'field';
  if (tag === 'input') return CONTROL_INPUTS.has((el.type ?? 'text').toLowerCase()) ? 'control' : 'field';
  if (tag === 'button' || tag === 'a' || tag === 'summary') return 'control';
  const role = el.getAttribute?.('role');
  if (role === 'textbox' || role === 'searchbox' || role === 'combobox' || role === 'slider' || role === 'spinbutton') return 'field';
  return role && CONTROL_ROLES.has(role) ? 'control' : 'other';
}

/**
 * What Space does now, as the buttons would: Train when nothing runs, Pause
 * a run or a race that trains, Resume one that is paused. Nothing while the
 * data loads (Pause waits for it too), during a range test (it has only
 * Stop) or while a Reset is unanswered.
 */
export function spaceAction(s: Pick<LabState, 'run' | 'race' | 'rangeTest' | 'resetting'>): 'train' | 'pause' | 'resume' | null {
  const job = s.run && s.run.phase !== 'done' ? s.run.phase : s.race && s.race.phase !== 'done' ? s.race.phase : null;
  if (job === 'paused') return 'resume';
  if (job === 'loading-data') return null;
  if (job !== null) return 'pause';
  if (s.rangeTest?.status === 'running' || s.resetting) return null;
  return 'train';
}

/** The help dialog's rows, in the order it lists them: the key as printed, and the catalogue key of what it does. */
export const SHORTCUTS = [
  { key: 'space', action: 'trainPause' },
  { key: 'escape', action: 'stop' },
  { key: 'escape', action: 'leavePresent' },
  { key: 'R', action: 'reset' },
  { key: 'C', action: 'clearPad' },
  { key: 'L', action: 'focusLearningRate' },
  { key: 'P', action: 'present' },
  { key: '?', action: 'help' },
] as const;
