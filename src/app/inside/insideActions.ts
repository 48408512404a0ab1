/**
 * What the "Inside the network" panel and the Epoch slider ask of the worker,
 * and when: the replayed epoch's weight tiles when the slider moves, and the
 * drawing through the network whenever the drawing, the replayed epoch or
 * (live) the weights change. Both go through latestOnly, so a drag of the
 * slider sends one request at a time; and what the model was is forgotten
 * when it goes (a new run, Reset, a replaced worker).
 */
import { preprocess } from '../../draw/preprocess.ts';
import { trainer } from '../lab.ts';
import type { Stroke } from '../store/drawSlice.ts';
import type { LabState } from '../store/index.ts';
import { useLab } from '../store/index.ts';
import { latestOnly } from './latestOnly.ts';

/** What the drawing's look inside depends on. */
interface DrawingKey {
  strokes: readonly Stroke[];
  /** The replayed epoch; null: the current weights. */
  epoch: number | null;
  /** Live, the prediction's request id: it changes when the page asks again as the weights move (every 200 batches, each epoch). */
  tick: number;
}

const drawingKey = (s: LabState): DrawingKey => ({
  strokes: s.strokes,
  epoch: s.replayEpoch,
  tick: s.replayEpoch === null ? (s.prediction?.requestId ?? 0) : 0,
});
const sameDrawing = (a: DrawingKey, b: DrawingKey) => a.strokes === b.strokes && a.epoch === b.epoch && a.tick === b.tick;

const replayTiles = latestOnly<number, Awaited<ReturnType<typeof trainer.replayWeights>>>({
  ask: (epoch) => trainer.replayWeights(epoch),
  apply: (asked, reply) => {
    // A replaced worker answers nothing: keep what is shown.
    if (reply) useLab.getState().setReplayWeights({ asked, epoch: reply.epoch, weights: reply.weights });
  },
  same: (a, b) => a === b,
});

const drawing = latestOnly<DrawingKey, Awaited<ReturnType<typeof trainer.inspect>>>({
  ask: (key) => {
    const pre = preprocess(key.strokes);
    return pre ? trainer.inspect(pre.centred.slice(), key.epoch) : Promise.resolve(null);
  },
  apply: (key, reply) => {
    const s = useLab.getState();
    if (s.strokes.length === 0) return;
    s.setInspection(reply ? { asked: key.epoch, epoch: reply.epoch, result: reply.result } : null);
  },
  same: sameDrawing,
});

/**
 * Least time between two epochs the slider hands to the store, ms. Each one
 * re-renders the ROC curves, the confusion matrix and the tiles; a drag
 * moves the slider 30–60 times a second, and rendering each position would
 * only make the panels fall behind. The last position always arrives.
 */
export const REPLAY_COMMIT_MS = 100;
let lastCommit = Number.NEGATIVE_INFINITY;
let pendingEpoch: { epoch: number | null } | null = null;
let commitTimer: ReturnType<typeof setTimeout> | null = null;

function commitEpoch(): void {
  commitTimer = null;
  lastCommit = performance.now();
  const next = pendingEpoch;
  pendingEpoch = null;
  if (next && useLab.getState().replayEpoch !== next.epoch) useLab.getState().setReplayEpoch(next.epoch);
}

/** The Epoch slider moved to `epoch` (null: back to the latest epoch, live); reaches the store at most every REPLAY_COMMIT_MS. */
export function replayEpoch(epoch: number | null): void {
  pendingEpoch = { epoch };
  if (commitTimer !== null) return;
  const wait = lastCommit + REPLAY_COMMIT_MS - performance.now();
  if (wait <= 0) commitEpoch();
  else commitTimer = setTimeout(commitEpoch, wait);
}

let started = false;

/** Connects the store's changes to the requests above (once, from main.tsx). */
export function startInside(): void {
  if (started) return;
  started = true;
  useLab.subscribe((s, prev) => {
    // The model changed hands: what was seen of the old one (and its replay) goes.
    // (A diverged run, or a worker replaced while idle, takes the model away too.)
    if (s.run?.id !== prev.run?.id) s.forgetInside(s.run !== null);
    else if ((s.run?.interrupted && !prev.run?.interrupted) || (prev.model && !s.model)) s.forgetInside();

    const now = useLab.getState();
    if (now.replayEpoch !== prev.replayEpoch) {
      if (now.replayEpoch === null) replayTiles.cancel();
      else replayTiles.want(now.replayEpoch);
    }
    const key = drawingKey(now);
    if (!sameDrawing(key, drawingKey(prev))) {
      if (key.strokes.length === 0) {
        drawing.cancel();
        if (now.inspection) now.setInspection(null);
      } else drawing.want(key);
    }
  });
}
