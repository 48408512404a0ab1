/** How the page is shown: choices that change no numbers (log axis, present mode, hidden panels and fields). */
import type { StateCreator } from 'zustand';
import type { SettingKey } from '../../shared/settings.ts';
import type { PanelId } from '../panels.ts';
import type { LabState } from './index.ts';

export interface ViewSlice {
  logLoss: boolean;
  setLogLoss(on: boolean): void;
  /** Present mode: a one-screen dashboard for a projector (`?present=1`, the Present button, P; Esc leaves). */
  present: boolean;
  setPresent(on: boolean): void;
  /** Panels an instructor's link hides (`hide=race,history`). */
  hiddenPanels: readonly PanelId[];
  /** Settings fields an instructor's link hides (`hide=mom,epochs`): their values still apply. */
  hiddenFields: readonly SettingKey[];
  setHidden(panels: readonly PanelId[], fields: readonly SettingKey[]): void;
}

export const createViewSlice: StateCreator<LabState, [], [], ViewSlice> = (set) => ({
  logLoss: false,
  setLogLoss: (on) => set({ logLoss: on }),
  present: false,
  setPresent: (on) => set({ present: on }),
  hiddenPanels: [],
  hiddenFields: [],
  setHidden: (panels, fields) => set({ hiddenPanels: [...panels], hiddenFields: [...fields] }),
});
