/**
 * Accuracy by rotation beyond what a run or a comparison brings with its
 * end: the held model's, measured on demand (a loaded model, or a run that
 * was stopped before its measurement), and the drawing pad's "Try
 * rotations" (the drawing turned by each angle, and what the network says).
 */
import type { StateCreator } from 'zustand';
import type { RotationAccuracy } from '../../train/accuracyByRotation.ts';
import type { RotationProblem, RotationResult, StreamEvent } from '../../worker/protocol.ts';
import type { LabState } from './index.ts';

export type ModelRotation = { status: 'measuring' } | { status: 'done'; rows: RotationAccuracy[] } | { status: 'failed'; problem: RotationProblem };

export interface RotatedPrediction {
  requestId: number;
  /** The drawing turned by each angle: angles × 784 floats in [0, 1]. */
  images: Float32Array;
  angles: readonly number[];
  /** angles × 10 probabilities; null while waiting or when there is no model. */
  probs: Float32Array | null;
  /** The worker has answered (probs null then means there is no model). */
  answered: boolean;
}

export interface RotationSlice {
  /** The held model's accuracy by rotation, measured on demand; null until asked (and again once the model changes). */
  modelRotation: ModelRotation | null;
  /** "Try rotations" is on: the drawing's prediction at each angle follows the drawing. */
  tryRotations: boolean;
  rotatedPrediction: RotatedPrediction | null;
  /** How far the measurement under way has come (forward passes done of all), or null when none is. */
  rotationProgress: { done: number; total: number } | null;
  setModelRotation(m: ModelRotation | null): void;
  setTryRotations(on: boolean): void;
  setRotatedPrediction(p: RotatedPrediction | null): void;
}

export const createRotationSlice: StateCreator<LabState, [], [], RotationSlice> = (set) => ({
  modelRotation: null,
  tryRotations: false,
  rotatedPrediction: null,
  rotationProgress: null,
  setModelRotation: (modelRotation) => set(modelRotation?.status === 'measuring' ? { modelRotation } : { modelRotation, rotationProgress: null }),
  setTryRotations: (tryRotations) => set(tryRotations ? { tryRotations } : { tryRotations, rotatedPrediction: null }),
  setRotatedPrediction: (rotatedPrediction) => set({ rotatedPrediction }),
});

/** One run's row of a measurement: its accuracy at each angle, in order. */
export function rotationRows(r: Pick<RotationResult, 'angles'>, accuracy: ArrayLike<number>): RotationAccuracy[] {
  return r.angles.map((angleDeg, i) => ({ angleDeg, accuracy: accuracy[i] }));
}

/**
 * A run's or a comparison's accuracy by rotation, arrived after its end:
 * onto the run, or onto each race run it names. A run it leaves out (a
 * diverged one, or every run when the measurement gave way) gets an empty
 * row: nothing more is coming for it.
 */
export function applyRotationEvent(s: LabState, e: Extract<StreamEvent, { type: 'rotation-accuracy' | 'rotation-progress' }>): Partial<LabState> {
  if (e.type === 'rotation-progress') return { rotationProgress: { done: e.done, total: e.total } };
  const rowsOf = (run: number) => {
    const mine = e.runs.find((r) => r.run === run);
    return mine ? rotationRows(e, mine.accuracy) : [];
  };
  if (s.run?.id === e.runId) return { rotationProgress: null, run: { ...s.run, rotation: rowsOf(0) } };
  if (s.race?.runId === e.runId) return { rotationProgress: null, race: { ...s.race, runs: s.race.runs.map((r, i) => ({ ...r, rotation: rowsOf(i) })) } };
  return { rotationProgress: null };
}
