/**
 * The look inside over a MessageChannel, with the tfjs cpu engine: the
 * weight tiles a run sends, the replay of each epoch's weights, and a drawing
 * through the network, live and replayed.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-support/tf.ts';
import { readMnist } from '../test-support/mnist.ts';
import { createTfjsStackedEngine } from '../engine/tfjs/create.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import { PRESET } from '../shared/settings.ts';
import type { Command, Endpoint, WorkerEvent } from './protocol.ts';
import { attachHost } from './host.ts';
import { firstLayerTiles } from './inside.ts';

beforeAll(async () => {
  await useCpuBackend();
});

type Of<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;

/** MNIST with only 200 test images: a run's final test pass is not what these tests are about. */
function smallTest() {
  const { train, test } = readMnist();
  return { train, test: { images: test.images.subarray(0, 200 * 784), labels: test.labels.subarray(0, 200), count: 200 } };
}

function connect(liveWeightsMs = 1000) {
  const channel = new MessageChannel();
  const host = attachHost(channel.port2 as unknown as Endpoint, {
    loadData: async () => smallTest(),
    createEngine: createTfjsStackedEngine,
    selectBackend: async () => ({ backend: 'cpu' as const }),
    flushIntervalMs: 0,
    liveWeightsMs,
  });
  const events: WorkerEvent[] = [];
  const waiters = new Set<() => void>();
  channel.port1.onmessage = (ev) => {
    events.push(ev.data as WorkerEvent);
    waiters.forEach((w) => w());
  };
  const next = <T extends WorkerEvent['type']>(type: T, pred: (e: Of<T>) => boolean = () => true, from = 0) =>
    new Promise<Of<T>>((resolve) => {
      const check = () => {
        const found = events.slice(from).find((e) => e.type === type && pred(e as Of<T>));
        if (!found) return;
        waiters.delete(check);
        resolve(found as Of<T>);
      };
      waiters.add(check);
      check();
    });
  let requestId = 0;
  /** Sends a request and waits for its answer. */
  const ask = <T extends 'inspection' | 'replay-weights' | 'prediction'>(type: T, make: (requestId: number) => Command) => {
    const id = ++requestId;
    channel.port1.postMessage(make(id));
    return next(type, (e) => (e as { requestId: number }).requestId === id);
  };
  const send = (c: Command) => channel.port1.postMessage(c);
  const close = () => {
    host.dispose();
    channel.port1.close();
    channel.port2.close();
  };
  return { events, next, ask, send, close };
}

const data = { dataUrl: 'mem://mnist/', validationSize: 300, trainLimit: 640 };
let open: ReturnType<typeof connect> | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

/** The first test image, as the page sends a drawing: 784 floats in [0, 1]. */
const image = () => Float32Array.from(readMnist().test.images.subarray(0, 784), (v) => v / 255);

describe('the look inside a run', () => {
  it('sends the first-layer tiles from the initial weights on, keeps each epoch for the replay, and replays them', async () => {
    const c = (open = connect());
    const settings = { ...PRESET, learningRate: 0.1, epochs: 2 };
    c.send({ type: 'start', runId: 1, settings, data });
    await c.next('done', (e) => e.runId === 1);

    const weights = c.events.filter((e): e is Of<'weights'> => e.type === 'weights');
    // The initial weights first: W₁'s columns, one 28×28 tile per unit of the 128.
    expect(weights[0]).toMatchObject({ runId: 1, epoch: 0 });
    const initial = firstLayerTiles(ANN_MNIST, initParams(ANN_MNIST, settings.init, settings.seed));
    expect(weights[0].weights).toMatchObject({ units: 128, output: false });
    expect(weights[0].weights.tiles).toEqual(initial.tiles);
    // Unit 5's weight from pixel (row 3, column 7) is W₁[3·28 + 7, 5].
    expect(initial.tiles[5 * 784 + 3 * 28 + 7]).toBe(initParams(ANN_MNIST, settings.init, settings.seed)[0][(3 * 28 + 7) * 128 + 5]);
    // Then after each epoch, just before the replay says it keeps them (and live, at most once a second, between).
    const atEpochs = c.events.flatMap((e, i) => (e.type === 'replay-kept' ? [c.events[i - 1] as Of<'weights'>] : []));
    expect(atEpochs.map((w) => [w.type, w.epoch])).toEqual([
      ['weights', 1],
      ['weights', 2],
    ]);
    expect(weights.every((w) => w.ms >= 0)).toBe(true);

    const kept = c.events.filter((e): e is Of<'replay-kept'> => e.type === 'replay-kept');
    expect(kept.map((k) => k.epochs)).toEqual([[1], [1, 2]]);
    expect(kept[1]).toMatchObject({ runId: 1, stride: 1, bytesPerEpoch: 437_544, capBytes: 64 * 2 ** 20 });
    // Each epoch's event comes before its weights are kept (the page has the evaluation the slider replays first).
    const order = c.events.filter((e) => e.type === 'epoch' || e.type === 'replay-kept').map((e) => e.type);
    expect(order).toEqual(['epoch', 'replay-kept', 'epoch', 'replay-kept']);

    const one = await c.ask('replay-weights', (requestId) => ({ type: 'replay', requestId, epoch: 1 }));
    expect(one.epoch).toBe(1);
    expect(one.weights!.tiles).toEqual(atEpochs[0].weights.tiles);
    const two = await c.ask('replay-weights', (requestId) => ({ type: 'replay', requestId, epoch: 2 }));
    expect(two.weights!.tiles).toEqual(atEpochs[1].weights.tiles);
    expect(two.weights!.tiles).not.toEqual(one.weights!.tiles);
    // An epoch later than any kept gives the latest; none before epoch 1.
    expect((await c.ask('replay-weights', (requestId) => ({ type: 'replay', requestId, epoch: 9 }))).epoch).toBe(2);
    expect(await c.ask('replay-weights', (requestId) => ({ type: 'replay', requestId, epoch: 0 }))).toMatchObject({ epoch: null, weights: null });
  });

  it("looks at a drawing with the current weights, as the engine predicts it, and with an earlier epoch's", async () => {
    const c = (open = connect());
    c.send({ type: 'start', runId: 1, settings: { ...PRESET, learningRate: 0.1, epochs: 2 }, data });
    await c.next('done', (e) => e.runId === 1);

    const live = await c.ask('inspection', (requestId) => ({ type: 'inspect', requestId, pixels: image(), epoch: null }));
    const predicted = await c.ask('prediction', (requestId) => ({ type: 'predict', requestId, pixels: image() }));
    expect(live.epoch).toBeNull();
    const r = live.result!;
    // The hand-written pass agrees with the engine's (float32 there, doubles here).
    Array.from(r.logProbs).forEach((lp, k) => expect(Math.exp(lp)).toBeCloseTo(predicted.probs![k], 5));
    expect(r.layers.map((l) => l.length)).toEqual([128, 64]);
    expect(r.saliency.length).toBe(784);
    expect(Math.max(...Array.from(r.saliency, Math.abs))).toBeGreaterThan(0);

    const early = await c.ask('inspection', (requestId) => ({ type: 'inspect', requestId, pixels: image(), epoch: 1 }));
    expect(early.epoch).toBe(1);
    expect(Array.from(early.result!.logProbs)).not.toEqual(Array.from(r.logProbs));
    // Epoch 2 is the last: its kept weights are the current ones.
    const last = await c.ask('inspection', (requestId) => ({ type: 'inspect', requestId, pixels: image(), epoch: 2 }));
    Array.from(last.result!.logProbs).forEach((lp, k) => expect(lp).toBeCloseTo(r.logProbs[k], 6));
  });

  it('sends tiles while training at the rate asked, with the fraction of the epoch trained', async () => {
    const c = (open = connect(0));
    c.send({ type: 'start', runId: 1, settings: { ...PRESET, epochs: 1 }, data });
    await c.next('done', (e) => e.runId === 1);
    const live = c.events.filter((e): e is Of<'weights'> => e.type === 'weights' && !Number.isInteger(e.epoch));
    expect(live.length, 'some snapshots mid-epoch').toBeGreaterThan(0);
    expect(live.every((w) => w.epoch! > 0 && w.epoch! < 1)).toBe(true);
  });

  it('forgets the replay on reset and on a loaded model, whose tiles it sends once', async () => {
    const c = (open = connect());
    c.send({ type: 'start', runId: 1, settings: { ...PRESET, epochs: 1 }, data });
    await c.next('done', (e) => e.runId === 1);
    c.send({ type: 'reset' });
    await c.next('reset-done');
    expect(await c.ask('replay-weights', (requestId) => ({ type: 'replay', requestId, epoch: 1 }))).toMatchObject({ epoch: null, weights: null });
    expect(await c.ask('inspection', (requestId) => ({ type: 'inspect', requestId, pixels: image(), epoch: null }))).toMatchObject({ result: null });

    const arch = { sizes: [784, 10] };
    const params = initParams(arch, 'pytorch', 4);
    const from = c.events.length;
    c.send({ type: 'load-params', requestId: 99, arch, params });
    const loaded = await c.next('weights', () => true, from);
    // No hidden layer: the tiles are the ten output units' weights.
    expect(loaded).toMatchObject({ runId: null, epoch: null });
    expect(loaded.weights).toMatchObject({ units: 10, output: true });
    expect(loaded.weights.tiles).toEqual(firstLayerTiles(arch, params).tiles);
    const seen = await c.ask('inspection', (requestId) => ({ type: 'inspect', requestId, pixels: image(), epoch: null }));
    expect(seen.result!.layers).toEqual([]);
    // Nothing to replay: asked for epoch 1, it answers with the weights it has, and says so.
    const asked = await c.ask('inspection', (requestId) => ({ type: 'inspect', requestId, pixels: image(), epoch: 1 }));
    expect(asked.epoch).toBeNull();
    expect(Array.from(asked.result!.logProbs)).toEqual(Array.from(seen.result!.logProbs));
  });
});
