/**
 * The drawing pad: the strokes as the app recorded them (never read back
 * from canvas pixels), the 28×28 image they become, and what the network
 * said about it.
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

export interface DrawSlice {
  strokes: readonly Stroke[];
  prediction: PredictionState | null;
  addStroke(s: Stroke): void;
  undoStroke(): void;
  clearPad(): void;
  setPrediction(p: PredictionState | null): void;
}

export const createDrawSlice: StateCreator<LabState, [], [], DrawSlice> = (set) => ({
  strokes: [],
  prediction: null,
  addStroke: (s) => set((st) => ({ strokes: [...st.strokes, s] })),
  undoStroke: () => set((st) => ({ strokes: st.strokes.slice(0, -1), ...(st.strokes.length <= 1 ? { prediction: null } : {}) })),
  clearPad: () => set({ strokes: [], prediction: null }),
  setPrediction: (prediction) => set({ prediction }),
});
