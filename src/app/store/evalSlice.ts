/**
 * What the evaluation panels show and how: which evaluation (the latest
 * validation epoch, or the final test set), ROC display options, the
 * confusion-matrix view, and the gallery of one cell's images.
 */
import type { StateCreator } from 'zustand';
import type { EvalSet, Examples } from '../../worker/protocol.ts';
import type { LabState } from './index.ts';

export interface GalleryState {
  requestId: number;
  set: EvalSet;
  trueDigit: number;
  predictedDigit: number;
  /** null while the worker is gathering the images. */
  examples: Examples | null;
}

export interface EvalSlice {
  /** Which set the ROC and confusion panels show; 'auto' = the test set once it exists, else validation. */
  evalView: 'auto' | EvalSet;
  /** Digits hidden from the ROC chart. */
  rocHidden: readonly boolean[];
  rocLogFpr: boolean;
  confusionMode: 'counts' | 'recall';
  gallery: GalleryState | null;
  setEvalView(v: 'auto' | EvalSet): void;
  toggleRocDigit(d: number): void;
  setRocLogFpr(on: boolean): void;
  setConfusionMode(m: 'counts' | 'recall'): void;
  openGallery(g: Omit<GalleryState, 'examples'>): void;
  closeGallery(): void;
}

export const createEvalSlice: StateCreator<LabState, [], [], EvalSlice> = (set) => ({
  evalView: 'auto',
  rocHidden: Array(10).fill(false),
  rocLogFpr: true,
  confusionMode: 'counts',
  gallery: null,
  setEvalView: (evalView) => set({ evalView }),
  toggleRocDigit: (d) => set((s) => ({ rocHidden: s.rocHidden.map((h, i) => (i === d ? !h : h)) })),
  setRocLogFpr: (rocLogFpr) => set({ rocLogFpr }),
  setConfusionMode: (confusionMode) => set({ confusionMode }),
  openGallery: (g) => set({ gallery: { ...g, examples: null } }),
  closeGallery: () => set({ gallery: null }),
});

/** The evaluation the panels should show, given the run and the view choice. */
export function shownEvaluation(s: Pick<LabState, 'run' | 'evalView' | 'race' | 'raceSelected' | 'replayEpoch'>) {
  // A race run picked in the results table takes over the panels.
  if (s.race && s.raceSelected !== null) return s.race.runs[s.raceSelected]?.epochs.at(-1)?.validation ?? null;
  const run = s.run;
  if (!run) return null;
  // The Epoch slider replays an earlier epoch's validation (the page kept every epoch's evaluation).
  const replayed = s.replayEpoch === null ? undefined : run.epochs.find((e) => e.epoch === s.replayEpoch);
  if (replayed) return replayed.validation;
  const test = run.done?.test ?? null;
  const lastEpoch = run.epochs[run.epochs.length - 1];
  const validation = lastEpoch?.validation ?? null;
  if (s.evalView === 'test') return test;
  if (s.evalView === 'validation') return validation;
  return test ?? validation;
}
