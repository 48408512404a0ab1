/**
 * The host on the SIMD engine, over a MessageChannel: chosen by the start-up
 * probe (against tfjs, here on its cpu backend) or by name, training runs,
 * comparisons and the range test, evaluating and predicting with it; a run
 * it cannot make falls back to tfjs and says so; an engine that breaks
 * mid-run is left out of the next choice.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTfjsStackedEngine } from '../engine/tfjs/create.ts';
import type { SimdEngines } from '../engine/wasm/create.ts';
import { TeamError } from '../engine/wasm/team.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import { PRESET } from '../shared/settings.ts';
import type { HostChannel } from '../test-support/hostChannel.ts';
import { connectHost } from '../test-support/hostChannel.ts';
import { readMnist } from '../test-support/mnist.ts';
import { simdEnginesOf } from '../test-support/simd.ts';
import { useCpuBackend } from '../test-support/tf.ts';
import type { HostDeps } from './host.ts';
import type { RemoteEngineMaker } from './pool/pool.ts';
import { attachEngineServer } from './pool/engineServer.ts';
import { RemoteRaceEngine } from './pool/remoteEngine.ts';

beforeAll(async () => {
  await useCpuBackend();
});

const data = { dataUrl: 'mem://mnist/', validationSize: 500, trainLimit: 640 };
const QUICK_PROBE = { warmSteps: 1, minSteps: 2, maxSteps: 4, budgetMs: 20 };

/** The SIMD engine's relaxed build, counting the engines it makes (by their number of runs); `broken` changes what it makes. */
function countedSimd(broken?: 'create' | 'flush') {
  const made: number[] = [];
  const real = simdEnginesOf('relaxed-simd');
  const simd: SimdEngines = {
    ...real,
    createRaceEngine: (arch, params, runs, optimizer) => {
      made.push(runs);
      if (broken === 'create') throw new RangeError('WebAssembly.Memory(): could not allocate memory');
      const engine = real.createRaceEngine(arch, params, runs, optimizer);
      if (broken === 'flush')
        engine.flushLosses = async () => {
          throw new Error('memory access out of bounds');
        };
      return engine;
    },
  };
  return { simd, made };
}

let open: HostChannel | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

/** A host whose tfjs says it runs `backend` (it runs on cpu here), with the SIMD engine `simd`; counts the tfjs engines it makes. */
function connect(simd: SimdEngines | null, backend: 'wasm' | 'cpu' = 'wasm', over: Partial<HostDeps> = {}) {
  const tfjsMade: number[] = [];
  const c = connectHost({
    loadData: async () => readMnist(),
    createEngine: (arch, params, runs, optimizer) => {
      tfjsMade.push(runs);
      return createTfjsStackedEngine(arch, params, runs, optimizer);
    },
    selectBackend: async () => ({ backend }),
    loadSimd: async () => simd,
    probeOptions: QUICK_PROBE,
    flushIntervalMs: 0,
    ...over,
  });
  open = c;
  return { c, tfjsMade };
}

describe('the worker on the SIMD engine', () => {
  it('is chosen by the start-up probe, and trains, evaluates, tests, predicts and hands back its weights', async () => {
    const { simd, made } = countedSimd();
    const { c, tfjsMade } = connect(simd);
    c.sendCmd({ type: 'init', prefetch: { dataUrl: data.dataUrl, batchSize: 64, arch: ANN_MNIST } });
    const { report } = await c.next('engine');
    expect(report).toMatchObject({ engine: 'simd', build: 'relaxed-simd', threads: 1, reason: 'measured', runnerUp: { engine: 'wasm' } });
    // tfjs here is its JavaScript backend: tens of times slower than the SIMD engine.
    expect(report.runnerUp!.ratio).toBeGreaterThan(5);
    expect(report.probe!.timings.map((t) => t.engine)).toEqual(['simd', 'wasm']);
    expect(report.probe!.ms).toBeGreaterThan(0);

    c.sendCmd({ type: 'start', runId: 1, settings: { ...PRESET, learningRate: 0.1, epochs: 2 }, data });
    const done = await c.next('done', (e) => e.runId === 1);
    expect(done.end.reason).toBe('completed');
    // 20 batches: well above chance (as on tfjs in host.test.ts), far from done.
    expect(done.test!.accuracy).toBeGreaterThan(0.25);
    const epochs = c.events.filter((e) => e.type === 'epoch');
    expect(epochs).toHaveLength(2);
    // The probe and the warm-up made one engine each, the run a third; tfjs made only its probe's.
    expect(made).toEqual([1, 1, 1]);
    expect(tfjsMade).toEqual([1]);
    expect(c.events.some((e) => e.type === 'engine-fallback')).toBe(false);

    c.sendCmd({
      type: 'predict',
      requestId: 2,
      pixels: readMnist()
        .test.images.subarray(0, 784)
        .map((v) => v / 255) as unknown as Float32Array,
    });
    const probs = (await c.next('prediction', (e) => e.requestId === 2)).probs!;
    expect(probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    c.sendCmd({ type: 'get-params', requestId: 3 });
    expect((await c.next('params', (e) => e.requestId === 3)).params!.map((p) => p.length)).toEqual([100352, 128, 8192, 64, 640, 10]);
  });

  it('trains a comparison stacked on it, and the range test', async () => {
    const { simd, made } = countedSimd();
    const { c, tfjsMade } = connect(simd);
    c.sendCmd({ type: 'init', preferredBackend: 'simd' });
    expect((await c.next('engine')).report).toMatchObject({ engine: 'simd', reason: 'forced' });
    const runs = [0.01, 0.1, 10].map((learningRate) => ({ ...PRESET, epochs: 1, learningRate }));
    c.sendCmd({ type: 'race', runId: 1, settings: PRESET, runs, data });
    await c.next('race-done', (e) => e.runId === 1);
    const ends = c.events.flatMap((e) => (e.type === 'race-run-end' ? [e.end.reason] : []));
    expect(ends).toEqual(['diverged', 'completed', 'completed']);
    c.sendCmd({ type: 'range-test', runId: 2, settings: PRESET, data: { ...data, trainLimit: 6400 } });
    const range = await c.next('range-done', (e) => e.runId === 2);
    expect(range.suggestion!.valley).toBeGreaterThan(1e-4);
    // Forced: no probe, no warm-up; one stacked engine of three runs, one of one for the range test.
    expect(made).toEqual([3, 1]);
    expect(tfjsMade).toEqual([]);
  });

  it('trains a run it cannot make on tfjs, and tells the page so, with the backend and a code', async () => {
    const { simd } = countedSimd('create');
    const { c, tfjsMade } = connect(simd, 'cpu');
    c.sendCmd({ type: 'init', preferredBackend: 'simd' });
    await c.next('engine');
    c.sendCmd({ type: 'start', runId: 1, settings: { ...PRESET, epochs: 1 }, data });
    expect(await c.next('engine-fallback', (e) => e.runId === 1)).toMatchObject({ backend: 'cpu', code: 'failed' });
    expect((await c.next('done', (e) => e.runId === 1)).end.reason).toBe('completed');
    expect(tfjsMade).toEqual([1]);
  });

  it('when it breaks mid-run: the run ends with an error, the next choice leaves it out, and the next run trains on tfjs', async () => {
    const { simd } = countedSimd('flush');
    const { c, tfjsMade } = connect(simd, 'cpu');
    c.sendCmd({ type: 'init', preferredBackend: 'simd' });
    await c.next('engine');
    c.sendCmd({ type: 'start', runId: 1, settings: { ...PRESET, epochs: 1 }, data });
    const err = await c.next('error', (e) => e.runId === 1);
    expect(err.problem).toEqual({ kind: 'backend-failed', backend: 'simd', next: 'cpu', detail: 'memory access out of bounds' });
    const again = await c.next('engine', (e) => e.report.engine === 'cpu');
    expect(again.report).toMatchObject({ reason: 'forced-unavailable', forced: 'simd' });
    expect(again.report.unavailable[0]).toEqual({ engine: 'simd', code: 'failed-earlier' });
    c.sendCmd({ type: 'start', runId: 2, settings: { ...PRESET, epochs: 1 }, data });
    expect((await c.next('done', (e) => e.runId === 2)).end.reason).toBe('completed');
    expect(tfjsMade).toEqual([1]);
  });

  it('on two threads: a helper that fails ends the run with an error, and the next run trains on one thread', async () => {
    const { simd } = countedSimd();
    const threadedMade: number[] = [];
    const threaded: SimdEngines = {
      ...simd,
      threads: 2,
      createRaceEngine: (arch, params, runs, optimizer) => {
        threadedMade.push(runs);
        const engine = simd.createRaceEngine(arch, params, runs, optimizer);
        engine.flushLosses = async () => {
          throw new TeamError('the helper thread did not answer in 10000 ms');
        };
        return engine;
      },
    };
    const { c, tfjsMade } = connect(simd, 'cpu', { loadThreadedSimd: async () => threaded });
    c.sendCmd({ type: 'init', preferredBackend: 'simd', threads: 2 });
    expect((await c.next('engine')).report).toMatchObject({ engine: 'simd', threads: 2, reason: 'forced' });
    c.sendCmd({ type: 'start', runId: 1, settings: { ...PRESET, epochs: 1 }, data });
    const err = await c.next('error', (e) => e.runId === 1);
    expect(err.problem).toEqual({ kind: 'backend-failed', backend: 'simd', next: 'simd', detail: 'the helper thread did not answer in 10000 ms' });
    // The SIMD engine stays; its two threads do not.
    expect((await c.next('engine', (e) => e.report.threads === 1)).report).toMatchObject({ engine: 'simd', reason: 'forced' });
    c.sendCmd({ type: 'start', runId: 2, settings: { ...PRESET, epochs: 1 }, data });
    expect((await c.next('done', (e) => e.runId === 2)).end.reason).toBe('completed');
    expect(threadedMade).toEqual([1]);
    expect(tfjsMade).toEqual([]);
  });

  it('with a helper worker, a comparison trains part of its runs there, to the very curves it trains alone', async () => {
    const there: number[] = [];
    const ports: MessagePort[] = [];
    const remoteEngine: RemoteEngineMaker = (spec) => {
      there.push(spec.runs);
      const { port1, port2 } = new MessageChannel();
      ports.push(port1, port2);
      attachEngineServer(port2, async () => simdEnginesOf(spec.build));
      return new RemoteRaceEngine(port1, spec);
    };
    const race = async (helper: RemoteEngineMaker | null) => {
      const { c } = connect(countedSimd().simd, 'wasm', { remoteEngine: helper });
      c.sendCmd({ type: 'init', preferredBackend: 'simd', threads: 2 });
      const { report } = await c.next('engine');
      // Three runs stacked (lr 10 diverges and is frozen), and Adam beside them: a group of its own.
      const runs = [
        ...[0.01, 0.1, 10].map((learningRate) => ({ ...PRESET, epochs: 1, learningRate })),
        { ...PRESET, epochs: 1, optimizer: 'adam' as const, learningRate: 1e-3 },
      ];
      c.sendCmd({ type: 'race', runId: 1, settings: PRESET, runs, data });
      await c.next('race-done', (e) => e.runId === 1);
      const points = c.events.flatMap((e) => (e.type === 'race-losses' ? e.points : []));
      const accuracy = c.events.flatMap((e) => (e.type === 'race-epoch' ? e.runs.map((r) => r.validation.accuracy) : []));
      const ends = c.events.flatMap((e) => (e.type === 'race-run-end' ? [e.end.reason] : []));
      c.close();
      open = null;
      return { report, points, accuracy, ends };
    };
    const alone = await race(null);
    // Offered but not allowed (init without threads: 2): one thread.
    const { c } = connect(countedSimd().simd, 'wasm', { remoteEngine });
    c.sendCmd({ type: 'init', preferredBackend: 'simd' });
    expect((await c.next('engine')).report.comparisonThreads).toBeUndefined();
    c.sendCmd({ type: 'race', runId: 1, settings: PRESET, runs: [0.01, 0.1].map((learningRate) => ({ ...PRESET, epochs: 1, learningRate })), data });
    await c.next('race-done', (e) => e.runId === 1);
    expect(there).toEqual([]);
    c.close();
    open = null;
    const split = await race(remoteEngine);
    expect(alone.report.comparisonThreads).toBeUndefined();
    expect(split.report.comparisonThreads).toBe(2);
    // Two of the three stacked runs here and one there; Adam's run, the second group, there.
    expect(there).toEqual([1, 1]);
    expect(split.ends).toEqual(['diverged', 'completed', 'completed', 'completed']);
    expect(split.points).toEqual(alone.points);
    expect(split.accuracy).toEqual(alone.accuracy);
    for (const p of ports) p.close();
  });
});
