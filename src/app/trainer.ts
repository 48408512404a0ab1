/**
 * The page's handle on the training worker: creates it, sends commands,
 * hands every event to the store, and replaces the worker when it is gone or
 * stuck. A watchdog (watchdog.ts) looks while the page waits on the worker;
 * when it fires, or the worker says its WebGL context was lost, or it raises
 * an error event, the worker is terminated and a new one started at once,
 * leaving out a backend that failed. `terminate()` is the last resort: it
 * loses the trained weights, and the page is told so.
 */
import type { RunSettings } from '../shared/settings.ts';
import type { Architecture } from '../model/architecture.ts';
import type { HyperSettings } from '../shared/runSpec.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type { EngineId } from '../shared/engineIds.ts';
import type { Command, DataOptions, EvalSet, Fault, Prefetch, Reply, StreamEvent, WorkerEvent } from '../worker/protocol.ts';
import { isHealthEvent, isReply } from '../worker/protocol.ts';
import type { InterruptCause, Interruption } from './interruption.ts';
import type { WatchdogCause } from './watchdog.ts';
import { Watchdog } from './watchdog.ts';
import { startDataWorker } from './dataWorker.ts';

export interface TrainerCallbacks {
  onEvent(e: StreamEvent): void;
  /** The worker was replaced; the job it held (if any) and its weights are gone. */
  onInterrupted(i: Interruption): void;
}

export interface TrainerOptions {
  preferredBackend?: EngineId;
  /** Lets the end-to-end tests cause faults in the worker (`?faults=1`). */
  faults?: boolean;
  /** Threads a comparison may train on (see the init command). */
  threads?: number;
}

const CAUSE_OF: Record<WatchdogCause, InterruptCause> = { silent: 'worker-stopped', stalled: 'stalled' };

export class Trainer {
  private worker: Worker | null = null;
  /** The worker has sent something: it started, so replacing it at once will not loop. */
  private heard = false;
  private nextRunId = 1;
  private nextRequestId = 1;
  /** Requests waiting for their reply, by requestId. */
  private pending = new Map<number, (r: Reply | null) => void>();
  /** Pending requests the watchdog does not wait on (a preview, which waits for the data download like a run's loading phase). */
  private readonly unwatched = new Set<number>();
  /** The job this page started and whose end has not arrived. */
  private job: number | null = null;
  /** A reset sent and not yet answered. */
  private resetting = false;
  /** The engine the worker trains on (its watchdog limits follow it). */
  private backend: EngineId | null = null;
  /** Backends that failed in an earlier worker; every new worker leaves them out. */
  private readonly excluded = new Set<BackendName>();
  private prefetch?: Prefetch;
  /** The data worker has been started (once a page: a replaced worker loads the data itself). */
  private dataAsked = false;
  private readonly dog = new Watchdog((cause) => this.replace({ cause: CAUSE_OF[cause], excluded: null }));

  constructor(
    private readonly callbacks: TrainerCallbacks,
    private readonly options: TrainerOptions = {},
  ) {}

  /** Starts the worker (and its backend selection) if it is not running. */
  ensure(prefetch?: Prefetch): void {
    if (prefetch) this.prefetch = prefetch;
    if (this.worker) return;
    const w = new Worker(new URL('../worker/entry.ts', import.meta.url), { type: 'module', name: 'mnist-lab-trainer' });
    // A replaced worker's last messages, already queued, must not reach the new one's page state.
    const current = () => this.worker === w;
    w.onmessage = (ev: MessageEvent<WorkerEvent>) => {
      if (current()) this.receive(ev.data);
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      if (current()) this.replace({ cause: 'crashed', detail: ev.message || undefined, excluded: null });
    };
    w.onmessageerror = () => {
      // The event's own name: the browser says no more than that a message could not be read.
      if (current()) this.replace({ cause: 'crashed', detail: 'messageerror', excluded: null });
    };
    this.worker = w;
    this.heard = false;
    this.backend = null;
    this.dog.setBackend(null);
    const data = this.prefetch;
    const dataComing =
      data !== undefined &&
      !this.dataAsked &&
      startDataWorker(data.dataUrl, (sets, transfer) => {
        // To whichever worker holds the page by then: one started since loads the data itself and ignores it.
        this.worker?.postMessage(sets, transfer);
      });
    if (data) this.dataAsked = true;
    this.post({
      type: 'init',
      preferredBackend: this.options.preferredBackend,
      exclude: [...this.excluded],
      prefetch: data,
      threads: this.options.threads,
      faults: this.options.faults,
      ...(dataComing ? { dataComing } : {}),
    });
  }

  private receive(e: WorkerEvent): void {
    this.heard = true;
    this.dog.heard(e);
    if (isReply(e)) {
      this.pending.get(e.requestId)?.(e);
      this.pending.delete(e.requestId);
      this.unwatched.delete(e.requestId);
    } else if (isHealthEvent(e)) {
      if (e.type === 'backend-lost') this.replace({ cause: e.backend === 'webgl' ? 'webgl-lost' : 'stalled', excluded: e.backend });
    } else {
      this.track(e);
      this.callbacks.onEvent(e);
    }
    this.updateWatch();
  }

  /** Notes the end of the page's job and the answer to a reset. */
  private track(e: StreamEvent): void {
    if (e.type === 'backend' || e.type === 'engine') {
      // `engine` follows `backend` and names what trains (tfjs's backend may only stand by).
      this.backend = e.type === 'engine' ? e.report.engine : e.backend;
      this.dog.setBackend(this.backend);
    }
    if (e.type === 'reset-done') this.resetting = false;
    if (this.job === null || !('runId' in e) || e.runId !== this.job) return;
    const refusedStart = e.type === 'refused' && (e.command === 'start' || e.command === 'race' || e.command === 'range-test');
    if (e.type === 'done' || e.type === 'race-done' || e.type === 'range-done' || e.type === 'error' || refusedStart) this.job = null;
  }

  private updateWatch(): void {
    this.dog.watch(this.job !== null ? 'job' : this.resetting || this.pending.size > this.unwatched.size ? 'reply' : null);
  }

  /**
   * Terminates the worker and starts another, leaving out the backend that
   * failed. The page hears of it before the new worker's first message.
   */
  private replace(i: Interruption): void {
    if (!this.worker) return;
    // A stall on WebGL is the GPU's doing far more often than the lab's: do not go back to it.
    const excluded = i.excluded ?? (i.cause === 'stalled' && this.backend === 'webgl' ? 'webgl' : null);
    if (excluded) this.excluded.add(excluded);
    const started = this.heard;
    this.worker.terminate();
    this.worker = null;
    this.job = null;
    this.resetting = false;
    // Nobody will answer these now.
    this.pending.forEach((resolve) => resolve(null));
    this.pending.clear();
    this.unwatched.clear();
    this.updateWatch();
    this.callbacks.onInterrupted({ ...i, excluded });
    // A worker that never said anything may not start at all: the next command tries again instead of looping here.
    if (started) this.ensure();
  }

  private post(c: Command): void {
    this.worker?.postMessage(c);
  }

  /** Sends a job and watches it until its end event. */
  private begin(make: (runId: number) => Command): number {
    this.ensure();
    const runId = this.nextRunId++;
    this.job = runId;
    this.post(make(runId));
    this.updateWatch();
    return runId;
  }

  start(settings: RunSettings, data: DataOptions): number {
    return this.begin((runId) => ({ type: 'start', runId, settings, data }));
  }

  race(settings: RunSettings, runs: RunSettings[], data: DataOptions): number {
    return this.begin((runId) => ({ type: 'race', runId, settings, runs, data }));
  }

  rangeTest(settings: RunSettings, data: DataOptions): number {
    return this.begin((runId) => ({ type: 'range-test', runId, settings, data }));
  }

  pause(runId: number): void {
    this.post({ type: 'pause', runId });
  }

  resume(runId: number): void {
    this.post({ type: 'resume', runId });
  }

  stop(runId: number): void {
    this.post({ type: 'stop', runId });
  }

  /**
   * Answered by reset-done once the worker's job (if any) has ended and the
   * model is dropped. False when there is no worker to ask (and no model).
   */
  reset(): boolean {
    if (!this.worker) return false;
    this.resetting = true;
    this.post({ type: 'reset' });
    this.updateWatch();
    return true;
  }

  setHyper(runId: number, hyper: HyperSettings): void {
    this.post({ type: 'set-hyper', runId, hyper });
  }

  examples(requestId: number, set: EvalSet, trueDigit: number, predictedDigit: number, limit: number): void {
    this.post({ type: 'examples', requestId, set, trueDigit, predictedDigit, limit });
  }

  /** A test hook: only sent when the page was opened with `?faults=1`. */
  fault(fault: Fault): void {
    if (this.options.faults) this.post({ type: 'fault', fault });
  }

  /** Sends a request and resolves with its reply (null if the worker was replaced first). */
  private ask<T extends Reply['type']>(make: (requestId: number) => Command, _type: T, watched = true): Promise<Extract<Reply, { type: T }> | null> {
    this.ensure();
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve as (r: Reply | null) => void);
      if (!watched) this.unwatched.add(requestId);
      const cmd = make(requestId);
      // Weights and pixels are moved, not copied.
      const transfer = cmd.type === 'predict' ? [cmd.pixels.buffer] : cmd.type === 'load-params' ? cmd.params.map((p) => p.buffer) : [];
      this.worker!.postMessage(cmd, transfer as ArrayBuffer[]);
      this.updateWatch();
    });
  }

  predict(pixels: Float32Array) {
    return this.ask((requestId) => ({ type: 'predict', requestId, pixels }), 'prediction');
  }

  /** One image through the model layer by layer, with the current weights (epoch null) or those kept after `epoch`. */
  inspect(pixels: Float32Array, epoch: number | null) {
    return this.ask((requestId) => ({ type: 'inspect', requestId, pixels, epoch }), 'inspection');
  }

  /** The first-layer weights kept after `epoch` (the nearest kept at or before it). */
  replayWeights(epoch: number) {
    return this.ask((requestId) => ({ type: 'replay', requestId, epoch }), 'replay-weights');
  }

  /** The `nth` test image of `digit`, for the drawing pad; answered at once (no image while the data loads). */
  sample(digit: number, nth: number, dataUrl: string) {
    return this.ask((requestId) => ({ type: 'sample', requestId, digit, nth, dataUrl }), 'sample');
  }

  getParams() {
    return this.ask((requestId) => ({ type: 'get-params', requestId }), 'params');
  }

  /** The first `count` training images of a run with `settings`, as its training will see them. */
  augmentPreview(settings: RunSettings, data: DataOptions, count: number) {
    return this.ask((requestId) => ({ type: 'augment-preview', requestId, settings, data, count }), 'augment-preview', false);
  }

  /** Accuracy by rotation of the model the worker holds; the worker reports each forward pass meanwhile, so the watchdog hears it. */
  modelRotation(dataUrl: string) {
    return this.ask((requestId) => ({ type: 'model-rotation', requestId, dataUrl }), 'model-rotation');
  }

  loadParams(arch: Architecture, params: Float32Array[]) {
    return this.ask((requestId) => ({ type: 'load-params', requestId, arch, params }), 'params-loaded');
  }

  dispose(): void {
    this.dog.dispose();
    this.worker?.terminate();
    this.worker = null;
  }
}
