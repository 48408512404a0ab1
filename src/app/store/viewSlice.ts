/** How the charts are shown: choices that change no numbers. */
import type { StateCreator } from 'zustand';
import type { LabState } from './index.ts';

export interface ViewSlice {
  logLoss: boolean;
  setLogLoss(on: boolean): void;
}

export const createViewSlice: StateCreator<LabState, [], [], ViewSlice> = (set) => ({
  logLoss: false,
  setLogLoss: (on) => set({ logLoss: on }),
});
