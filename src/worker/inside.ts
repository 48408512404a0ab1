/**
 * A look inside the model, for the page's "Inside the network" panel: the
 * first layer's weights as tiles (sent live while a run trains), the weights
 * after each epoch kept for the replay (replay.ts), and one drawing through
 * the network with its saliency (model/inspect.ts).
 *
 * It needs one thing of an engine, `getParams(0)`, which every engine offers
 * (the SIMD engine too): the tiles and the replay are copies of the weights,
 * and the drawing's pass is plain TypeScript over them. The host tells it of
 * the model's life (a run begins, trains, ends; a model is loaded; the model
 * goes) and hands it the inspect and replay commands.
 */
import { INPUTS } from '../model/architecture.ts';
import type { Architecture } from '../model/architecture.ts';
import type { Inspection } from '../model/inspect.ts';
import { inspect } from '../model/inspect.ts';
import type { RaceEngine } from '../engine/race.ts';
import { now } from '../train/types.ts';
import type { Command, WeightTiles, WorkerEvent } from './protocol.ts';
import { ReplayStore } from './replay.ts';

/** Least time between two live snapshots of the weights while a run trains, ms. */
export const LIVE_WEIGHTS_MS = 1000;

/** The first layer's weights W₁ [784, units] (input-major, as engines keep them) turned into one 28×28 tile per unit. */
export function firstLayerTiles(arch: Architecture, params: readonly Float32Array[]): WeightTiles {
  const units = arch.sizes[1];
  const w = params[0];
  const tiles = new Float32Array(units * INPUTS);
  for (let i = 0; i < INPUTS; i++) {
    const row = i * units;
    for (let u = 0; u < units; u++) tiles[u * INPUTS + i] = w[row + u];
  }
  return { units, output: arch.sizes.length === 2, tiles };
}

/** The typed arrays of an inspection, for the transfer list. */
export function inspectionBuffers(r: Inspection): ArrayBufferView[] {
  return [r.logProbs, r.saliency, ...r.layers];
}

export interface InsideOptions {
  post(e: WorkerEvent, transfer?: ArrayBufferView[]): void;
  /** Least ms between live snapshots (default LIVE_WEIGHTS_MS). */
  liveWeightsMs?: number;
  /** The replay's memory cap, bytes (default replay.ts's). */
  replayCapBytes?: number;
}

/** What a run tells the look inside while it trains (run.ts calls these between batches). */
export interface InsideHooks {
  /** After a loss readback, at `epoch` (fractional): a live snapshot if one is due. Not awaited. */
  afterLosses(epoch: number): void;
  /** After epoch `epoch`'s evaluation: its weights go into the replay and to the page. */
  afterEpoch(epoch: number): Promise<void>;
}

export function createInside(options: InsideOptions) {
  const { post } = options;
  const liveMs = options.liveWeightsMs ?? LIVE_WEIGHTS_MS;
  const replay = new ReplayStore(options.replayCapBytes);
  /** The model's engine and its run (null: a loaded model). */
  let model: { engine: RaceEngine; runId: number | null } | null = null;
  /** Goes up whenever the model changes: a snapshot that finishes after that is dropped. */
  let generation = 0;
  let lastLive = Number.NEGATIVE_INFINITY;
  let liveInFlight = false;
  /** Epochs the model has trained so far, as the run last said (fractional mid-epoch). */
  let trained = 0;

  /** Reads the model's weights and sends its tiles; resolves with the weights (null if the model changed or failed meanwhile). */
  async function sendWeights(epoch: number | null): Promise<Float32Array[] | null> {
    if (!model) return null;
    const { engine, runId } = model;
    const asOf = generation;
    const t0 = now();
    let params: Float32Array[];
    try {
      params = await engine.getParams(0);
    } catch {
      // An engine disposed under the readback (a reset): nothing to show.
      return null;
    }
    if (asOf !== generation) return null;
    const weights = firstLayerTiles(engine.arch, params);
    post({ type: 'weights', runId, epoch, ms: now() - t0, weights }, [weights.tiles]);
    return params;
  }

  const hooks: InsideHooks = {
    afterLosses(epoch) {
      trained = epoch;
      const t = now();
      if (liveInFlight || t - lastLive < liveMs) return;
      lastLive = t;
      liveInFlight = true;
      void sendWeights(epoch).finally(() => (liveInFlight = false));
    },
    async afterEpoch(epoch) {
      trained = epoch;
      const asOf = generation;
      const params = await sendWeights(epoch);
      if (!params || asOf !== generation || !model || model.runId === null) return;
      lastLive = now();
      replay.add(epoch, params);
      post({ type: 'replay-kept', runId: model.runId, ...replay.state() });
    },
  };

  /** Forgets the model and what was kept of it. */
  function drop(): void {
    generation++;
    model = null;
    replay.clear();
    lastLive = Number.NEGATIVE_INFINITY;
    trained = 0;
  }

  return {
    hooks,
    /** A run's engine, at its initial weights: the replay starts empty and the page gets the first tiles. */
    begin(runId: number, engine: RaceEngine): Promise<void> {
      drop();
      model = { engine, runId };
      return sendWeights(0).then(() => undefined);
    },
    /** The run ended stopped mid-epoch, or with its best epoch's weights restored: the tiles of the weights it leaves. */
    ended(restoredEpoch?: number): Promise<void> {
      return sendWeights(restoredEpoch ?? trained).then(() => undefined);
    },
    /** A loaded model: its tiles, and nothing to replay. */
    loaded(engine: RaceEngine): Promise<void> {
      drop();
      model = { engine, runId: null };
      return sendWeights(null).then(() => undefined);
    },
    /** The model is gone (reset, divergence, a failure). */
    drop,

    async inspect(cmd: Extract<Command, { type: 'inspect' }>): Promise<void> {
      const { requestId, pixels, epoch } = cmd;
      const answer = (used: number | null, result: Inspection | null) =>
        post({ type: 'inspection', requestId, epoch: used, result }, result ? inspectionBuffers(result) : []);
      const current = model;
      if (!current || pixels.length !== INPUTS) return answer(null, null);
      // Nothing kept that early (one epoch's weights over the cap): the current weights, and the answer says so (epoch null).
      const kept = epoch === null ? null : replay.at(epoch);
      try {
        const params = kept ? kept.params : await current.engine.getParams(0);
        answer(kept ? kept.epoch : null, inspect(current.engine.arch, params, pixels));
      } catch {
        answer(null, null);
      }
    },

    replay(cmd: Extract<Command, { type: 'replay' }>): void {
      const kept = model ? replay.at(cmd.epoch) : null;
      const weights = kept && model ? firstLayerTiles(model.engine.arch, kept.params) : null;
      post({ type: 'replay-weights', requestId: cmd.requestId, epoch: kept?.epoch ?? null, weights }, weights ? [weights.tiles] : []);
    },

    /** For the bench and tests: what the replay holds. */
    replayState: () => replay.state(),
  };
}

export type Inside = ReturnType<typeof createInside>;
