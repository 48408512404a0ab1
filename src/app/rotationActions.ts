/**
 * The page's actions for augmentation and accuracy by rotation, where the
 * store meets the worker (as lab.ts does for training): the settings'
 * preview, a held model's accuracy by rotation on demand, and the drawing
 * turned by each angle ("Try rotations"). The drawing is turned here, with
 * the very rotateImage that turns the test sets; the worker only predicts.
 */
import { ROTATION_ANGLES, rotateImage } from '../data/rotatedSets.ts';
import { preprocess } from '../draw/preprocess.ts';
import type { RunSettings } from '../shared/settings.ts';
import { dataUrl, pageOptions, trainer } from './lab.ts';
import { useLab, workerBusy } from './store/index.ts';
import { rotationRows } from './store/rotationSlice.ts';

/** Images the preview shows. */
export const PREVIEW_COUNT = 16;

/** The first training images of a run with `settings`, as bytes (count × 784) with their digits; null when the worker could not make them. */
export async function requestPreview(settings: RunSettings): Promise<{ images: Uint8Array; labels: Uint8Array } | null> {
  const data = { dataUrl: dataUrl(), validationSize: pageOptions.validationSize, trainLimit: pageOptions.trainLimit };
  const reply = await trainer.augmentPreview(settings, data, PREVIEW_COUNT);
  return reply?.images && reply.labels ? { images: reply.images, labels: reply.labels } : null;
}

/** Asks the worker for the held model's accuracy by rotation (a loaded model, or a run stopped before its own measurement). */
export async function measureModelRotation(): Promise<void> {
  const s = useLab.getState();
  if (!s.model || workerBusy(s) || s.modelRotation?.status === 'measuring') return;
  const model = s.model;
  s.setModelRotation({ status: 'measuring' });
  const reply = await trainer.modelRotation(dataUrl());
  // Another model meanwhile: this answer is about the one before.
  const now = useLab.getState();
  if (now.model !== model || now.modelRotation?.status !== 'measuring') return;
  if (reply && 'result' in reply && reply.result.runs[0]) {
    now.setModelRotation({ status: 'done', rows: rotationRows(reply.result, reply.result.runs[0].accuracy) });
  } else {
    now.setModelRotation({ status: 'failed', problem: reply && 'problem' in reply ? reply.problem : 'failed' });
  }
}

let nextRotated = 1;

/** The drawing turned by each angle, and what the network says of each; only while "Try rotations" is on. */
export function predictRotations(): void {
  const s = useLab.getState();
  if (!s.tryRotations) return;
  const result = preprocess(s.strokes);
  if (!result) {
    s.setRotatedPrediction(null);
    return;
  }
  const images = rotateImage(result.centred, ROTATION_ANGLES);
  const requestId = nextRotated++;
  s.setRotatedPrediction({ requestId, images, angles: ROTATION_ANGLES, probs: null, answered: false });
  void trainer.predict(images.slice()).then((reply) => {
    const now = useLab.getState().rotatedPrediction;
    // A newer drawing may have been sent meanwhile; only the latest answer counts.
    if (now?.requestId !== requestId) return;
    useLab.getState().setRotatedPrediction({ ...now, probs: reply?.probs ?? null, answered: true });
  });
}

export function setTryRotations(on: boolean): void {
  useLab.getState().setTryRotations(on);
  if (on) predictRotations();
}

// The turned drawing follows every new prediction of the drawing (a stroke, an undo, training's progress, another model);
// a held model's measurement is about that model only.
useLab.subscribe((s, prev) => {
  if (s.model !== prev.model && s.modelRotation !== null) s.setModelRotation(null);
  if (s.tryRotations && s.prediction !== prev.prediction && s.prediction?.requestId !== prev.prediction?.requestId) predictRotations();
  if (s.tryRotations && s.strokes.length === 0 && s.rotatedPrediction) s.setRotatedPrediction(null);
});
