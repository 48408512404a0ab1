/**
 * The one message protocol between the page and the training worker. Both
 * directions are `type`-tagged unions; handlers switch exhaustively and end
 * in assertNever, so adding a message without handling it fails to compile.
 * Large arrays travel as typed arrays in the transfer list (see send()).
 */
import type { LossPoint, Progress } from '../train/types.ts';
import type { RunSettings } from '../shared/settings.ts';
import type { HyperSettings } from '../shared/runSpec.ts';
import type { Architecture } from '../model/architecture.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type { StoreOutcome } from '../data/dataStore.ts';
import type { DataProblem, Mnist } from '../data/load.ts';
import type { DivergedLoss } from '../train/divergence.ts';
import type { ReadProblem } from '../shared/validate.ts';
import type { Inspection } from '../model/inspect.ts';
import type { ReplayState } from './replay.ts';
import type { EngineId, EngineReport, FallbackCode, SimdBuild } from '../shared/engineIds.ts';
import type { OptimizerSpec, StepHyper } from '../shared/optimizer.ts';

/**
 * Every message the worker sends the page carries codes and numbers, never
 * sentences: the page words them in the student's language. Technical text
 * (an exception's own message, the browser's words) may travel as `detail`,
 * shown inside the page's sentence, never as the sentence.
 */

/** Why a backend was passed over. `detail`: what tfjs said, when it threw. */
export interface BackendSkip {
  backend: BackendName;
  /**
   * failed-earlier: it broke earlier in this page (a lost WebGL context);
   * did-not-start: tfjs could not start it (for WebGL: no context in the
   * worker); wrong-result: it computed a test product wrongly; no-webgl: the
   * WebGL version is 0; threw: tfjs threw `detail`.
   */
  why: 'failed-earlier' | 'did-not-start' | 'wrong-result' | 'no-webgl' | 'threw';
  detail?: string;
}

/** Why the backend in use is not WebGL as usual: the page address chose it, or those before it did not work. */
export type BackendReason = { kind: 'chosen' } | { kind: 'fallback'; skipped: BackendSkip[] };

export interface BackendChoice {
  backend: BackendName;
  /** Absent for WebGL by default. */
  reason?: BackendReason;
}

/**
 * Why a job failed, or the worker cannot train at all:
 * - data-*: the MNIST files (data/load.ts);
 * - backend-failed: the engine (a tfjs backend, or the SIMD engine) broke
 *   during a run (a lost WebGL context); the next run uses `next`, or none
 *   works (null);
 * - no-backend: no backend works in this browser, each skipped for its reason;
 * - training-failed: anything else; the run's settings are kept.
 */
export type WorkerProblem =
  | DataProblem
  | { kind: 'backend-failed'; backend: EngineId; next: EngineId | null; detail: string }
  | { kind: 'no-backend'; skipped: BackendSkip[] }
  | { kind: 'training-failed'; detail: string };

/**
 * How a run ended (a single run, or one run of a comparison):
 * - completed: all `epochs` trained;
 * - stopped: by Stop, during epoch `epoch` (0: before training began); the weights are kept;
 * - early-stopped: the validation loss had not improved since `bestEpoch`
 *   when epoch `epoch` ended; the weights of `bestEpoch` (validation loss
 *   `bestLoss`, nats) are restored;
 * - diverged: the batch loss blew up (`loss`) at batch `step` (1-based over
 *   the run) during epoch `epoch`, at learning rate `learningRate`; the
 *   weights are worthless.
 */
export type RunEnd =
  | { reason: 'completed'; epochs: number }
  | { reason: 'stopped'; epoch: number }
  | { reason: 'early-stopped'; epoch: number; bestEpoch: number; bestLoss: number }
  | { reason: 'diverged'; epoch: number; step: number; loss: DivergedLoss; learningRate: number };

/** How a comparison ended: stopped, or finished with how many of its runs completed every epoch, stopped early or diverged. */
export type RaceSummary = { kind: 'stopped' } | { kind: 'finished'; runs: number; completed: number; earlyStopped: number; diverged: number; epochs: number };

/**
 * How a range test ended: stopped; swept `batches` batches from learning
 * rate `from` to `to` (`blewUp`: cut short once the loss passed 4× its
 * best); or the loss blew up at once, leaving nothing to suggest.
 */
export type RangeResult = { kind: 'stopped' } | { kind: 'swept'; batches: number; from: number; to: number; blewUp: boolean } | { kind: 'blew-up' };

/** Why saved weights were not loaded: a job holds the worker, no engine works in this browser, or they are not a network the lab builds with its weights. */
export type LoadRefusal = { code: 'busy' } | { code: 'no-engine' } | { code: 'invalid'; problem: ReadProblem };

/** What init fetches and warms up ahead of Train: the data, and the page's network at its batch size (the preset's network when absent). */
export interface Prefetch {
  dataUrl: string;
  batchSize: number;
  arch?: Architecture;
}

export interface DataOptions {
  /** Absolute URL of the folder holding the four MNIST IDX files. */
  dataUrl: string;
  /** Images held out of the 60,000 for validation. */
  validationSize: number;
  /** Train on only this many images (a quick-run option); all when absent. */
  trainLimit?: number;
}

export interface StartRun {
  type: 'start';
  runId: number;
  settings: RunSettings;
  data: DataOptions;
}

/** Learning-rate range test: from the run's initial weights, lr rising exponentially each batch. */
export interface RangeTestStart {
  type: 'range-test';
  runId: number;
  settings: RunSettings;
  data: DataOptions;
}

export interface RangePoint {
  lr: number;
  /** Raw batch loss, nats. */
  loss: number;
}

/**
 * A comparison (the learning-rate race is one): 2-6 runs on the same batches,
 * each with its own settings. Runs that share network, optimizer and initial
 * weights train stacked in one engine; the others take turns, batch by batch.
 */
export interface RaceStart {
  type: 'race';
  runId: number;
  /** The form's settings when the comparison began (shown as its base). */
  settings: RunSettings;
  /** 2 to 6 runs, each its whole settings; batch size, training images, epochs and seed are the same for all. */
  runs: RunSettings[];
  data: DataOptions;
}

export interface RaceEpochRun {
  run: number;
  /** Mean training loss over the batches it trained this epoch, nats; NaN if none. */
  trainLoss: number;
  validation: Evaluation;
  /** The run diverged during this epoch: these are its frozen weights' figures. */
  diverged?: true;
}

/**
 * Accuracy by rotation: each listed run's test accuracy (0..1) on the test set
 * turned by each of `angles` (degrees, counter-clockwise positive), in order.
 */
export interface RotationResult {
  angles: number[];
  runs: { run: number; accuracy: Float64Array }[];
}

/** Why the worker has no accuracy by rotation for the current model: none is held, a job holds the worker, or measuring failed. */
export type RotationProblem = 'no-model' | 'busy' | 'failed';

/** Faults the end-to-end tests cause on purpose (page option `?faults=1`): lose the WebGL context, close the worker silently, loop forever. */
export type Fault = 'lose-webgl' | 'close' | 'hang';

/**
 * What the page sends. Every command that starts or changes a job is
 * answered (the host's tests check each one in every state):
 * - start / race / range-test: `accepted`, then the job's events; or
 *   `refused` (code 'busy') when another job holds the worker. A job that was
 *   asked to stop or reset still holds it until its end event.
 * - pause / resume: the job's `phase` ('paused', or the phase it resumes).
 * - stop: the job's end event (`done`, `race-done`, `range-done` or `error`).
 * - reset: `reset-done`, once no job runs and the model is dropped.
 * - set-hyper: applied from the next batch, which carries a `hyper-change`
 *   marker (none if the run trains no further batch).
 * pause, resume, stop and set-hyper name their job; for any other (it has
 * ended, or never ran here) the answer is `refused` with code 'not-running'.
 * predict, get-params, load-params, examples, inspect, replay, sample,
 * augment-preview and model-rotation are answered by their requestId; init
 * by `backend` and `engine` (or an `error` whose problem is 'no-backend').
 */
export type Command =
  | RaceStart
  | RangeTestStart
  /**
   * First message: chooses the engine (the fastest of a short probe on
   * `prefetch`'s network and batch size, unless the page forces one: see
   * worker/engines.ts), then, while the student is still reading the page,
   * fetches the data and warms the engine up (WebGL compiles its shaders),
   * so Train shows a loss within moments. `exclude`: engines that failed in
   * an earlier worker of this page (a lost WebGL context). `threads`: how
   * many a comparison may train on (2: a helper worker beside this one,
   * where the page is cross-origin isolated; 1 when absent). `faults`:
   * accept the `fault` command (tests only). `dataComing`: the page's data
   * worker is loading `prefetch`'s data set, which a `data` command brings.
   */
  | { type: 'init'; preferredBackend?: EngineId; exclude?: EngineId[]; prefetch?: Prefetch; threads?: number; faults?: boolean; dataComing?: boolean }
  /**
   * The data set of `dataUrl`, loaded by the page's data worker (worker/data/)
   * while this worker started: `sets` null when that failed, and this worker
   * loads it itself (and reports any problem).
   */
  | { type: 'data'; dataUrl: string; sets: LoadedSets | null }
  | StartRun
  | { type: 'pause'; runId: number }
  | { type: 'resume'; runId: number }
  /** Ends the job after the current batch; a run's trained weights stay in the worker. */
  | { type: 'stop'; runId: number }
  /** Stops any job and drops the model. */
  | { type: 'reset' }
  /** Applies from the next batch of run `runId`. */
  | { type: 'set-hyper'; runId: number; hyper: HyperSettings }
  /** Class probabilities for n 28×28 images (n × 784 floats in [0,1], 1 ≤ n ≤ 16: a drawing, or it turned by each angle) from the current weights. */
  | { type: 'predict'; requestId: number; pixels: Float32Array }
  /** The first `count` training images of a run with `settings`, augmented as its training will see them (the settings' preview). */
  | { type: 'augment-preview'; requestId: number; settings: RunSettings; data: DataOptions; count: number }
  /** Accuracy by rotation of the current model (a loaded one; a run's own comes with its end). Refused ('busy') while a job runs. */
  | { type: 'model-rotation'; requestId: number; dataUrl: string }
  /** The current weights, for saving. */
  | { type: 'get-params'; requestId: number }
  /** Replaces the model with saved weights of network `arch` (refused while a job runs). */
  | { type: 'load-params'; requestId: number; arch: Architecture; params: Float32Array[] }
  /** The images of one confusion-matrix cell of the latest evaluation of `set`. */
  | { type: 'examples'; requestId: number; set: EvalSet; trueDigit: number; predictedDigit: number; limit: number }
  /**
   * One 28×28 image (784 floats in [0,1]) through the model, layer by layer,
   * with its saliency (model/inspect.ts): with the current weights (`epoch`
   * null) or those the replay kept after `epoch` (the nearest kept at or
   * before it; the current ones when none is kept that early).
   */
  | { type: 'inspect'; requestId: number; pixels: Float32Array; epoch: number | null }
  /** The first-layer weights the replay kept after `epoch` (the nearest kept at or before it). */
  | { type: 'replay'; requestId: number; epoch: number }
  /**
   * A handwritten `digit` from the official test set, for the drawing pad:
   * the `nth` one (counting round). Answered at once, with no image while the
   * data from `dataUrl` is still loading (this starts it if nothing has).
   */
  | { type: 'sample'; requestId: number; digit: number; nth: number; dataUrl: string }
  /**
   * A test hook, refused ('unavailable') unless init asked for `faults`.
   * 'lose-webgl' is answered by `backend-lost` ('unavailable' when not on
   * WebGL); 'close' and 'hang' cannot be answered: the page's watchdog notices.
   */
  | { type: 'fault'; fault: Fault };

/** A data set as the data worker hands it over: the parsed sets, and the files as sent (null: read from the browser's store) for this worker to keep. */
export interface LoadedSets extends Mnist {
  sent: ArrayBuffer[] | null;
}

/** The page asks its data worker for the data set under `dataUrl` (worker/data/). */
export interface DataRequest {
  dataUrl: string;
}

/** Why the host did not do what a command asked. */
export type RefusalCode =
  /** Another job holds the worker (one trains at a time). */
  | 'busy'
  /** The job the command names is not running (it ended, or never ran here). */
  | 'not-running'
  /** This worker cannot do it (a fault hook not enabled, no WebGL context to lose). */
  | 'unavailable';

export type EvalSet = 'validation' | 'test';

/** Everything the page shows about one pass over a set. */
export interface Evaluation {
  set: EvalSet;
  count: number;
  /** Mean NLL, nats. */
  loss: number;
  /** Fraction correct, 0..1. */
  accuracy: number;
  /** 10 × 10 counts, row-major: row = true digit, column = predicted digit. */
  confusion: Int32Array;
  /** One-vs-rest AUC per digit; NaN where undefined (the digit is absent). */
  auc: Float64Array;
  /** Mean of the defined AUCs; null if none is. */
  macroAuc: number | null;
  /** Thinned ROC curves of all digits, concatenated: digit k's points are [rocOffsets[k], rocOffsets[k+1]). */
  rocFpr: Float32Array;
  rocTpr: Float32Array;
  rocOffsets: Int32Array;
}

/** The typed arrays of an Evaluation, for the transfer list. */
/** What a `data` command transfers: the sets' arrays and the files as sent, each buffer once. */
export function loadedSetsBuffers(sets: LoadedSets | null): ArrayBuffer[] {
  if (!sets) return [];
  const views = [sets.train.images, sets.train.labels, sets.test.images, sets.test.labels];
  return [...new Set([...views.map((v) => v.buffer as ArrayBuffer), ...(sets.sent ?? [])])];
}

export function evaluationBuffers(e: Evaluation): ArrayBufferView[] {
  return [e.confusion, e.auc, e.rocFpr, e.rocTpr, e.rocOffsets];
}

/**
 * The first layer's weights as tiles, one per unit of the first hidden layer
 * (with no hidden layer, one per digit of the output): each unit's 784 input
 * weights, row-major 28×28, as the image it responds to.
 */
export interface WeightTiles {
  units: number;
  /** The network has no hidden layer: the tiles are the ten digits' output units. */
  output: boolean;
  /** units × 784, unit-major: tile u is [u·784, (u+1)·784). */
  tiles: Float32Array;
}

/** Images of one confusion-matrix cell, for the gallery. */
export interface Examples {
  requestId: number;
  set: EvalSet;
  trueDigit: number;
  predictedDigit: number;
  /** How many images the cell holds (may exceed those sent). */
  total: number;
  /** n × 784 bytes, as in the data set. */
  images: Uint8Array;
  /** n × 10 predicted probabilities. */
  probs: Float32Array;
  /** Index of each image in its set (the official 60,000 or 10,000). */
  indices: Int32Array;
}

export interface EpochResult {
  epoch: number;
  epochs: number;
  /** Mean training NLL over the epoch, nats. */
  trainLoss: number;
  validation: Evaluation;
  /** Wall time of the epoch's training (evaluation excluded), ms. */
  trainMs: number;
}

/** Why a 'sample' came without an image. */
export type SampleProblem = 'loading' | 'unavailable';

export type RunPhase = 'loading-data' | 'compiling' | 'training' | 'paused' | 'evaluating' | 'testing';

/** Whether the data set is kept in the browser for a visit with no network; 'load-failed': it did not load at all. */
export type DataOffline = StoreOutcome | 'load-failed';

export type DoneReason = RunEnd['reason'];

export type WorkerEvent =
  /** tfjs's backend: the engine when tfjs trains, else tfjs's for runs the SIMD engine cannot train. `reason`: why not WebGL. */
  | ({ type: 'backend' } & BackendChoice)
  /** What trains and why, in codes and numbers (the page words them); after init, and again when a failed engine is replaced. */
  | { type: 'engine'; report: EngineReport }
  /** Job `runId` trains on tfjs's `backend` although the SIMD engine was chosen, because of `code`. */
  | { type: 'engine-fallback'; runId: number; backend: BackendName; code: FallbackCode }
  | { type: 'data-loaded'; trainCount: number; validationCount: number; testCount: number; ms: number }
  /** After each load of the data set (a run's, or the prefetch at init), whether it is now kept for offline use. */
  | { type: 'data-offline'; state: DataOffline }
  | { type: 'phase'; runId: number; phase: RunPhase }
  | { type: 'losses'; runId: number; points: LossPoint[]; progress: Progress }
  | ({ type: 'epoch'; runId: number } & EpochResult)
  /** `tensors`: the worker's live tfjs tensors once the run has ended (its model kept), for leak checks. `test`: unless it diverged. */
  | { type: 'done'; runId: number; end: RunEnd; test?: Evaluation; tensors: number }
  | ({ type: 'examples' } & Examples)
  | { type: 'race-losses'; runId: number; points: (LossPoint & { run: number })[]; progress: Progress }
  /** Every racing run's epoch, and once a run's frozen weights after it diverged (`diverged`, see RaceRunEpoch). */
  | { type: 'race-epoch'; runId: number; epoch: number; runs: RaceEpochRun[] }
  /** One run of the race ended (diverged while the others go on, or at the race's end). */
  | { type: 'race-run-end'; runId: number; run: number; end: RunEnd }
  | { type: 'race-done'; runId: number; summary: RaceSummary }
  /** The student moved learning rate or momentum mid-run; applies from batch `step` (0-based). */
  | { type: 'hyper-change'; runId: number; step: number; epoch: number; learningRate: number; momentum: number }
  | { type: 'range-points'; runId: number; points: RangePoint[] }
  | {
      type: 'range-done';
      runId: number;
      /** Valley rule (fast.ai's default) and steepest descent; null when the curve was too short to judge. */
      suggestion: { valley: number; steepest: number } | null;
      result: RangeResult;
    }
  /**
   * The model's first-layer weights: a run's at its start, at most about once
   * a second while it trains, after each epoch and at its end; a loaded
   * model's once. `epoch`: epochs trained when taken (fractional mid-epoch),
   * null for a loaded model. `ms`: what taking them cost the worker.
   */
  | { type: 'weights'; runId: number | null; epoch: number | null; ms: number; weights: WeightTiles }
  /** After each epoch of a run: the epochs whose weights the replay keeps (worker/replay.ts). */
  | ({ type: 'replay-kept'; runId: number } & ReplayState)
  /** The answer to inspect: null when there is no model; `epoch` says whose weights it used (null: the current ones). */
  | { type: 'inspection'; requestId: number; epoch: number | null; result: Inspection | null }
  /** The answer to replay: the kept epoch used and its tiles, or nulls when none is kept that early. */
  | { type: 'replay-weights'; requestId: number; epoch: number | null; weights: WeightTiles | null }
  /**
   * The answer to 'sample': 784 bytes and the image's index in the 10,000 test
   * images; or no image (index -1) and why: the data is still 'loading', or
   * the last attempt to load it failed ('unavailable').
   */
  | { type: 'sample'; requestId: number; digit: number; index: number; image: Uint8Array | null; problem?: SampleProblem }
  /** probs (n × 10) is null when there is no model yet (nothing trained or loaded). */
  | { type: 'prediction'; requestId: number; probs: Float32Array | null }
  /** count × 784 bytes (0–255) and their digits; null when the data could not be read or the settings not applied. */
  | { type: 'augment-preview'; requestId: number; images: Uint8Array | null; labels: Uint8Array | null }
  | ({ type: 'model-rotation'; requestId: number } & ({ result: RotationResult } | { problem: RotationProblem }))
  /**
   * A run's or a comparison's accuracy by rotation, measured after its end
   * event (done / race-done) while the worker is otherwise idle; none for a
   * stopped or diverged run. `runs` is empty when the measurement gave way to
   * a new job, a Reset or a loaded model.
   */
  | ({ type: 'rotation-accuracy'; runId: number } & RotationResult)
  /** A measurement of accuracy by rotation moves on (after each forward pass): for the run `runId`, or for the request `requestId`. */
  | { type: 'rotation-progress'; runId?: number; requestId?: number; done: number; total: number }
  | { type: 'params'; requestId: number; params: Float32Array[] | null }
  | ({ type: 'params-loaded'; requestId: number } & ({ ok: true } | { ok: false; refusal: LoadRefusal }))
  /** A job failed (`runId`), or the worker cannot train at all (no backend works). */
  | { type: 'error'; runId?: number; problem: WorkerProblem }
  /** The answer to a start, race or range-test that now holds the worker. */
  | { type: 'accepted'; runId: number }
  /** A command not carried out; the page puts back what it changed in expectation. */
  | { type: 'refused'; command: Command['type']; runId?: number; code: RefusalCode }
  /** The answer to reset: no job runs any more and the model is dropped. */
  | { type: 'reset-done' }
  /**
   * About once a second while a job holds the worker (from a timer, so it
   * also beats while the job awaits data or a GPU readback): `work` counts
   * engine operations finished (batches queued, readbacks and evaluation
   * chunks done) and only grows. Beats without growing `work` mean the job
   * is stuck waiting (a lost GPU); no beats at all, a dead or blocked worker.
   */
  | { type: 'heartbeat'; runId: number; phase: RunPhase; work: number }
  /** The backend's device went away (a lost WebGL context); nothing more will compute on it. */
  | { type: 'backend-lost'; backend: BackendName };

/**
 * Between the training worker and a helper worker of its pool (worker/pool/):
 * one stacked SIMD engine per MessageChannel, driven request by request.
 * Only requests with an `id` are answered (`done` with the arrays asked for,
 * or `failed`); a failure of one without (a step) fails the next that has one.
 */
export type EngineRequest =
  | { type: 'create'; build: SimdBuild; arch: Architecture; params: Float32Array[]; runs: number; optimizer: OptimizerSpec }
  | { type: 'train'; x: Float32Array; y: Int32Array; n: number; hypers: StepHyper[]; noise?: Float32Array[] }
  /** A step from uint8 pixels (RaceEngine.trainPixels). */
  | { type: 'train-pixels'; pixels: Uint8Array; y: Int32Array; n: number; hypers: StepHyper[]; noise?: Float32Array[] }
  /** Answered with the losses queued since the last flush, batches × runs. */
  | { type: 'flush'; id: number }
  /** Answered with runs × n × classes log-probabilities. */
  | { type: 'predict'; id: number; x: Float32Array; n: number }
  /** Answered with run `run`'s weights. */
  | { type: 'get-params'; id: number; run: number }
  | { type: 'set-params'; run: number; params: Float32Array[] }
  | { type: 'set-active'; run: number; active: boolean }
  | { type: 'dispose' };

export type EngineReply = { type: 'done'; id: number; values: Float32Array[] } | { type: 'failed'; id: number; message: string };

/** The helper worker's own port: each message hands it the port of one more engine. */
export interface PoolConnect {
  type: 'connect';
  port: MessagePort;
}

/** Answers to a single request, matched to it by requestId (the rest is a stream for the store). */
export type Reply = Extract<
  WorkerEvent,
  { type: 'prediction' | 'params' | 'params-loaded' | 'inspection' | 'replay-weights' | 'sample' | 'augment-preview' | 'model-rotation' }
>;
/** What the page's worker handle keeps to itself: the watchdog's evidence. */
export type HealthEvent = Extract<WorkerEvent, { type: 'heartbeat' | 'backend-lost' }>;
export type StreamEvent = Exclude<WorkerEvent, Reply | HealthEvent>;

export function isHealthEvent(e: WorkerEvent): e is HealthEvent {
  return e.type === 'heartbeat' || e.type === 'backend-lost';
}

export function isReply(e: WorkerEvent): e is Reply {
  return (
    e.type === 'prediction' ||
    e.type === 'params' ||
    e.type === 'params-loaded' ||
    e.type === 'inspection' ||
    e.type === 'replay-weights' ||
    e.type === 'sample' ||
    e.type === 'augment-preview' ||
    e.type === 'model-rotation'
  );
}

export function assertNever(x: never): never {
  throw new Error(`unhandled message: ${JSON.stringify(x)}`);
}

/** What both ends of the protocol need from a port, a worker or the worker's global scope. */
export interface Endpoint {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  start?(): void;
}

/** Posts a message, moving every typed array it lists in `transfer` instead of copying it. */
export function send<M extends Command | WorkerEvent>(port: Endpoint, message: M, transfer: ArrayBufferView[] = []): void {
  port.postMessage(
    message,
    transfer.map((a) => a.buffer as ArrayBuffer),
  );
}
