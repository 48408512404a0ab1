/** What the page address asked for in vain: notices near the top of the page, until dismissed. */
import type { StateCreator } from 'zustand';
import type { LinkNotice } from '../link/notices.ts';
import type { LabState } from './index.ts';

export interface LinkSlice {
  linkNotices: readonly LinkNotice[];
  setLinkNotices(notices: readonly LinkNotice[]): void;
  dismissLinkNotices(): void;
}

export const createLinkSlice: StateCreator<LabState, [], [], LinkSlice> = (set) => ({
  linkNotices: [],
  setLinkNotices: (notices) => set({ linkNotices: [...notices] }),
  dismissLinkNotices: () => set({ linkNotices: [] }),
});
