import { describe, expect, it } from 'vitest';
import type { KeyContext, KeyPress } from './keyboard.ts';
import { SHORTCUTS, shortcutFor, spaceAction, targetKind } from './keyboard.ts';
import { en } from '../i18n/en/index.ts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  shiftKey: false,
  repeat: false,
  defaultPrevented: false,
  ...mods,
});
const page: KeyContext = { target: 'other', present: false, dialogOpen: false };

describe('shortcutFor', () => {
  it('maps each key to its action, letters in either case', () => {
    expect(shortcutFor(press(' '), page)).toBe('train-pause');
    expect(shortcutFor(press('Escape'), page)).toBe('stop');
    expect(shortcutFor(press('r'), page)).toBe('reset');
    expect(shortcutFor(press('c'), page)).toBe('clear-pad');
    expect(shortcutFor(press('l'), page)).toBe('focus-learning-rate');
    expect(shortcutFor(press('p'), page)).toBe('present');
    expect(shortcutFor(press('P'), page)).toBe('present');
    expect(shortcutFor(press('?', { shiftKey: true }), page)).toBe('help');
    expect(shortcutFor(press('x'), page)).toBeNull();
    expect(shortcutFor(press('Enter'), page)).toBeNull();
  });

  it('makes Escape leave present mode there, and stop a run elsewhere', () => {
    expect(shortcutFor(press('Escape'), { ...page, present: true })).toBe('leave-present');
    expect(shortcutFor(press('Escape'), page)).toBe('stop');
  });

  it('takes nothing typed into a field', () => {
    for (const key of [' ', 'Escape', 'r', 'c', 'l', 'p', '?']) expect(shortcutFor(press(key), { ...page, target: 'field' }), key).toBeNull();
  });

  it('leaves Space to a focused button (it presses it) but takes letters there', () => {
    const onButton = { ...page, target: 'control' } as const;
    expect(shortcutFor(press(' '), onButton)).toBeNull();
    expect(shortcutFor(press('p'), onButton)).toBe('present');
    expect(shortcutFor(press('Escape'), onButton)).toBe('stop');
  });

  it('takes nothing with Ctrl, Alt or Meta, nor Shift but for "?"', () => {
    for (const mod of ['ctrlKey', 'altKey', 'metaKey', 'shiftKey'] as const) {
      expect(shortcutFor(press('r', { [mod]: true }), page), mod).toBeNull();
      expect(shortcutFor(press(' ', { [mod]: true }), page), mod).toBeNull();
    }
    expect(shortcutFor(press('?', { ctrlKey: true, shiftKey: true }), page)).toBeNull();
  });

  it('takes nothing while a dialog is open, when the key repeats, or when the page already handled it', () => {
    expect(shortcutFor(press('Escape'), { ...page, dialogOpen: true })).toBeNull();
    expect(shortcutFor(press(' ', { repeat: true }), page)).toBeNull();
    expect(shortcutFor(press('Escape', { defaultPrevented: true }), page)).toBeNull();
  });
});

describe('targetKind', () => {
  const el = (tagName: string, extra: { type?: string; role?: string; isContentEditable?: boolean } = {}) => ({
    tagName,
    type: extra.type,
    isContentEditable: extra.isContentEditable ?? false,
    getAttribute: (name: string) => (name === 'role' ? (extra.role ?? null) : null),
  });

  it('calls everything one types into a field', () => {
    expect(targetKind(el('INPUT', { type: 'text' }))).toBe('field');
    expect(targetKind(el('INPUT', { type: 'number' }))).toBe('field');
    expect(targetKind(el('INPUT', { type: 'range' }))).toBe('field');
    expect(targetKind(el('INPUT'))).toBe('field');
    expect(targetKind(el('TEXTAREA'))).toBe('field');
    expect(targetKind(el('SELECT'))).toBe('field');
    expect(targetKind(el('DIV', { isContentEditable: true }))).toBe('field');
    expect(targetKind(el('DIV', { role: 'textbox' }))).toBe('field');
  });

  it('calls buttons, links, disclosures, checkboxes and radios controls', () => {
    expect(targetKind(el('BUTTON'))).toBe('control');
    expect(targetKind(el('A'))).toBe('control');
    expect(targetKind(el('SUMMARY'))).toBe('control');
    expect(targetKind(el('INPUT', { type: 'checkbox' }))).toBe('control');
    expect(targetKind(el('INPUT', { type: 'radio' }))).toBe('control');
    expect(targetKind(el('DIV', { role: 'button' }))).toBe('control');
  });

  it('calls the rest of the page, and no target, other', () => {
    expect(targetKind(el('BODY'))).toBe('other');
    expect(targetKind(el('CANVAS', { role: 'img' }))).toBe('other');
    expect(targetKind(null)).toBe('other');
  });
});

describe('spaceAction', () => {
  const idle = { run: null, race: null, rangeTest: null, resetting: false };
  const run = (phase: string) => ({ ...idle, run: { phase } }) as unknown as Parameters<typeof spaceAction>[0];
  const race = (phase: string) => ({ ...idle, race: { phase } }) as unknown as Parameters<typeof spaceAction>[0];

  it('trains when nothing runs, also after a run or a race has ended', () => {
    expect(spaceAction(idle)).toBe('train');
    expect(spaceAction(run('done'))).toBe('train');
    expect(spaceAction(race('done'))).toBe('train');
  });

  it('pauses a run or race that trains or evaluates, and resumes a paused one', () => {
    for (const phase of ['training', 'evaluating', 'compiling', 'testing']) expect(spaceAction(run(phase)), phase).toBe('pause');
    expect(spaceAction(run('paused'))).toBe('resume');
    expect(spaceAction(race('training'))).toBe('pause');
    expect(spaceAction(race('paused'))).toBe('resume');
  });

  it('does nothing while the data loads, during a range test, or while a Reset is unanswered', () => {
    expect(spaceAction(run('loading-data'))).toBeNull();
    expect(spaceAction(race('loading-data'))).toBeNull();
    expect(spaceAction({ ...idle, rangeTest: { status: 'running' } } as unknown as Parameters<typeof spaceAction>[0])).toBeNull();
    expect(spaceAction({ ...idle, resetting: true })).toBeNull();
  });
});

describe('SHORTCUTS', () => {
  it('names every action in the catalogue, and every shortcut has a row', () => {
    for (const s of SHORTCUTS) expect(en.keys.actions[s.action], s.action).toBeTruthy();
    expect(new Set(SHORTCUTS.map((s) => s.action))).toEqual(new Set(Object.keys(en.keys.actions)));
  });
});
