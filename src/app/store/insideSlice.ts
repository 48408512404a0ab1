/**
 * A look inside the network: the model's first-layer weights as the worker
 * last sent them, which epochs it keeps for the replay, the epoch the panels
 * replay (null: the live view), and the drawing seen layer by layer. What the
 * worker answers is kept until a newer answer arrives, so scrubbing the Epoch
 * slider never blanks a panel.
 */
import type { StateCreator } from 'zustand';
import type { Inspection } from '../../model/inspect.ts';
import type { ReplayState } from '../../worker/replay.ts';
import type { StreamEvent, WeightTiles } from '../../worker/protocol.ts';
import type { LabState } from './index.ts';

export type TileScale = 'tile' | 'shared';
/** What the tiles show: the weights, or how far training has moved them from their random start. */
export type TileView = 'weights' | 'change';

export interface ShownWeights {
  weights: WeightTiles;
  /** Epochs trained when taken (fractional mid-epoch); null for a loaded model. */
  epoch: number | null;
}

export interface InsideSlice {
  /** The model's latest first-layer tiles. */
  liveWeights: (ShownWeights & { runId: number | null /** What taking them cost the worker, ms. */; ms: number }) | null;
  /** The run's initial weights (its epoch-0 tiles), for the "change since the start" view; null for a loaded model. */
  initialWeights: WeightTiles | null;
  /** The epochs the worker keeps for run `runId`'s replay. */
  replayKept: ({ runId: number } & ReplayState) | null;
  /** The epoch the evaluation panels, the weights and the drawing show; null: the latest, live. */
  replayEpoch: number | null;
  /** The replayed weights as last received: `asked` the slider's epoch, `epoch` the kept one used (null: none kept that early). */
  replayWeights: { asked: number; epoch: number | null; weights: WeightTiles | null } | null;
  /** The drawing through the network as last received: `asked` null for the current weights; `epoch` the kept one used. */
  inspection: { asked: number | null; epoch: number | null; result: Inspection | null } | null;
  tileScale: TileScale;
  tileView: TileView;
  setReplayEpoch(epoch: number | null): void;
  setReplayWeights(r: InsideSlice['replayWeights']): void;
  setInspection(i: InsideSlice['inspection']): void;
  setTileScale(s: TileScale): void;
  setTileView(v: TileView): void;
  /** The model is gone or replaced (a new run, reset, a replaced worker): forget what was seen of it. */
  forgetInside(keepWeights?: boolean): void;
}

export const createInsideSlice: StateCreator<LabState, [], [], InsideSlice> = (set) => ({
  liveWeights: null,
  initialWeights: null,
  replayKept: null,
  replayEpoch: null,
  replayWeights: null,
  inspection: null,
  tileScale: 'shared',
  tileView: 'weights',
  setReplayEpoch: (replayEpoch) => set(replayEpoch === null ? { replayEpoch, replayWeights: null } : { replayEpoch }),
  setReplayWeights: (replayWeights) => set({ replayWeights }),
  setInspection: (inspection) => set({ inspection }),
  setTileScale: (tileScale) => set({ tileScale }),
  setTileView: (tileView) => set({ tileView }),
  forgetInside: (keepWeights = false) =>
    set((s) => ({
      liveWeights: keepWeights ? s.liveWeights : null,
      initialWeights: null,
      replayKept: null,
      replayEpoch: null,
      replayWeights: null,
      inspection: null,
    })),
});

type InsideEvent = Extract<StreamEvent, { type: 'weights' | 'replay-kept' }>;

/** The worker's weights and replay events, as store changes. */
export function applyInsideEvent(s: LabState, e: InsideEvent): Partial<LabState> {
  switch (e.type) {
    case 'weights': {
      const liveWeights = { runId: e.runId, epoch: e.epoch, ms: e.ms, weights: e.weights };
      // A loaded model has no epochs to replay, and no start to compare with.
      if (e.runId === null) return { liveWeights, initialWeights: null, replayKept: null, replayEpoch: null, replayWeights: null };
      return e.epoch === 0 ? { liveWeights, initialWeights: e.weights } : { liveWeights };
    }
    case 'replay-kept': {
      const { type: _t, ...kept } = e;
      return s.run?.id === e.runId ? { replayKept: kept } : {};
    }
  }
}

/** The tiles to show: the replayed epoch's once they arrive (the last shown until then), else the live ones. */
export function shownWeights(s: Pick<LabState, 'replayEpoch' | 'replayWeights' | 'liveWeights'>): ShownWeights | null {
  if (s.replayEpoch !== null && s.replayWeights?.weights) return { weights: s.replayWeights.weights, epoch: s.replayWeights.epoch };
  return s.liveWeights;
}

/**
 * The tiles as the view asks: the weights themselves, or their change since
 * the run's start (the learned part, which PyTorch's random start hides: after
 * a few hundred batches at learning rate 0.01 the weights still look like
 * noise, while their change already shows strokes).
 */
export function viewedTiles(shown: WeightTiles, initial: WeightTiles | null, view: TileView): WeightTiles {
  if (view === 'weights' || !initial || initial.units !== shown.units || initial.tiles.length !== shown.tiles.length) return shown;
  const tiles = new Float32Array(shown.tiles.length);
  for (let i = 0; i < tiles.length; i++) tiles[i] = shown.tiles[i] - initial.tiles[i];
  return { ...shown, tiles };
}
