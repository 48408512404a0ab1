/**
 * The training worker's host: owns the data, the engine and the current run,
 * and speaks the protocol over any Endpoint (the worker scope in the browser,
 * a MessagePort in tests). Backend choice, the SIMD engine and data fetching
 * are injected, so the whole host runs in Node. Which engine trains is
 * engines.ts's decision; the host makes every job's engines with it.
 */
import type { StoreOutcome } from '../data/dataStore.ts';
import type { Mnist } from '../data/load.ts';
import { IMAGE_SIZE } from '../data/dataset.ts';
import type { RaceEngine } from '../engine/race.ts';
import type { ProbeOptions } from '../engine/probe.ts';
import type { SimdEngines } from '../engine/wasm/create.ts';
import type { Architecture } from '../model/architecture.ts';
import { ANN_MNIST, architectureOf } from '../model/architecture.ts';
import { initParams } from '../model/init.ts';
import type { OptimizerSpec } from '../shared/optimizer.ts';
import { SGD, stateSlots } from '../shared/optimizer.ts';
import type { EngineId, FallbackCode, RendererKind } from '../shared/engineIds.ts';
import { EVAL_CHUNK } from '../train/evaluate.ts';
import { optimizerOf } from '../shared/runSpec.ts';
import { now } from '../train/types.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type {
  BackendChoice,
  Command,
  Endpoint,
  EvalSet,
  Evaluation,
  Fault,
  LoadedSets,
  Prefetch,
  RaceStart,
  RangeTestStart,
  RefusalCode,
  RunEnd,
  StartRun,
  WorkerEvent,
} from './protocol.ts';
import { assertNever, evaluationBuffers, send } from './protocol.ts';
import type { Job } from './job.ts';
import { createJob, pauseJob, stopJob, whilePaused } from './job.ts';
import { checkParams, warmEngine } from './params.ts';
import { detailOf, knownProblem } from './problems.ts';
import { TeamError } from '../engine/wasm/team.ts';
import { countingEngine } from './progress.ts';
import { runRangeTest } from './rangeTest.ts';
import { runRace } from './race.ts';
import { runSingle } from './run.ts';
import { answerPreview, runSplit } from './preview.ts';
import { rotationJobs } from './rotationJobs.ts';
import type { KeptEvaluation } from './examples.ts';
import { cellExamples } from './examples.ts';
import { createInside } from './inside.ts';
import { nthImageOf } from './samples.ts';
import type { EngineSelection } from './engines.ts';
import { selectEngine, simdUnsupported } from './engines.ts';
import { SplitRaceEngine } from '../engine/split.ts';
import type { RemoteEngineMaker } from './pool/pool.ts';

export interface HostDeps {
  /** The data set; `keep` keeps it in the browser and says whether it is (reported to the page as 'data-offline'). */
  loadData(dataUrl: string): Promise<Mnist & { keep?: () => StoreOutcome | PromiseLike<StoreOutcome> }>;
  /** `keep` for a data set the page's data worker loaded: `sent`, the files as sent (null: read from the store). */
  keeper?(dataUrl: string, sent: ArrayBuffer[] | null): () => StoreOutcome | PromiseLike<StoreOutcome>;
  /** R runs stacked in one tfjs engine (1 for a single run) on the active backend, all starting from `params`. */
  createEngine(arch: Architecture, params: Float32Array[], runs: number, optimizer: OptimizerSpec): RaceEngine;
  /** The SIMD engine (its best build for this runtime, compiled once); null without SIMD. Absent: tfjs only. */
  loadSimd?(): Promise<SimdEngines | null>;
  /** The SIMD engine on two threads (worker/pool/teams.ts), where this worker can have them; offered only if the page allows two threads. */
  loadThreadedSimd?(): Promise<SimdEngines | null>;
  /** What WebGL draws with, once WebGL has been tried (WEBGL_debug_renderer_info). */
  webglRenderer?(): RendererKind;
  /** What WebGL would draw with, from a context of its own, without starting tfjs's WebGL backend. */
  peekRenderer?(): RendererKind;
  /** Threads a tfjs backend computes with. */
  tfjsThreads?(backend: BackendName): number;
  /** The start-up probe's step counts and budget (engine/probe.ts; tests shorten it). */
  probeOptions?: ProbeOptions;
  /** A stacked SIMD engine in a helper worker (pool/pool.ts), where the page may use threads: a comparison trains half its runs there. */
  remoteEngine?: RemoteEngineMaker | null;
  /**
   * Activates a backend: `preferred` first if given, never one in `failed`.
   * Called on 'init', and again when the backend breaks during a run (a lost
   * WebGL context, say) so the next run uses the next backend.
   */
  selectBackend(preferred?: BackendName, failed?: ReadonlySet<BackendName>): Promise<BackendChoice>;
  /** Minimum ms between loss readbacks/messages (default 100: ≤ 10 points a second). */
  flushIntervalMs?: number;
  /** Calls `onLost` when the active backend's device goes away (a lost WebGL context). */
  watchBackend?(onLost: (backend: BackendName) => void): void;
  /** The worker's live tfjs tensors, reported with each run's end (the bench's leak check). */
  liveTensors?(): number;
  /** Causes a test fault; false when it cannot be caused here. Only called once init asked for faults. */
  fault?(fault: Fault): boolean;
  /** ms between heartbeats while a job holds the worker (default 1000). */
  heartbeatMs?: number;
  /** Least ms between live snapshots of the first-layer weights while a run trains (default 1000). */
  liveWeightsMs?: number;
  /**
   * Measure accuracy by rotation after each run and comparison (default
   * true). Node tests of other features turn it off: on the cpu backend the
   * 60,000 forward passes take tens of seconds.
   */
  rotationAfterRuns?: boolean;
}

/** Most images one predict takes: a drawing turned by each of the 7 angles fits, with room. */
export const MAX_PREDICT = 16;

export function attachHost(port: Endpoint, deps: HostDeps): { dispose(): void } {
  /** The loaded data set, how long fetching and parsing it took (ms), whether for a run or the prefetch, and the set itself once there. */
  let data: { url: string; mnist: Promise<Mnist>; loadMs: number; ready?: Mnist } | null = null;
  /** The latest load failed (a sample request then says so rather than "loading"). */
  let dataFailed = false;
  /** The model for drawing and saving: the last single run's, or a loaded one (an engine of one run). */
  let engine: RaceEngine | null = null;
  let run: Job | null = null;
  /** The latest evaluation of each set, kept for the confusion-matrix gallery. */
  const latest = new Map<EvalSet, KeptEvaluation>();
  /** The engine chosen by the last init (or after a failure), and tfjs's backend beside it. */
  let selection: Promise<EngineSelection> | null = null;
  /** `?backend=`, kept for a choice made again after an engine failed. */
  let preferred: EngineId | undefined;
  /** Threads a comparison may train on, as init said: 2 uses the helper worker (deps.remoteEngine). */
  let threads = 1;
  /** The two-thread SIMD engine's helper failed or stopped answering: one thread from then on (the SIMD engine itself still works). */
  let threadsFailed = false;
  /** The network and batch size the probe times: the page's, as init said. */
  let probeTarget: { arch: Architecture; batchSize: number } = { arch: ANN_MNIST, batchSize: 64 };
  /** Data prefetch and engine warm-up started by 'init'; a run waits for it. */
  let warming: Promise<void> = Promise.resolve();
  /** Engines that failed in this page: a lost WebGL context, a run that broke. */
  const failedEngines = new Set<EngineId>();
  /** Backends whose device went away; each is reported once. */
  const lostBackends = new Set<BackendName>();
  /** Resets waiting for the job to end; each is answered with reset-done then. */
  let resetsWaiting = 0;
  let faultsEnabled = false;
  /** Engine operations finished since the worker started: the heartbeat's progress figure. */
  let work = 0;
  const heartbeatMs = deps.heartbeatMs ?? 1000;
  const measuresRotation = deps.rotationAfterRuns !== false;

  const post = (e: WorkerEvent, transfer: ArrayBufferView[] = []) => send(port, e, transfer);
  /** The model's weights as tiles, kept per epoch for the replay, and the drawing's look inside. */
  const inside = createInside({ post, liveWeightsMs: deps.liveWeightsMs });
  /** Accuracy by rotation between jobs: anything that replaces the model it reads waits for it to give way. */
  const rotation = rotationJobs({
    post,
    heldEngine: () => engine,
    jobRunning: () => run !== null,
    getData: (url) => getData(url),
    dispose: (e) => disposeQuietly(e),
  });

  const announce = (choice: Promise<EngineSelection>): void => {
    choice.then(
      ({ tfjs, report }) => {
        post({ type: 'backend', backend: tfjs.backend, reason: tfjs.reason });
        post({ type: 'engine', report });
      },
      (e: unknown) => post({ type: 'error', problem: knownProblem(e) ?? { kind: 'no-backend', skipped: [] } }),
    );
  };

  /** Chooses the engine (again), leaving out those that failed, and says which. */
  const chooseEngine = (): Promise<EngineSelection> => {
    const choice = selectEngine(
      {
        selectBackend: deps.selectBackend,
        createTfjsEngine: deps.createEngine,
        loadSimd: deps.loadSimd,
        loadThreadedSimd: threads >= 2 && !threadsFailed ? deps.loadThreadedSimd : undefined,
        webglRenderer: deps.webglRenderer,
        peekRenderer: deps.peekRenderer,
        tfjsThreads: deps.tfjsThreads,
        comparisonThreads: helper() ? 2 : 1,
        probeOptions: deps.probeOptions,
      },
      { preferred, failed: failedEngines, ...probeTarget },
    );
    selection = choice;
    announce(choice);
    return choice;
  };

  /** The helper worker's engine maker, where there is one and the page allows a comparison two threads. */
  const helper = (): RemoteEngineMaker | null => (threads >= 2 ? (deps.remoteEngine ?? null) : null);

  /** tfjs's active backend, or null when none has been chosen (or none works). */
  const activeBackend = async (): Promise<BackendName | null> => (selection ? selection.then((s) => s.tfjs.backend).catch(() => null) : null);

  const counted = () => {
    work++;
  };

  /**
   * How a job makes its engines: on the chosen engine, or on tfjs when that
   * is the SIMD engine and it cannot train this network (the job hears of it
   * once, as an `engine-fallback`). `batch`: the largest batch the engine
   * will see. Every engine counts its operations for the heartbeat.
   */
  function engineMaker(sel: EngineSelection, batch: number, job: Job | null): HostDeps['createEngine'] {
    let told = false;
    /** The job's engines so far: a comparison's single-run groups take turns between this worker and the helper. */
    let made = 0;
    return (arch, params, runs, optimizer) => {
      if (sel.simd) {
        let code: FallbackCode | null = simdUnsupported(arch, runs, stateSlots(optimizer), Math.max(batch, EVAL_CHUNK));
        if (!code) {
          try {
            if (job) job.engine = 'simd';
            const parallel = job?.kind === 'race' ? helper() : null;
            return countingEngine(simdEngine(sel.simd, arch, params, runs, optimizer, parallel, made++), counted);
          } catch {
            code = 'failed';
          }
        }
        if (job && !told) job.post({ type: 'engine-fallback', runId: job.runId, backend: sel.tfjs.backend, code });
        told = true;
      }
      if (job) job.engine = sel.tfjs.backend;
      return countingEngine(deps.createEngine(arch, params, runs, optimizer), counted);
    };
  }

  deps.watchBackend?.((lost) => {
    if (lostBackends.has(lost)) return;
    lostBackends.add(lost);
    failedEngines.add(lost);
    post({ type: 'backend-lost', backend: lost });
  });

  /** Keeping the loaded data for offline use, waiting for a moment when it would not hold up a first loss. */
  let keepPending: (() => void) | null = null;
  /**
   * Starts the pending keep after the warm-up, unless a job is on its way to
   * its first loss (`lossPosted`: the job has just posted one). Pressing
   * Train as the page opens, the write came between the data and the first
   * step, 0.3-0.4 s of the worker's thread.
   */
  const keepIfQuiet = (lossPosted = false): void => {
    if (!keepPending || (run && !lossPosted)) return;
    const keep = keepPending;
    keepPending = null;
    keep();
  };

  /**
   * The data set the page's data worker is loading (init's `dataComing`), until its `data` command
   * arrives. The data worker starts with the page, while this worker's own start (its scripts, the
   * engine probe) takes the thread: the download and its decoding run on the other core meanwhile.
   */
  let coming: { url: string; taken: boolean; sets: Promise<LoadedSets | null>; arrive(sets: LoadedSets | null): void } | null = null;
  const expectData = (url: string) => {
    let arrive: (sets: LoadedSets | null) => void = () => {};
    const sets = new Promise<LoadedSets | null>((resolve) => (arrive = resolve));
    coming = { url, taken: false, sets, arrive };
  };
  /** The data set of `url`: the data worker's, where it is bringing that one; else (or if it failed) loaded here. */
  const loadData = (url: string): ReturnType<HostDeps['loadData']> => {
    // Only the sets and `keep`: the data set stays loaded for the page's life, the files as sent need not.
    const own = () => deps.loadData(url).then(({ train, test, keep }) => ({ train, test, keep }));
    if (!coming || coming.taken || coming.url !== url) return own();
    coming.taken = true;
    return coming.sets.then((sets) => (sets ? { train: sets.train, test: sets.test, keep: deps.keeper?.(url, sets.sent) } : own()));
  };

  const getData = (url: string): Promise<Mnist> => {
    if (!data || data.url !== url) {
      const t0 = now();
      const mnist = loadData(url);
      const entry: { url: string; mnist: Promise<Mnist>; loadMs: number; ready?: Mnist } = { url, mnist, loadMs: NaN };
      data = entry;
      mnist.then(
        (m) => {
          entry.loadMs = now() - t0;
          entry.ready = m;
          dataFailed = false;
          // Said when the browser has kept the files, which may be after a run has started on them.
          const { keep } = m;
          if (keep) {
            keepPending = () => void Promise.resolve(keep()).then((state) => post({ type: 'data-offline', state }));
            void warming.then(() => keepIfQuiet());
          }
        },
        () => {
          dataFailed = true;
          post({ type: 'data-offline', state: 'load-failed' });
        },
      );
      // A failed load is not cached: the next Train tries again.
      mnist.catch(() => {
        if (data?.mnist === mnist) data = null;
      });
    }
    return data.mnist;
  };

  const dropEngine = () => {
    inside.drop();
    engine?.dispose();
    engine = null;
  };

  /**
   * Makes `cmd` the worker's one job (a run, a race or a range test),
   * answers `accepted`, beats while it runs and, once it has posted its end,
   * frees the worker and answers the resets that waited for it.
   */
  function launch(cmd: StartRun | RaceStart | RangeTestStart): void {
    const job = createJob(cmd, (e, transfer) => {
      post(e, transfer);
      if (e.type === 'losses' || e.type === 'race-losses' || e.type === 'range-points') keepIfQuiet(true);
    });
    run = job;
    post({ type: 'accepted', runId: cmd.runId });
    job.beat = setInterval(() => post({ type: 'heartbeat', runId: job.runId, phase: job.paused ? 'paused' : job.phase, work }), heartbeatMs);
    // Each job catches its own failures and posts its own end event.
    const body = cmd.type === 'race' ? race(cmd, job) : cmd.type === 'range-test' ? rangeTest(cmd, job) : start(cmd, job);
    void body.then(() => {
      clearInterval(job.beat);
      if (run !== job) return;
      run = null;
      keepIfQuiet();
      for (; resetsWaiting > 0; resetsWaiting--) resetModel();
    });
  }

  /** What every job waits for before training: the engine, the warm-up, the data and its split. */
  async function prepare(cmd: StartRun | RaceStart | RangeTestStart, job: Job) {
    const sel = await (selection ?? chooseEngine());
    await warming;
    job.post({ type: 'phase', runId: cmd.runId, phase: 'loading-data' });
    const mnist = await getData(cmd.data.dataUrl);
    work++;
    // A comparison's runs share their batches, so the first run's size and seed are every run's.
    const s = cmd.type === 'race' ? cmd.runs[0] : cmd.settings;
    const split = runSplit(mnist.train.count, s, cmd.data);
    // A model's accuracy by rotation gives way to the job (within one chunk) before the job replaces the model.
    await rotation.settle();
    return { mnist, split, createEngine: engineMaker(sel, s.batchSize, job) };
  }

  async function start(cmd: StartRun, active: Job): Promise<void> {
    const { runId, settings } = cmd;
    const post = active.post;
    try {
      const { mnist, split, createEngine } = await prepare(cmd, active);
      post({
        type: 'data-loaded',
        trainCount: split.train.length,
        validationCount: split.validation.length,
        testCount: mnist.test.count,
        ms: data?.loadMs ?? NaN,
      });
      if (active.stop) return finish(active, { reason: 'stopped', epoch: 0 });

      dropEngine();
      const arch = architectureOf(settings);
      const e = createEngine(arch, initParams(arch, settings.init, settings.seed), 1, optimizerOf(settings));
      engine = e;
      await inside.begin(runId, e);
      post({ type: 'phase', runId, phase: 'training' });
      const result = await runSingle(cmd, {
        post,
        engine: e,
        mnist,
        split,
        hyper: () => ({ settings: active.hyper, version: active.hyperVersion }),
        stopRequested: () => active.stop,
        paused: () => active.paused,
        whilePaused: whilePaused(active),
        keep: (set, kept) => latest.set(set, kept),
        inside: inside.hooks,
        flushIntervalMs: deps.flushIntervalMs,
      });
      if (result.end.reason === 'diverged') {
        // Nothing to predict with or save.
        dropEngineSafely();
        latest.clear();
      } else if (result.end.reason !== 'completed') {
        // Stopped mid-epoch, or the best epoch restored: the tiles of the weights the run leaves.
        await inside.ended(result.end.reason === 'early-stopped' ? result.end.bestEpoch : undefined);
      }
      finish(active, result.end, result.test);
      // A stopped run (or one Reset is about to drop) skips it: the page can ask for it later.
      if (measuresRotation && result.test && !active.stop) {
        rotation.after(runId, [{ engine: e, runs: [0] }], mnist.test, null, { upright: [result.test.accuracy] });
      }
    } catch (err) {
      await fail(active, err);
    }
  }

  /**
   * A race trains its own stacked engine; the single run's model (if any)
   * stays as it was, for drawing and saving.
   */
  async function race(cmd: RaceStart, active: Job): Promise<void> {
    const post = active.post;
    try {
      const { mnist, split, createEngine } = await prepare(cmd, active);
      await runRace(cmd, {
        post,
        createEngine,
        train: mnist.train,
        trainIndices: split.train,
        validationIndices: split.validation,
        stopRequested: () => active.stop,
        whilePaused: whilePaused(active),
        flushIntervalMs: deps.flushIntervalMs,
        afterRace: measuresRotation ? (groups, runs) => rotation.after(cmd.runId, groups, mnist.test, runs, { owned: true }) : undefined,
      });
    } catch (err) {
      await fail(active, err);
    }
  }

  /**
   * The range test trains a separate, temporary engine from the run's initial
   * weights, so whatever model the worker holds is untouched ("restored")
   * afterwards, and the test costs one engine's memory while it runs.
   */
  async function rangeTest(cmd: RangeTestStart, active: Job): Promise<void> {
    const { runId, settings } = cmd;
    let temp: RaceEngine | null = null;
    try {
      const { mnist, split, createEngine } = await prepare(cmd, active);
      const arch = architectureOf(settings);
      temp = createEngine(arch, initParams(arch, settings.init, settings.seed), 1, optimizerOf(settings));
      active.post({ type: 'phase', runId, phase: 'training' });
      await runRangeTest(cmd, {
        post: active.post,
        engine: temp,
        train: mnist.train,
        trainIndices: split.train,
        stopRequested: () => active.stop,
        whilePaused: whilePaused(active),
        flushIntervalMs: deps.flushIntervalMs,
      });
    } catch (err) {
      await fail(active, err);
    } finally {
      disposeQuietly(temp);
    }
  }

  /**
   * Loads the data and runs one throwaway step and one evaluation chunk, so
   * the engine compiles its programs (1-3 s on WebGL) before the student
   * presses Train. Once Train has been pressed there is nothing to win: the
   * run compiles the same programs itself, and its first loss would wait for
   * the throwaway step (50-60 ms of the SIMD engine here, Train pressed as
   * the page opened). Failures are silent here: the run reports them properly.
   */
  async function warmUp(dataUrl: string, batchSize: number): Promise<void> {
    try {
      // The download goes on while the engine is chosen (getData's promise is never left unhandled).
      const mnist = getData(dataUrl);
      const sel = await selection;
      await mnist;
      if (sel && run === null) await warmEngine((params) => engineMaker(sel, batchSize, null)(ANN_MNIST, params, 1, SGD), batchSize);
    } catch {
      // The run that follows loads and compiles again, and reports any error.
    }
  }

  function finish(active: Job, end: RunEnd, test?: Evaluation): void {
    const tensors = deps.liveTensors?.() ?? NaN;
    active.post({ type: 'done', runId: active.runId, end, test, tensors }, test ? evaluationBuffers(test) : []);
  }

  /** n images through the current weights, between two training batches if a run is going. */
  async function predict(requestId: number, pixels: Float32Array): Promise<void> {
    const n = pixels.length / IMAGE_SIZE;
    if (!engine || !Number.isInteger(n) || n < 1 || n > MAX_PREDICT) {
      post({ type: 'prediction', requestId, probs: null });
      return;
    }
    try {
      const logProbs = await engine.predictLogProbs(pixels, n);
      post({ type: 'prediction', requestId, probs: logProbs.map(Math.exp) });
    } catch {
      post({ type: 'prediction', requestId, probs: null });
    }
  }

  function loadParams(requestId: number, arch: Architecture, params: Float32Array[]): void {
    if (run) {
      post({ type: 'params-loaded', requestId, ok: false, refusal: { code: 'busy' } });
      return;
    }
    const problem = checkParams(arch, params);
    if (problem) {
      post({ type: 'params-loaded', requestId, ok: false, refusal: { code: 'invalid', problem } });
      return;
    }
    dropEngineSafely();
    latest.clear();
    if (!selection) {
      // No init yet (tests): tfjs, as it stands.
      engine = countingEngine(deps.createEngine(arch, params, 1, SGD), counted);
      post({ type: 'params-loaded', requestId, ok: true });
      void inside.loaded(engine);
      return;
    }
    void selection.then(
      (sel) => {
        // A job that started while the engine was being chosen keeps the worker.
        if (run) return post({ type: 'params-loaded', requestId, ok: false, refusal: { code: 'busy' } });
        engine = engineMaker(sel, 1, null)(arch, params, 1, SGD);
        post({ type: 'params-loaded', requestId, ok: true });
        void inside.loaded(engine);
      },
      // No engine works here (init has said why): nothing to load the weights into.
      () => post({ type: 'params-loaded', requestId, ok: false, refusal: { code: 'no-engine' } }),
    );
  }

  function examples(cmd: Extract<Command, { type: 'examples' }>): void {
    const found = cellExamples(latest.get(cmd.set), cmd.trueDigit, cmd.predictedDigit, cmd.limit);
    const { type: _t, limit: _l, ...rest } = cmd;
    post({ type: 'examples', ...rest, ...found }, [found.images, found.probs, found.indices]);
  }

  /** A test image for the drawing pad, answered at once: a data set still on its way is started (if need be), not awaited. */
  function sample(cmd: Extract<Command, { type: 'sample' }>): void {
    const { requestId, digit } = cmd;
    const mnist = data?.url === cmd.dataUrl ? data.ready : undefined;
    const found = mnist ? nthImageOf(mnist.test, digit, cmd.nth) : null;
    if (found) {
      post({ type: 'sample', requestId, digit, index: found.index, image: found.image }, [found.image]);
      return;
    }
    const problem = mnist || dataFailed ? 'unavailable' : 'loading';
    if (!mnist) getData(cmd.dataUrl).catch(() => {});
    post({ type: 'sample', requestId, digit, index: -1, image: null, problem });
  }

  async function fail(active: Job, err: unknown): Promise<void> {
    const known = knownProblem(err);
    if (known) {
      post({ type: 'error', runId: active.runId, problem: known });
      return;
    }
    const detail = detailOf(err);
    dropEngineSafely();
    // Whatever broke mid-run, the next run should not meet it again (a lost WebGL context does not
    // come back); tfjs's cpu backend is the last resort. A helper thread that failed is not the SIMD
    // engine breaking: only its two threads are left out, and the engine goes on, on one.
    const helperFailed = err instanceof TeamError;
    const broken = helperFailed ? 'simd' : (active.engine ?? (await activeBackend()));
    if (broken && broken !== 'cpu') {
      if (helperFailed) threadsFailed = true;
      else failedEngines.add(broken);
      const next = await chooseEngine().then(
        (c) => c.report.engine,
        () => null,
      );
      post({ type: 'error', runId: active.runId, problem: { kind: 'backend-failed', backend: broken, next, detail } });
      return;
    }
    post({ type: 'error', runId: active.runId, problem: { kind: 'training-failed', detail } });
  }

  function dropEngineSafely(): void {
    inside.drop();
    disposeQuietly(engine);
    engine = null;
  }

  /** Drops the model and everything measured with it, and says so. */
  function resetModel(): void {
    latest.clear();
    dropEngineSafely();
    post({ type: 'reset-done' });
  }

  const refuse = (command: Command['type'], code: RefusalCode, runId?: number) => post({ type: 'refused', command, runId, code });

  /** The job `runId`, if it holds the worker (it may be ending: asked to stop or reset). */
  const named = (runId: number): Job | null => (run?.runId === runId ? run : null);
  /** The job `runId`, if it holds the worker and is not ending: one that can still pause or change. */
  const running = (runId: number): Job | null => {
    const job = named(runId);
    return job && !job.stop ? job : null;
  };

  function handle(cmd: Command): void {
    switch (cmd.type) {
      case 'init':
        if (cmd.faults) faultsEnabled = true;
        cmd.exclude?.forEach((b) => failedEngines.add(b));
        // A job holds the engine: name it again, change nothing.
        if (run && selection) {
          announce(selection);
          return;
        }
        preferred = cmd.preferredBackend;
        threads = cmd.threads ?? 1;
        if (cmd.prefetch) probeTarget = probeTargetOf(cmd.prefetch);
        if (cmd.prefetch && cmd.dataComing) expectData(cmd.prefetch.dataUrl);
        void chooseEngine();
        if (cmd.prefetch) warming = warmUp(cmd.prefetch.dataUrl, cmd.prefetch.batchSize);
        return;
      case 'race':
      case 'range-test':
      case 'start':
        // One thing trains at a time. A job asked to stop or reset still holds
        // the worker until its end event; the page waits for that (or reset-done).
        if (run) {
          refuse(cmd.type, 'busy', cmd.runId);
          return;
        }
        launch(cmd);
        return;
      case 'pause': {
        const job = running(cmd.runId);
        if (!job) {
          refuse(cmd.type, 'not-running', cmd.runId);
          return;
        }
        pauseJob(job, true);
        post({ type: 'phase', runId: job.runId, phase: 'paused' });
        return;
      }
      case 'resume': {
        const job = running(cmd.runId);
        if (!job) {
          refuse(cmd.type, 'not-running', cmd.runId);
          return;
        }
        pauseJob(job, false);
        post({ type: 'phase', runId: job.runId, phase: job.phase });
        return;
      }
      case 'stop': {
        // Answered by the job's end event, after the current batch (once, however often it is asked).
        const job = named(cmd.runId);
        if (!job) {
          refuse(cmd.type, 'not-running', cmd.runId);
          return;
        }
        stopJob(job);
        return;
      }
      case 'reset':
        // The engine may be mid-batch: drop it once the job has noticed `stop` and ended.
        if (!run) {
          if (rotation.running()) void rotation.settle().then(resetModel);
          else resetModel();
          return;
        }
        stopJob(run);
        resetsWaiting++;
        return;
      case 'examples':
        examples(cmd);
        return;
      case 'sample':
        sample(cmd);
        return;
      case 'predict':
        void predict(cmd.requestId, cmd.pixels);
        return;
      case 'get-params':
        void (engine ? engine.getParams(0) : Promise.resolve(null)).then(
          (params) => post({ type: 'params', requestId: cmd.requestId, params }, params ?? []),
          () => post({ type: 'params', requestId: cmd.requestId, params: null }),
        );
        return;
      case 'load-params':
        // A measurement of the old model gives way first (within one chunk).
        if (rotation.running()) void rotation.settle().then(() => loadParams(cmd.requestId, cmd.arch, cmd.params));
        else loadParams(cmd.requestId, cmd.arch, cmd.params);
        return;
      case 'augment-preview':
        void answerPreview(cmd, getData, post);
        return;
      case 'model-rotation':
        void rotation.onDemand(cmd.requestId, cmd.dataUrl);
        return;
      case 'inspect':
        void inside.inspect(cmd);
        return;
      case 'replay':
        inside.replay(cmd);
        return;
      case 'set-hyper': {
        // Only a single run takes live changes; a race's and a range test's rates are their own.
        const job = running(cmd.runId);
        if (job?.kind !== 'start') {
          refuse(cmd.type, 'not-running', cmd.runId);
          return;
        }
        job.hyper = cmd.hyper;
        job.hyperVersion++;
        return;
      }
      case 'data':
        // Anything else (data meant for a worker this one replaced, a second copy) is not waited for: dropped.
        if (coming?.url === cmd.dataUrl) coming.arrive(cmd.sets);
        return;
      case 'fault':
        if (!faultsEnabled || !deps.fault?.(cmd.fault)) refuse(cmd.type, 'unavailable');
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
      void rotation.settle();
      if (run) {
        run.stop = true;
        clearInterval(run.beat);
      }
      dropEngineSafely();
    },
  };
}

/** The network and batch size init asks the probe to time; the preset's network when the page sends none (or one the lab does not build). */
function probeTargetOf(p: Prefetch): { arch: Architecture; batchSize: number } {
  const arch = p.arch && !checkParams(p.arch, initParams(p.arch, 'pytorch', 0)) ? p.arch : ANN_MNIST;
  return { arch, batchSize: Number.isInteger(p.batchSize) && p.batchSize >= 1 && p.batchSize <= 4096 ? p.batchSize : 64 };
}

/**
 * The SIMD engine of `runs` runs. With a helper worker (`remote`: a
 * comparison where the page may use threads) half the runs train there at
 * the same time, or, for a group of one run, every other group (`index`:
 * the group's place in its job).
 */
function simdEngine(
  simd: SimdEngines,
  arch: Architecture,
  params: Float32Array[],
  runs: number,
  optimizer: OptimizerSpec,
  remote: RemoteEngineMaker | null,
  index: number,
): RaceEngine {
  const there = (n: number) => remote!({ build: simd.level, arch, params, runs: n, optimizer });
  if (!remote) return simd.createRaceEngine(arch, params, runs, optimizer);
  if (runs === 1) return index % 2 === 1 ? there(1) : simd.createRaceEngine(arch, params, 1, optimizer);
  const here = Math.ceil(runs / 2);
  return new SplitRaceEngine([simd.createRaceEngine(arch, params, here, optimizer), there(runs - here)]);
}

/** Frees an engine; a lost WebGL context can make dispose throw, and the memory is gone with it anyway. */
function disposeQuietly(e: { dispose(): void } | null): void {
  try {
    e?.dispose();
  } catch {
    // nothing left to free
  }
}
