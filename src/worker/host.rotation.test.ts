/**
 * What the host adds for augmentation and accuracy by rotation, over a
 * MessageChannel with real engines (tfjs cpu): the settings' preview from the
 * run's own stream, several images in one prediction (the drawing turned by
 * each angle), and accuracy by rotation after a run, after a comparison and
 * on demand, measured after the end event and giving way to the next job.
 * The test set is cut to 500 images: on the cpu backend the whole set's seven
 * passes take tens of seconds.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-support/tf.ts';
import { readMnist } from '../test-support/mnist.ts';
import { createTfjsStackedEngine } from '../engine/tfjs/create.ts';
import type { Mnist } from '../data/load.ts';
import { splitTrainValidation } from '../data/dataset.ts';
import { ROTATION_ANGLES, cachedRotations, rotateImage, rotatedSet } from '../data/rotatedSets.ts';
import { augmentOf } from '../data/augment/index.ts';
import { augmentPreview } from '../train/batches.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import { PRESET } from '../shared/settings.ts';
import type { Command, Endpoint, WorkerEvent } from './protocol.ts';
import { attachHost } from './host.ts';

beforeAll(async () => {
  await useCpuBackend();
});

const TEST_IMAGES = 500;

/** The real training set, and the first 500 test images (one object for the whole file, so its rotated sets are cached once). */
const mnist: Mnist = (() => {
  const { train, test } = readMnist();
  return { train, test: { images: test.images.subarray(0, TEST_IMAGES * 784), labels: test.labels.subarray(0, TEST_IMAGES), count: TEST_IMAGES } };
})();

function connect() {
  const channel = new MessageChannel();
  const host = attachHost(channel.port2 as unknown as Endpoint, {
    loadData: async () => mnist,
    createEngine: createTfjsStackedEngine,
    selectBackend: async () => ({ backend: 'cpu' as const }),
    flushIntervalMs: 0,
  });
  const events: WorkerEvent[] = [];
  const waiters: Array<() => void> = [];
  channel.port1.onmessage = (ev) => {
    events.push(ev.data as WorkerEvent);
    waiters.splice(0).forEach((w) => w());
  };
  const send = (c: Command) => channel.port1.postMessage(c);
  const next = <T extends WorkerEvent['type']>(type: T, pred: (e: Extract<WorkerEvent, { type: T }>) => boolean = () => true, from = 0) =>
    new Promise<Extract<WorkerEvent, { type: T }>>((resolve) => {
      const check = () => {
        const found = events.slice(from).find((e) => e.type === type && pred(e as Extract<WorkerEvent, { type: T }>));
        if (found) resolve(found as Extract<WorkerEvent, { type: T }>);
        else waiters.push(check);
      };
      check();
    });
  const close = () => {
    host.dispose();
    channel.port1.close();
    channel.port2.close();
  };
  return { events, send, next, close };
}

const data = { dataUrl: 'mem://mnist/', validationSize: 200, trainLimit: 640 };
let open: ReturnType<typeof connect> | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

describe('accuracy by rotation from the worker', () => {
  it('follows a run’s done: seven angles, 0° exactly its test accuracy, the rotated sets built once and kept for the next run', async () => {
    const c = (open = connect());
    c.send({ type: 'start', runId: 1, settings: { ...PRESET, learningRate: 0.1, epochs: 1 }, data });
    const done = await c.next('done', (e) => e.runId === 1);
    const rotation = await c.next('rotation-accuracy', (e) => e.runId === 1);
    expect(c.events.indexOf(rotation)).toBeGreaterThan(c.events.indexOf(done));
    expect(rotation.angles).toEqual(ROTATION_ANGLES);
    expect(rotation.runs.map((r) => r.run)).toEqual([0]);
    const acc = Array.from(rotation.runs[0].accuracy);
    expect(acc[ROTATION_ANGLES.indexOf(0)]).toBe(done.test!.accuracy);
    // Trained upright: tilted digits are read worse, and worse the further they turn.
    expect(acc[ROTATION_ANGLES.indexOf(45)]).toBeLessThan(acc[ROTATION_ANGLES.indexOf(15)]);
    expect(acc[ROTATION_ANGLES.indexOf(-45)]).toBeLessThan(acc[ROTATION_ANGLES.indexOf(0)]);

    expect(cachedRotations(mnist.test)).toBe(6);
    const turned = rotatedSet(mnist.test, 30);
    c.send({ type: 'start', runId: 2, settings: { ...PRESET, learningRate: 0.1, epochs: 1, seed: 2 }, data });
    await c.next('rotation-accuracy', (e) => e.runId === 2);
    expect(rotatedSet(mnist.test, 30), 'the same set, not rebuilt').toBe(turned);
    expect(cachedRotations(mnist.test)).toBe(6);
  });

  it('follows a comparison: one row per run that did not diverge, the plain and the rotated run apart', async () => {
    const c = (open = connect());
    const base = { ...PRESET, learningRate: 0.1, epochs: 1 };
    c.send({ type: 'race', runId: 3, settings: base, runs: [base, { ...base, rotationDeg: 30 }, { ...base, learningRate: 10 }], data });
    const done = await c.next('race-done', (e) => e.runId === 3);
    const rotation = await c.next('rotation-accuracy', (e) => e.runId === 3);
    expect(c.events.indexOf(rotation)).toBeGreaterThan(c.events.indexOf(done));
    // Run 2 diverged at lr 10: left out.
    expect(rotation.runs.map((r) => r.run)).toEqual([0, 1]);
    expect(rotation.runs[0].accuracy).not.toEqual(rotation.runs[1].accuracy);
    for (const r of rotation.runs) for (const a of r.accuracy) expect(a).toBeGreaterThan(0.1);
  });

  it('gives way to the next run within a chunk, reporting no rows; a stopped run has none to give', async () => {
    const c = (open = connect());
    c.send({ type: 'start', runId: 4, settings: { ...PRESET, epochs: 1 }, data });
    await c.next('done', (e) => e.runId === 4);
    c.send({ type: 'start', runId: 5, settings: { ...PRESET, epochs: 50 }, data });
    expect((await c.next('rotation-accuracy', (e) => e.runId === 4)).runs).toEqual([]);
    await c.next('losses', (e) => e.runId === 5);
    c.send({ type: 'stop', runId: 5 });
    const stopped = await c.next('done', (e) => e.runId === 5);
    expect(stopped.end.reason).toBe('stopped');
    // Asked for on demand instead (the page's button), for the model the stopped run left.
    c.send({ type: 'model-rotation', requestId: 9, dataUrl: data.dataUrl });
    const reply = await c.next('model-rotation', (e) => e.requestId === 9);
    expect('result' in reply && reply.result.runs[0].accuracy.length).toBe(7);
    expect(c.events.some((e) => e.type === 'rotation-accuracy' && e.runId === 5)).toBe(false);
  });

  it('is measured on demand for a loaded model, and refused while a job runs or when there is none', async () => {
    const c = (open = connect());
    c.send({ type: 'model-rotation', requestId: 1, dataUrl: data.dataUrl });
    expect(await c.next('model-rotation', (e) => e.requestId === 1)).toMatchObject({ problem: 'no-model' });
    c.send({ type: 'load-params', requestId: 2, arch: ANN_MNIST, params: initParams(ANN_MNIST, 'pytorch', 1) });
    await c.next('params-loaded', (e) => e.requestId === 2);
    c.send({ type: 'model-rotation', requestId: 3, dataUrl: data.dataUrl });
    const reply = await c.next('model-rotation', (e) => e.requestId === 3);
    // Untrained weights guess: near chance at every angle.
    expect('result' in reply && Array.from(reply.result.runs[0].accuracy).every((a) => a < 0.3)).toBe(true);
    c.send({ type: 'start', runId: 6, settings: { ...PRESET, epochs: 50 }, data });
    await c.next('losses', (e) => e.runId === 6);
    c.send({ type: 'model-rotation', requestId: 4, dataUrl: data.dataUrl });
    expect(await c.next('model-rotation', (e) => e.requestId === 4)).toMatchObject({ problem: 'busy' });
  });
});

describe('the drawing turned by each angle, and the settings’ preview', () => {
  it('predicts several images at once, each as it is predicted alone', async () => {
    const c = (open = connect());
    c.send({ type: 'start', runId: 1, settings: { ...PRESET, learningRate: 0.1, epochs: 1 }, data });
    await c.next('done');
    const image = Float32Array.from(mnist.test.images.subarray(0, 784), (v) => v / 255);
    const turned = rotateImage(image);
    c.send({ type: 'predict', requestId: 1, pixels: turned });
    const all = (await c.next('prediction', (e) => e.requestId === 1)).probs!;
    expect(all.length).toBe(70);
    c.send({ type: 'predict', requestId: 2, pixels: turned.slice(5 * 784, 6 * 784) });
    const one = (await c.next('prediction', (e) => e.requestId === 2)).probs!;
    Array.from(one).forEach((p, k) => expect(p).toBeCloseTo(all[50 + k], 6));
    // Too many, or not whole images: no answer but null.
    c.send({ type: 'predict', requestId: 3, pixels: new Float32Array(17 * 784) });
    expect((await c.next('prediction', (e) => e.requestId === 3)).probs).toBeNull();
    c.send({ type: 'predict', requestId: 4, pixels: new Float32Array(700) });
    expect((await c.next('prediction', (e) => e.requestId === 4)).probs).toBeNull();
  });

  it('previews the run’s first images as its training sees them, as bytes, and another set for another rotation', async () => {
    const c = (open = connect());
    const settings = { ...PRESET, rotationDeg: 30, scalePct: 10 };
    c.send({ type: 'augment-preview', requestId: 1, settings, data, count: 16 });
    const got = await c.next('augment-preview', (e) => e.requestId === 1);
    const split = splitTrainValidation(mnist.train.count, data.validationSize, settings.seed, data.trainLimit);
    const want = augmentPreview({ train: mnist.train, indices: split.train, batchSize: 64, seed: 1, augment: augmentOf(settings) });
    expect(got.images!.length).toBe(16 * 784);
    expect(Array.from(got.labels!)).toEqual(Array.from(want.labels));
    got.images!.forEach((v, k) => expect(Math.abs(v - want.images[k] * 255)).toBeLessThanOrEqual(0.5));
    c.send({ type: 'augment-preview', requestId: 2, settings: { ...settings, rotationDeg: 10 }, data, count: 16 });
    const other = await c.next('augment-preview', (e) => e.requestId === 2);
    expect(other.images).not.toEqual(got.images);
    expect(other.labels).toEqual(got.labels);
  });
});
