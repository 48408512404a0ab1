import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useCpuBackend } from '../test-support/tf.ts';
import { readMnist } from '../test-support/mnist.ts';
import { createTfjsStackedEngine } from '../engine/tfjs/create.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import { stepHyperOf } from '../shared/runSpec.ts';
import { DataLoadError } from '../data/load.ts';
import { PRESET } from '../shared/settings.ts';
import type { StepHyper } from '../engine/engine.ts';
import { scheduledHyper } from '../train/schedule.ts';
import type { WorkerEvent } from './protocol.ts';
import type { HostDeps } from './host.ts';
import { connectHost } from '../test-support/hostChannel.ts';

let tf: Awaited<ReturnType<typeof useCpuBackend>>;
beforeAll(async () => {
  tf = await useCpuBackend();
});

/** The page's end of a MessageChannel whose other end runs the host, on tfjs's cpu backend. */
function connect(deps: Partial<HostDeps> = {}) {
  return connectHost({
    loadData: async () => readMnist(),
    createEngine: createTfjsStackedEngine,
    selectBackend: async () => ({ backend: 'cpu' as const }),
    flushIntervalMs: 0,
    // Checked on its own in host.rotation.test.ts, on a smaller test set.
    rotationAfterRuns: false,
    ...deps,
  });
}

const data = { dataUrl: 'mem://mnist/', validationSize: 500, trainLimit: 640 };
let open: ReturnType<typeof connect> | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

describe('worker host over a MessageChannel', () => {
  it('start → data → loss points → epochs → done with a test evaluation, tensors flat across runs', async () => {
    const c = (open = connect());
    const base = tf.memory().numTensors;
    c.sendCmd({ type: 'start', runId: 1, settings: { ...PRESET, learningRate: 0.1, epochs: 2 }, data });
    const loaded = await c.next('data-loaded');
    expect(loaded).toMatchObject({ trainCount: 640, validationCount: 500, testCount: 10000 });
    const done = await c.next('done', (e) => e.runId === 1);
    expect(done.end).toEqual({ reason: 'completed', epochs: 2 });
    expect(done.test).toMatchObject({ set: 'test', count: 10000 });
    expect(done.test!.accuracy).toBeGreaterThan(0.25); // 20 batches: well above chance, far from done

    const epochs = c.events.filter((e) => e.type === 'epoch');
    expect(epochs.map((e) => e.type === 'epoch' && e.epoch)).toEqual([1, 2]);
    const [e1, e2] = epochs as Extract<WorkerEvent, { type: 'epoch' }>[];
    expect(e1.validation.count).toBe(500);
    expect(e2.validation.loss).toBeLessThan(e1.validation.loss);
    // The evaluation carries the confusion matrix and ten ROC curves.
    expect(e2.validation.confusion.reduce((a, b) => a + b, 0)).toBe(500);
    expect(e2.validation.auc.length).toBe(10);
    expect(Array.from(e2.validation.auc).every((a) => a > 0.5 && a <= 1)).toBe(true);
    expect(e2.validation.macroAuc).toBeGreaterThan(0.7);
    expect(e2.validation.rocOffsets.length).toBe(11);
    const o = e2.validation.rocOffsets;
    expect(e2.validation.rocFpr[o[3]]).toBe(0);
    expect(e2.validation.rocTpr[o[4] - 1]).toBe(1);
    expect(done.test!.confusion.reduce((a, b) => a + b, 0)).toBe(10000);

    // The gallery of one off-diagonal test cell: as many images as the cell counts.
    const cm = done.test!.confusion;
    let cell = 1;
    for (let i = 0; i < 100; i++) if (i % 11 !== 0 && cm[i] > cm[cell]) cell = i;
    const [t, p] = [Math.floor(cell / 10), cell % 10];
    expect(t).not.toBe(p);
    c.sendCmd({ type: 'examples', requestId: 11, set: 'test', trueDigit: t, predictedDigit: p, limit: 1000 });
    const ex = await c.next('examples', (e) => e.requestId === 11);
    expect(ex.total).toBe(cm[cell]);
    expect(ex.images.length).toBe(cm[cell] * 784);
    expect(ex.indices.every((i) => readMnist().test.labels[i] === t)).toBe(true);
    for (let r = 0; r < ex.total; r++) {
      const row = Array.from(ex.probs.subarray(r * 10, r * 10 + 10));
      expect(row.indexOf(Math.max(...row))).toBe(p);
    }
    // 640 / 64 = 10 batches an epoch; with no flush interval each batch is its own point.
    const points = c.events.flatMap((e) => (e.type === 'losses' ? e.points : []));
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(points.every((p) => Number.isFinite(p.loss) && p.loss > 0)).toBe(true);

    // A second run frees the first run's model: tensors return to the same level.
    const afterFirst = tf.memory().numTensors;
    c.sendCmd({ type: 'start', runId: 2, settings: { ...PRESET, epochs: 1 }, data });
    await c.next('done', (e) => e.runId === 2);
    expect(tf.memory().numTensors).toBe(afterFirst);
    c.sendCmd({ type: 'reset' });
    await new Promise((r) => setTimeout(r, 50));
    expect(tf.memory().numTensors).toBe(base);
  });

  it('pauses, resumes and stops within a batch, keeping the trained weights', async () => {
    const c = (open = connect());
    c.sendCmd({ type: 'start', runId: 7, settings: { ...PRESET, epochs: 50 }, data: { ...data, trainLimit: 6400 } });
    await c.next('losses');
    c.sendCmd({ type: 'pause', runId: 7 });
    await c.next('phase', (e) => e.phase === 'paused');
    await new Promise((r) => setTimeout(r, 100));
    const stepAtPause = lastStep(c.events);
    await new Promise((r) => setTimeout(r, 300));
    expect(lastStep(c.events)).toBe(stepAtPause); // nothing trains while paused
    c.sendCmd({ type: 'resume', runId: 7 });
    await c.next('losses', (e) => e.points[0].step > stepAtPause);
    // A learning-rate change mid-run applies from the next batch and leaves a marker there.
    c.sendCmd({ type: 'set-hyper', runId: 7, hyper: { ...stepHyperOf(PRESET), learningRate: 0.05, momentum: 0.9 } });
    const marker = await c.next('hyper-change');
    expect(marker).toMatchObject({ runId: 7, learningRate: 0.05, momentum: 0.9 });
    expect(marker.step).toBeGreaterThan(stepAtPause);
    expect(marker.epoch).toBeCloseTo(marker.step / 100, 9); // 6,400 images / 64 = 100 batches an epoch
    c.sendCmd({ type: 'stop', runId: 7 });
    const done = await c.next('done');
    expect(done.end.reason).toBe('stopped');
    expect(done.end.reason === 'stopped' && done.end.epoch).toBeGreaterThanOrEqual(1);
    expect(done.test!.accuracy).toBeGreaterThan(0.1);
  });

  it('stops a diverging run (learning rate 10), saying where and how with numbers', async () => {
    const c = (open = connect());
    c.sendCmd({ type: 'start', runId: 3, settings: { ...PRESET, learningRate: 10, epochs: 3 }, data });
    const done = await c.next('done');
    expect(done.end).toMatchObject({ reason: 'diverged', epoch: 1, learningRate: 10 });
    const end = done.end as Extract<typeof done.end, { reason: 'diverged' }>;
    expect(end.step).toBeGreaterThan(0);
    // A code or a finite number of nats: JSON keeps it as it is.
    expect(end.loss === 'nan' || end.loss === 'infinite' || (Number.isFinite(end.loss) && end.loss > 2 * Math.log(10))).toBe(true);
    expect(done.test).toBeUndefined();
    // It can train again straight away.
    c.sendCmd({ type: 'start', runId: 4, settings: { ...PRESET, epochs: 1 }, data });
    expect((await c.next('done', (e) => e.runId === 4)).end.reason).toBe('completed');
  });

  it('reports a missing data file at the run, and a later run can succeed', async () => {
    let calls = 0;
    const c = (open = connect({
      loadData: async () => {
        if (calls++ === 0) throw new DataLoadError({ kind: 'data-missing', file: 'train-images-idx3-ubyte', status: 404 });
        return readMnist();
      },
    }));
    c.sendCmd({ type: 'start', runId: 5, settings: { ...PRESET, epochs: 1 }, data });
    const err = await c.next('error');
    expect(err).toEqual({ type: 'error', runId: 5, problem: { kind: 'data-missing', file: 'train-images-idx3-ubyte', status: 404 } });
    c.sendCmd({ type: 'start', runId: 6, settings: { ...PRESET, epochs: 1 }, data });
    expect((await c.next('done', (e) => e.runId === 6)).end.reason).toBe('completed');
  });

  it('a lost WebGL context stops the run with a clear message and moves the next run to the next backend', async () => {
    const asked: string[][] = [];
    let failing = true;
    const c = (open = connect({
      selectBackend: async (_preferred, failed) => {
        asked.push([...(failed ?? [])]);
        return failed?.has('webgl')
          ? { backend: 'wasm', reason: { kind: 'fallback', skipped: [{ backend: 'webgl', why: 'failed-earlier' }] } }
          : { backend: 'webgl' };
      },
      createEngine: (arch, params, runs, optimizer) => {
        const e = createTfjsStackedEngine(arch, params, runs, optimizer);
        if (failing) {
          e.flushLosses = async () => {
            throw new Error('the WebGL context was lost');
          };
        }
        return e;
      },
    }));
    c.sendCmd({ type: 'init' });
    await c.next('backend', (e) => e.backend === 'webgl');
    c.sendCmd({ type: 'start', runId: 1, settings: { ...PRESET, epochs: 1 }, data });
    const err = await c.next('error', (e) => e.runId === 1);
    expect(err.problem).toEqual({ kind: 'backend-failed', backend: 'webgl', next: 'wasm', detail: 'the WebGL context was lost' });
    expect(await c.next('backend', (e) => e.backend === 'wasm')).toMatchObject({
      reason: { kind: 'fallback', skipped: [{ backend: 'webgl', why: 'failed-earlier' }] },
    });
    expect(asked.at(-1)).toEqual(['webgl']);
    failing = false;
    c.sendCmd({ type: 'start', runId: 2, settings: { ...PRESET, epochs: 1 }, data });
    expect((await c.next('done', (e) => e.runId === 2)).end.reason).toBe('completed');
  });

  it('refuses a second start while a run is going', async () => {
    const c = (open = connect());
    c.sendCmd({ type: 'start', runId: 8, settings: { ...PRESET, epochs: 20 }, data });
    c.sendCmd({ type: 'start', runId: 9, settings: PRESET, data });
    expect(await c.next('refused')).toMatchObject({ command: 'start', runId: 9, code: 'busy' });
    c.sendCmd({ type: 'stop', runId: 8 });
    await c.next('done', (e) => e.runId === 8);
  });
});

describe('learning-rate race', () => {
  it('races three runs on the same batches: equal rates give equal curves, a diverging one is frozen at once', async () => {
    const c = (open = connect());
    c.sendCmd({
      type: 'race',
      runId: 1,
      settings: { ...PRESET, epochs: 2 },
      runs: [0.05, 0.05, 10].map((learningRate) => ({ ...PRESET, epochs: 2, learningRate })),
      data,
    });
    const end = await c.next('race-run-end', (e) => e.run === 2);
    expect(end.end).toMatchObject({ reason: 'diverged', epoch: 1, learningRate: 10 });
    await c.next('race-done');
    const points = c.events.flatMap((e) => (e.type === 'race-losses' ? e.points : []));
    const curve = (run: number) => points.filter((p) => p.run === run).map((p) => p.loss);
    expect(curve(0).length).toBe(20); // 2 epochs × 10 batches, one point each (no flush interval)
    expect(curve(1)).toEqual(curve(0));
    expect(curve(2).length).toBeLessThan(10);
    const epochs = c.events.filter((e) => e.type === 'race-epoch');
    expect(epochs.length).toBe(2);
    const last = epochs[1] as Extract<WorkerEvent, { type: 'race-epoch' }>;
    expect(last.runs.map((r) => r.run)).toEqual([0, 1]);
    expect(last.runs[0].validation.accuracy).toBe(last.runs[1].validation.accuracy);
    expect(last.runs[0].validation.confusion.reduce((a, b) => a + b, 0)).toBe(500);
    expect(c.events.filter((e) => e.type === 'race-run-end').map((e) => e.type === 'race-run-end' && e.end.reason)).toEqual([
      'diverged',
      'completed',
      'completed',
    ]);
  });
  /** A host whose race engine records the hypers of every step it trains, run by run. */
  function recordingHypers() {
    const steps: StepHyper[][] = [];
    const c = connect({
      createEngine: (arch, params, runs, optimizer) => {
        const engine = createTfjsStackedEngine(arch, params, runs, optimizer);
        const trainBatch = engine.trainBatch.bind(engine);
        engine.trainBatch = (x, y, n, hypers) => {
          steps.push(hypers.map((h) => ({ ...h })));
          trainBatch(x, y, n, hypers);
        };
        return engine;
      },
    });
    return { c, steps };
  }

  it('gives each run its own momentum: the same learning rate with μ 0 and μ 0.9 trains two different curves, named by both', async () => {
    const { c, steps } = recordingHypers();
    open = c;
    const runs = [
      { ...PRESET, epochs: 1, learningRate: 0.05, momentum: 0 },
      { ...PRESET, epochs: 1, learningRate: 0.05, momentum: 0.9 },
    ];
    c.sendCmd({ type: 'race', runId: 1, settings: { ...PRESET, momentum: 0.5, epochs: 1 }, runs, data });
    const done = await c.next('race-done');
    expect(done.summary).toEqual({ kind: 'finished', runs: 2, completed: 2, earlyStopped: 0, diverged: 0, epochs: 1 });

    // Every step reached the engine with each run's own momentum, not Settings' 0.5.
    expect(steps.length).toBe(10);
    for (const hypers of steps) expect(hypers).toEqual(runs.map(stepHyperOf));

    const points = c.events.flatMap((e) => (e.type === 'race-losses' ? e.points : []));
    const curve = (run: number) => points.filter((p) => p.run === run).map((p) => p.loss);
    expect(curve(0).length).toBe(10);
    expect(curve(1).length).toBe(10);
    // The first batch sees the same weights and a zero velocity; from then on momentum tells them apart.
    expect(curve(1)[0]).toBe(curve(0)[0]);
    expect(curve(1).slice(1)).not.toEqual(curve(0).slice(1));
    const epoch = c.events.find((e) => e.type === 'race-epoch') as Extract<WorkerEvent, { type: 'race-epoch' }>;
    expect(epoch.runs[1].validation.loss).not.toBe(epoch.runs[0].validation.loss);

    const ends = c.events.filter((e) => e.type === 'race-run-end').map((e) => e.type === 'race-run-end' && [e.run, e.end]);
    expect(ends).toEqual([
      [0, { reason: 'completed', epochs: 1 }],
      [1, { reason: 'completed', epochs: 1 }],
    ]);
  });

  it('moves each run’s momentum from its own base under one-cycle', async () => {
    const { c, steps } = recordingHypers();
    open = c;
    // Each run's schedule is its own setting: both one-cycle here.
    const runs = [
      { ...PRESET, epochs: 1, schedule: 'one-cycle' as const, learningRate: 0.05, momentum: 0 },
      { ...PRESET, epochs: 1, schedule: 'one-cycle' as const, learningRate: 0.01, momentum: 0.95 },
    ];
    c.sendCmd({ type: 'race', runId: 1, settings: { ...PRESET, momentum: 0.5, epochs: 1, schedule: 'one-cycle' }, runs, data });
    await c.next('race-done');
    expect(steps.length).toBe(10);
    steps.forEach((hypers, step) => {
      const want = runs.map((r) =>
        scheduledHyper({ kind: 'one-cycle' }, { step, totalSteps: 10, stepsPerEpoch: 10, baseLr: r.learningRate, baseMomentum: r.momentum }),
      );
      hypers.forEach((h, r) => {
        expect(h.learningRate).toBeCloseTo(want[r].learningRate, 6);
        expect(h.momentum).toBeCloseTo(want[r].momentum, 6);
      });
    });
    // One-cycle swings momentum between each run's base and 0.85: near 0 for one run, never below 0.85 for the other.
    expect(Math.min(...steps.map((h) => h[0].momentum))).toBeLessThan(0.05);
    expect(Math.min(...steps.map((h) => h[1].momentum))).toBeGreaterThanOrEqual(0.85 - 1e-6);
    expect(Math.max(...steps.map((h) => h[1].momentum))).toBeCloseTo(0.95, 6);
  });
});

describe('learning-rate range test', () => {
  it('sweeps the learning rate upwards, stops after the blow-up, suggests a rate and leaves the model alone', async () => {
    const c = (open = connect());
    c.sendCmd({ type: 'start', runId: 1, settings: { ...PRESET, learningRate: 0.1, epochs: 1 }, data });
    await c.next('done');
    c.sendCmd({ type: 'get-params', requestId: 1 });
    const before = (await c.next('params', (e) => e.requestId === 1)).params!;
    const beforeW = Array.from(before[4].slice(0, 50));

    c.sendCmd({ type: 'range-test', runId: 2, settings: PRESET, data });
    const done = await c.next('range-done', (e) => e.runId === 2);
    const points = c.events.flatMap((e) => (e.type === 'range-points' && e.runId === 2 ? e.points : []));
    expect(points.length).toBeGreaterThan(100);
    expect(points.length).toBeLessThan(300); // stopped early once the loss exploded
    expect(points.every((p, i) => i === 0 || p.lr > points[i - 1].lr)).toBe(true);
    expect(points[0].lr).toBeCloseTo(1e-6, 12);
    expect(done.suggestion!.valley).toBeGreaterThan(1e-3);
    expect(done.suggestion!.valley).toBeLessThan(1);

    c.sendCmd({ type: 'get-params', requestId: 3 });
    const after = (await c.next('params', (e) => e.requestId === 3)).params!;
    expect(Array.from(after[4].slice(0, 50))).toEqual(beforeW);
    // Two trainings on the cpu backend (an epoch, then up to 300 range-test batches): a minute or more on a loaded machine.
  }, 180_000);
});

describe('prediction and saved weights', () => {
  it('predicts a test image exactly as the batch evaluation did; saved weights reload to the same prediction', async () => {
    const c = (open = connect());
    c.sendCmd({ type: 'predict', requestId: 1, pixels: new Float32Array(784) });
    expect((await c.next('prediction', (e) => e.requestId === 1)).probs).toBeNull(); // no model yet

    c.sendCmd({ type: 'start', runId: 1, settings: { ...PRESET, learningRate: 0.1, epochs: 1 }, data });
    const done = await c.next('done');
    // Any test image of digit 7 with the network's batch-evaluation probabilities.
    const cm = done.test!.confusion;
    const predicted = cm.slice(70, 80).indexOf(Math.max(...cm.slice(70, 80)));
    c.sendCmd({ type: 'examples', requestId: 2, set: 'test', trueDigit: 7, predictedDigit: predicted, limit: 1 });
    const ex = await c.next('examples', (e) => e.requestId === 2);
    const pixels = Float32Array.from(ex.images.subarray(0, 784), (v) => v / 255);
    c.sendCmd({ type: 'predict', requestId: 3, pixels });
    const single = (await c.next('prediction', (e) => e.requestId === 3)).probs!;
    expect(single.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    Array.from(single).forEach((p, k) => expect(p).toBeCloseTo(ex.probs[k], 6));

    c.sendCmd({ type: 'get-params', requestId: 4 });
    const saved = (await c.next('params', (e) => e.requestId === 4)).params!;
    expect(saved.map((a) => a.length)).toEqual([100352, 128, 8192, 64, 640, 10]);

    // A fresh worker, the saved weights, the same prediction.
    const d = connect();
    try {
      d.sendCmd({ type: 'load-params', requestId: 5, arch: ANN_MNIST, params: [saved[0]] });
      expect(await d.next('params-loaded', (e) => e.requestId === 5)).toMatchObject({
        ok: false,
        refusal: { code: 'invalid', problem: { code: 'weightArrays', path: 'params', count: 6 } },
      });
      d.sendCmd({ type: 'load-params', requestId: 6, arch: ANN_MNIST, params: saved });
      expect((await d.next('params-loaded', (e) => e.requestId === 6)).ok).toBe(true);
      d.sendCmd({ type: 'predict', requestId: 7, pixels });
      const again = (await d.next('prediction', (e) => e.requestId === 7)).probs!;
      Array.from(again).forEach((p, k) => expect(p).toBeCloseTo(single[k], 6));
    } finally {
      d.close();
    }
  });
});

function lastStep(events: WorkerEvent[]): number {
  const l = events.filter((e) => e.type === 'losses').pop();
  return l && l.type === 'losses' ? l.points[l.points.length - 1].step : 0;
}
