/**
 * The training worker's host: owns the data, the engine and the current run,
 * and speaks the protocol over any Endpoint (the worker scope in the browser,
 * a MessagePort in tests). Backend choice and data fetching are injected, so
 * the whole host runs in Node.
 */
import type { Mnist } from '../data/load.ts';
import { DataLoadError } from '../data/load.ts';
import { IMAGE_SIZE, splitTrainValidation } from '../data/dataset.ts';
import { suggestLearningRate } from '../train/rangeTest.ts';
import { rangeTestLoop } from '../train/rangeTestLoop.ts';
import type { Engine } from '../engine/engine.ts';
import type { RaceEngine } from '../engine/race.ts';
import type { Architecture } from '../model/architecture.ts';
import { ANN_MNIST, paramShapes } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import { EVAL_CHUNK } from '../train/evaluate.ts';
import { now } from '../train/loop.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type { BackendChoice, Command, DoneReason, Endpoint, EvalSet, Evaluation, RaceStart, RangeTestStart, StartRun, WorkerEvent } from './protocol.ts';
import { assertNever, evaluationBuffers, send } from './protocol.ts';
import { runRace } from './race.ts';
import { runSingle } from './run.ts';
import type { KeptEvaluation } from './examples.ts';
import { cellExamples } from './examples.ts';

export interface HostDeps {
  loadData(dataUrl: string): Promise<Mnist>;
  createEngine(arch: Architecture, params: Float32Array[]): Engine;
  /** R runs stacked in one engine, all starting from `params`. */
  createRaceEngine(arch: Architecture, params: Float32Array[], runs: number): RaceEngine;
  /**
   * Activates a backend: `preferred` first if given, never one in `failed`.
   * Called on 'init', and again when the backend breaks during a run (a lost
   * WebGL context, say) so the next run uses the next backend.
   */
  selectBackend(preferred?: BackendName, failed?: ReadonlySet<BackendName>): Promise<BackendChoice>;
  /** Minimum ms between loss readbacks/messages (default 100: ≤ 10 points a second). */
  flushIntervalMs?: number;
}

interface ActiveRun {
  runId: number;
  stop: boolean;
  paused: boolean;
  resume: (() => void) | null;
  /** The base values the student set; a schedule scales them per batch. */
  hyper: { learningRate: number; momentum: number };
  /** Bumped by each set-hyper; the loop posts a marker when it first trains with a new version. */
  hyperVersion: number;
}

export function attachHost(port: Endpoint, deps: HostDeps): { dispose(): void } {
  /** The loaded data set, and how long fetching and parsing it took (ms), whether for a run or the prefetch. */
  let data: { url: string; mnist: Promise<Mnist>; loadMs: number } | null = null;
  let engine: Engine | null = null;
  let run: ActiveRun | null = null;
  /** The latest evaluation of each set, kept for the confusion-matrix gallery. */
  const latest = new Map<EvalSet, KeptEvaluation>();
  let backend: Promise<BackendChoice> | null = null;
  /** Data prefetch and shader warm-up started by 'init'; a run waits for it. */
  let warming: Promise<void> = Promise.resolve();
  const failedBackends = new Set<BackendName>();

  const useBackend = (preferred?: BackendName): Promise<BackendChoice> => {
    const choice = deps.selectBackend(preferred, failedBackends);
    backend = choice;
    choice.then(
      (c) => post({ type: 'backend', backend: c.backend, reason: c.reason }),
      (e: Error) => post({ type: 'error', kind: 'backend', message: e.message }),
    );
    return choice;
  };

  const post = (e: WorkerEvent, transfer: ArrayBufferView[] = []) => send(port, e, transfer);

  const getData = (url: string): Promise<Mnist> => {
    if (!data || data.url !== url) {
      const t0 = now();
      const mnist = deps.loadData(url);
      const entry: { url: string; mnist: Promise<Mnist>; loadMs: number } = { url, mnist, loadMs: NaN };
      data = entry;
      mnist.then(() => (entry.loadMs = now() - t0), () => {});
      // A failed load is not cached: the next Train tries again.
      mnist.catch(() => {
        if (data?.mnist === mnist) data = null;
      });
    }
    return data.mnist;
  };


  const dropEngine = () => {
    engine?.dispose();
    engine = null;
  };

  /** Makes `cmd` the worker's one active job (a run, a race or a range test). */
  function claim(cmd: StartRun | RaceStart | RangeTestStart): ActiveRun {
    const { learningRate, momentum } = cmd.settings;
    run = { runId: cmd.runId, stop: false, paused: false, resume: null, hyper: { learningRate, momentum }, hyperVersion: 0 };
    return run;
  }

  /** What every job waits for before training: a backend, the warm-up, the data and its split. */
  async function prepare(cmd: StartRun | RaceStart | RangeTestStart) {
    await (backend ?? useBackend());
    await warming;
    post({ type: 'phase', runId: cmd.runId, phase: 'loading-data' });
    const mnist = await getData(cmd.data.dataUrl);
    const split = splitTrainValidation(mnist.train.count, cmd.data.validationSize, cmd.settings.seed, cmd.data.trainLimit);
    return { mnist, split };
  }

  const pausable = (active: ActiveRun) => () => (active.paused ? new Promise<void>((r) => (active.resume = r)) : Promise.resolve());

  async function start(cmd: StartRun): Promise<void> {
    const { runId, settings } = cmd;
    const active = claim(cmd);
    try {
      const { mnist, split } = await prepare(cmd);
      post({ type: 'data-loaded', trainCount: split.train.length, validationCount: split.validation.length, testCount: mnist.test.count, ms: data?.loadMs ?? NaN });
      if (active.stop) return finish(active, 'stopped', 'Stopped before training began.');

      dropEngine();
      const e = deps.createEngine(ANN_MNIST, initParams(ANN_MNIST, settings.init, settings.seed));
      engine = e;
      post({ type: 'phase', runId, phase: 'training' });
      const end = await runSingle(cmd, {
        post, engine: e, mnist, split,
        hyper: () => ({ ...active.hyper, version: active.hyperVersion }),
        stopRequested: () => active.stop,
        paused: () => active.paused,
        whilePaused: pausable(active),
        keep: (set, kept) => latest.set(set, kept),
        flushIntervalMs: deps.flushIntervalMs,
      });
      if (end.reason === 'diverged') {
        // Nothing to predict with or save.
        dropEngineSafely();
        latest.clear();
      }
      finish(active, end.reason, end.message, end.test);
    } catch (err) {
      await fail(active, err);
    }
  }

  /**
   * A race trains its own stacked engine; the single run's model (if any)
   * stays as it was, for drawing and saving.
   */
  async function race(cmd: RaceStart): Promise<void> {
    const { runId, settings } = cmd;
    const active = claim(cmd);
    let stacked: RaceEngine | null = null;
    try {
      const { mnist, split } = await prepare(cmd);
      stacked = deps.createRaceEngine(ANN_MNIST, initParams(ANN_MNIST, settings.init, settings.seed), cmd.runs.length);
      post({ type: 'phase', runId, phase: 'training' });
      await runRace(cmd, {
        post, engine: stacked, train: mnist.train, trainIndices: split.train, validationIndices: split.validation,
        stopRequested: () => active.stop,
        whilePaused: pausable(active),
        flushIntervalMs: deps.flushIntervalMs,
      });
      if (run === active) run = null;
    } catch (err) {
      await fail(active, err);
    } finally {
      disposeQuietly(stacked);
    }
  }

  /**
   * The range test trains a separate, temporary engine from the run's initial
   * weights, so whatever model the worker holds is untouched ("restored")
   * afterwards, and the test costs one engine's memory while it runs.
   */
  async function rangeTest(cmd: RangeTestStart): Promise<void> {
    const { runId, settings } = cmd;
    const active = claim(cmd);
    let temp: Engine | null = null;
    try {
      const { mnist, split } = await prepare(cmd);
      temp = deps.createEngine(ANN_MNIST, initParams(ANN_MNIST, settings.init, settings.seed));
      const r = await rangeTestLoop(
        temp,
        { train: mnist.train, trainIndices: split.train },
        { batchSize: settings.batchSize, momentum: settings.momentum, seed: settings.seed, flushIntervalMs: deps.flushIntervalMs },
        { stopRequested: () => active.stop, whilePaused: pausable(active) },
        (lrs, losses) => post({ type: 'range-points', runId, points: lrs.map((lr, i) => ({ lr, loss: losses[i] })) }),
      );
      const s = r.stopped ? null : suggestLearningRate(r.lrs, r.losses);
      const last = r.lrs[r.lrs.length - 1];
      const message = r.stopped
        ? 'Range test stopped.'
        : s
          ? `Swept ${r.losses.length} batches from ${r.lrs[0].toExponential(0)} to ${last.toPrecision(2)}${r.stoppedEarly ? ', stopping once the loss passed 4× its best' : ''}.`
          : 'The loss blew up almost at once: no learning rate to suggest. Check momentum and batch size.';
      if (run === active) run = null;
      post({ type: 'range-done', runId, suggestion: s ? { valley: s.valley, steepest: s.steepest } : null, message });
    } catch (err) {
      await fail(active, err);
    } finally {
      disposeQuietly(temp);
    }
  }

  /**
   * Loads the data and runs one throwaway step and one evaluation chunk, so
   * the backend compiles its programs (1-3 s on WebGL) before the student
   * presses Train. Failures are silent here: the run reports them properly.
   */
  async function warmUp(dataUrl: string, batchSize: number): Promise<void> {
    try {
      await backend;
      await getData(dataUrl);
      const e = deps.createEngine(ANN_MNIST, initParams(ANN_MNIST, 'pytorch', 0));
      try {
        const inputs = ANN_MNIST.sizes[0];
        e.trainBatch(new Float32Array(batchSize * inputs), new Int32Array(batchSize), batchSize, { learningRate: 0, momentum: 0 });
        await e.flushLosses();
        await e.predictLogProbs(new Float32Array(EVAL_CHUNK * inputs), EVAL_CHUNK);
      } finally {
        e.dispose();
      }
    } catch {
      // The run that follows loads and compiles again, and reports any error.
    }
  }

  function finish(active: ActiveRun, reason: DoneReason, message: string, test?: Evaluation): void {
    if (run === active) run = null;
    post({ type: 'done', runId: active.runId, reason, message, test }, test ? evaluationBuffers(test) : []);
  }

  /** One image through the current weights, between two training batches if a run is going. */
  async function predict(requestId: number, pixels: Float32Array): Promise<void> {
    if (!engine || pixels.length !== IMAGE_SIZE) {
      post({ type: 'prediction', requestId, probs: null });
      return;
    }
    try {
      const logProbs = await engine.predictLogProbs(pixels, 1);
      post({ type: 'prediction', requestId, probs: logProbs.map(Math.exp) });
    } catch {
      post({ type: 'prediction', requestId, probs: null });
    }
  }

  function loadParams(requestId: number, params: Float32Array[]): void {
    if (run) {
      post({ type: 'params-loaded', requestId, ok: false, message: 'Stop the current run before loading a model.' });
      return;
    }
    const problem = checkParams(params);
    if (problem) {
      post({ type: 'params-loaded', requestId, ok: false, message: problem });
      return;
    }
    dropEngineSafely();
    latest.clear();
    engine = deps.createEngine(ANN_MNIST, params);
    post({ type: 'params-loaded', requestId, ok: true });
  }

  function examples(cmd: Extract<Command, { type: 'examples' }>): void {
    const found = cellExamples(latest.get(cmd.set), cmd.trueDigit, cmd.predictedDigit, cmd.limit);
    const { type: _t, limit: _l, ...rest } = cmd;
    post({ type: 'examples', ...rest, ...found }, [found.images, found.probs, found.indices]);
  }

  async function fail(active: ActiveRun, err: unknown): Promise<void> {
    if (run === active) run = null;
    if (err instanceof DataLoadError) {
      post({ type: 'error', runId: active.runId, kind: 'data', message: err.message });
      return;
    }
    const detail = err instanceof Error ? err.message : String(err);
    dropEngineSafely();
    // Whatever broke mid-run, the next run should not meet the same backend again
    // (a lost WebGL context does not come back); the cpu backend is the last resort.
    const broken = backend ? await backend.then((c) => c.backend, () => null) : null;
    if (broken && broken !== 'cpu') {
      failedBackends.add(broken);
      const next = await useBackend().then((c) => c.backend, () => null);
      post({
        type: 'error', runId: active.runId, kind: 'backend',
        message: `The ${broken} backend failed during training (${detail}). The run stopped; ${next ? `the next run uses ${next}` : 'no other backend works'}. Your settings are kept: press Train to start again.`,
      });
      return;
    }
    post({ type: 'error', runId: active.runId, kind: 'internal', message: `Training failed: ${detail}. Your settings are kept; press Train to try again.` });
  }

  function dropEngineSafely(): void {
    disposeQuietly(engine);
    engine = null;
  }

  function handle(cmd: Command): void {
    switch (cmd.type) {
      case 'init':
        if (run) return;
        void useBackend(cmd.preferredBackend);
        if (cmd.prefetch) warming = warmUp(cmd.prefetch.dataUrl, cmd.prefetch.batchSize);
        return;
      case 'race':
      case 'range-test':
      case 'start':
        // One thing trains at a time: a run, a race or a range test.
        if (run) {
          post({ type: 'error', runId: cmd.runId, kind: 'busy', message: 'A run is already in progress: stop it first.' });
          return;
        }
        void (cmd.type === 'race' ? race(cmd) : cmd.type === 'range-test' ? rangeTest(cmd) : start(cmd));
        return;
      case 'pause':
        if (run && !run.paused) {
          run.paused = true;
          post({ type: 'phase', runId: run.runId, phase: 'paused' });
        }
        return;
      case 'resume':
        if (run?.paused) {
          run.paused = false;
          run.resume?.();
          run.resume = null;
          post({ type: 'phase', runId: run.runId, phase: 'training' });
        }
        return;
      case 'stop':
      case 'reset':
        if (run) {
          run.stop = true;
          run.paused = false;
          run.resume?.();
          run.resume = null;
        }
        if (cmd.type === 'reset') {
          latest.clear();
          // The loop notices `stop` before its next batch; drop the engine once it has.
          const r = run;
          if (!r) dropEngineSafely();
          else queueMicrotask(function waitThenDrop() {
            if (run === r) setTimeout(waitThenDrop, 10);
            else dropEngineSafely();
          });
        }
        return;
      case 'examples':
        examples(cmd);
        return;
      case 'predict':
        void predict(cmd.requestId, cmd.pixels);
        return;
      case 'get-params':
        void (engine ? engine.getParams() : Promise.resolve(null)).then(
          (params) => post({ type: 'params', requestId: cmd.requestId, params }, params ?? []),
          () => post({ type: 'params', requestId: cmd.requestId, params: null }),
        );
        return;
      case 'load-params':
        loadParams(cmd.requestId, cmd.params);
        return;
      case 'set-hyper':
        if (run) {
          run.hyper = { learningRate: cmd.learningRate, momentum: cmd.momentum };
          run.hyperVersion++;
        }
        return;
      default:
        assertNever(cmd);
    }
  }

  const listener = (ev: MessageEvent) => handle(ev.data as Command);
  port.addEventListener('message', listener);
  port.start?.();
  return {
    dispose() {
      if (run) run.stop = true;
      dropEngineSafely();
    },
  };
}

/** Frees an engine; a lost WebGL context can make dispose throw, and the memory is gone with it anyway. */
function disposeQuietly(e: { dispose(): void } | null): void {
  try {
    e?.dispose();
  } catch {
    // nothing left to free
  }
}

/** Why these arrays are not ANN_MNIST weights, or null if they are. */
function checkParams(params: Float32Array[]): string | null {
  const shapes = paramShapes(ANN_MNIST);
  if (!Array.isArray(params) || params.length !== shapes.length) return `expected ${shapes.length} weight arrays, got ${Array.isArray(params) ? params.length : 'none'}`;
  for (let i = 0; i < shapes.length; i++) {
    const n = shapes[i].reduce((a, b) => a * b, 1);
    if (!(params[i] instanceof Float32Array) || params[i].length !== n) return `weight array ${i} should hold ${n} numbers (${shapes[i].join('×')})`;
    if (!params[i].every(Number.isFinite)) return `weight array ${i} holds NaN or infinite values`;
  }
  return null;
}
