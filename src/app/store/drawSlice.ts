/**
 * The drawing pad: the strokes as the app recorded them (never read back
 * from canvas pixels), the 28×28 image they become, and what the network
 * said about it. Undo steps back through the pad's earlier contents: a
 * stroke is one step, and so is a sample digit loaded in place of the
 * drawing. Clear starts afresh (nothing to undo).
 */
import type { StateCreator } from 'zustand';
import type { LabState } from './index.ts';

/** A point in pad coordinates, 0..1 on both axes, y downwards. */
export interface PadPoint {
  x: number;
  y: number;
}

export type Stroke = readonly PadPoint[];

export interface PredictionState {
  requestId: number;
  /** Ten probabilities, or null while waiting or when there is no model. */
  probs: Float32Array | null;
  /** Why there are no probabilities: no network to ask yet (nothing trained or loaded). The panel words it. */
  noModel?: true;
}

/** What became of the latest "Load a sample" (the page words it): loaded, or why not. */
export type SampleNote = { code: 'loaded'; digit: number; index: number } | { code: 'loading' | 'unavailable' };

/** Undo steps kept; older ones are dropped. */
export const UNDO_DEPTH = 100;

export interface DrawSlice {
  strokes: readonly Stroke[];
  /** The pad's earlier contents, oldest first: what Undo brings back. */
  undo: readonly (readonly Stroke[])[];
  prediction: PredictionState | null;
  sampleNote: SampleNote | null;
  addStroke(s: Stroke): void;
  /** Replaces the drawing (a sample digit); Undo brings the drawing back. */
  loadStrokes(strokes: readonly Stroke[]): void;
  /** Back one step: the last stroke, or the drawing a sample replaced. */
  undoStroke(): void;
  clearPad(): void;
  setPrediction(p: PredictionState | null): void;
  setSampleNote(n: SampleNote | null): void;
}

const remember = (undo: DrawSlice['undo'], strokes: readonly Stroke[]) => [...undo, strokes].slice(-UNDO_DEPTH);

export const createDrawSlice: StateCreator<LabState, [], [], DrawSlice> = (set) => ({
  strokes: [],
  undo: [],
  prediction: null,
  sampleNote: null,
  addStroke: (s) => set((st) => ({ strokes: [...st.strokes, s], undo: remember(st.undo, st.strokes) })),
  loadStrokes: (strokes) => set((st) => ({ strokes, undo: remember(st.undo, st.strokes) })),
  undoStroke: () =>
    set((st) => {
      const previous = st.undo.at(-1);
      if (!previous) return {};
      return { strokes: previous, undo: st.undo.slice(0, -1), ...(previous.length === 0 ? { prediction: null } : {}) };
    }),
  clearPad: () => set({ strokes: [], undo: [], prediction: null, sampleNote: null }),
  setPrediction: (prediction) => set({ prediction }),
  setSampleNote: (sampleNote) => set({ sampleNote }),
});
