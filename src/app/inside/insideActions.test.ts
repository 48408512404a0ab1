/**
 * What the Epoch slider and the drawing ask of the worker, judged from the
 * real store with the worker handle's requests stubbed: the slider's epochs
 * reach the store at most every 100 ms (the last one always), each epoch's
 * tiles are asked for and shown, a drawing is looked at with the replayed
 * epoch's weights, and a new run forgets the last one's replay.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PRESET } from '../../shared/settings.ts';
import type { WeightTiles } from '../../worker/protocol.ts';
import { trainer } from '../lab.ts';
import { useLab } from '../store/index.ts';
import { REPLAY_COMMIT_MS, replayEpoch, startInside } from './insideActions.ts';

const initial = useLab.getState();
const lab = () => useLab.getState();
const tiles = (value: number): WeightTiles => ({ units: 1, output: false, tiles: new Float32Array(784).fill(value) });

beforeEach(() => {
  vi.useFakeTimers();
  useLab.setState(initial, true);
  startInside();
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function finishedRun(id: number, epochs: number) {
  lab().beginRun(id, PRESET);
  lab().applyEvent({ type: 'accepted', runId: id });
  lab().applyEvent({ type: 'replay-kept', runId: id, epochs: Array.from({ length: epochs }, (_, i) => i + 1), stride: 1, bytesPerEpoch: 10, capBytes: 100 });
}

describe('the Epoch slider', () => {
  it('hands its epochs to the store at most every 100 ms, the last one always', async () => {
    vi.spyOn(trainer, 'replayWeights').mockImplementation(async (epoch) => ({ type: 'replay-weights', requestId: 1, epoch, weights: tiles(epoch) }));
    finishedRun(1, 9);
    await vi.advanceTimersByTimeAsync(REPLAY_COMMIT_MS);
    const seen: (number | null)[] = [];
    const stop = useLab.subscribe((s, prev) => {
      if (s.replayEpoch !== prev.replayEpoch) seen.push(s.replayEpoch);
    });
    // A drag from 8 down to 1, a position every 10 ms.
    for (let e = 8; e >= 1; e--) {
      replayEpoch(e);
      await vi.advanceTimersByTimeAsync(10);
    }
    await vi.advanceTimersByTimeAsync(REPLAY_COMMIT_MS);
    stop();
    expect(seen[0], 'the first position at once').toBe(8);
    expect(seen.at(-1), 'the last position always').toBe(1);
    expect(seen.length, '80 ms of dragging: at most two in between').toBeLessThanOrEqual(3);
  });

  it('asks for the replayed epoch’s tiles and shows them, and the live ones again at the latest', async () => {
    const asked = vi
      .spyOn(trainer, 'replayWeights')
      .mockImplementation(async (epoch) => ({ type: 'replay-weights', requestId: 1, epoch, weights: tiles(epoch) }));
    finishedRun(1, 3);
    lab().applyEvent({ type: 'weights', runId: 1, epoch: 3, ms: 1, weights: tiles(3) });
    lab().setReplayEpoch(2);
    await vi.advanceTimersByTimeAsync(100);
    expect(asked).toHaveBeenCalledWith(2);
    expect(lab().replayWeights).toMatchObject({ asked: 2, epoch: 2 });
    lab().setReplayEpoch(null);
    expect(lab().replayWeights).toBeNull();
    expect(lab().liveWeights?.weights.tiles[0]).toBe(3);
  });

  it('looks at the drawing with the replayed epoch’s weights, and forgets the replay when a new run begins', async () => {
    const inspected = vi.spyOn(trainer, 'inspect').mockImplementation(async (_pixels, epoch) => ({ type: 'inspection', requestId: 1, epoch, result: null }));
    vi.spyOn(trainer, 'replayWeights').mockResolvedValue(null);
    finishedRun(1, 3);
    lab().addStroke(Array.from({ length: 20 }, (_, i) => ({ x: 0.5, y: 0.2 + i * 0.03 })));
    await vi.advanceTimersByTimeAsync(100);
    expect(inspected).toHaveBeenLastCalledWith(expect.any(Float32Array), null);
    lab().setReplayEpoch(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(inspected).toHaveBeenLastCalledWith(expect.any(Float32Array), 1);
    expect(lab().inspection).toMatchObject({ asked: 1, epoch: 1 });

    lab().beginRun(2, PRESET);
    expect(lab()).toMatchObject({ replayEpoch: null, replayKept: null, inspection: null });
  });
});
