/**
 * The page's handle on the training worker: creates it, sends commands,
 * hands every event to the store, and notices when the worker dies. A dead
 * worker is replaced on the next Train; the settings in the form are kept.
 * `terminate()` is the last resort: it loses the trained weights.
 */
import type { RunSettings } from '../shared/settings.ts';
import type { RaceRunHyper } from '../shared/raceRuns.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type { Command, DataOptions, EvalSet, Reply, StreamEvent, WorkerEvent } from '../worker/protocol.ts';
import { isReply } from '../worker/protocol.ts';

export interface TrainerCallbacks {
  onEvent(e: StreamEvent): void;
  /** The worker crashed or could not start. */
  onFatal(message: string): void;
}

export class Trainer {
  private worker: Worker | null = null;
  private nextRunId = 1;
  private nextRequestId = 1;
  /** Requests waiting for their reply, by requestId. */
  private pending = new Map<number, (r: Reply | null) => void>();
  private readonly callbacks: TrainerCallbacks;
  private readonly preferredBackend?: BackendName;

  constructor(callbacks: TrainerCallbacks, preferredBackend?: BackendName) {
    this.callbacks = callbacks;
    this.preferredBackend = preferredBackend;
  }

  /** Starts the worker (and its backend selection) if it is not running. */
  ensure(prefetch?: { dataUrl: string; batchSize: number }): void {
    if (this.worker) return;
    const w = new Worker(new URL('../worker/entry.ts', import.meta.url), { type: 'module', name: 'mnist-lab-trainer' });
    w.onmessage = (ev: MessageEvent<WorkerEvent>) => {
      const e = ev.data;
      if (isReply(e)) {
        this.pending.get(e.requestId)?.(e);
        this.pending.delete(e.requestId);
      } else this.callbacks.onEvent(e);
    };
    w.onerror = (ev) => {
      ev.preventDefault();
      this.die(`The training worker stopped unexpectedly${ev.message ? ` (${ev.message})` : ''}. Your settings are kept: press Train to start a new worker.`);
    };
    w.onmessageerror = () => this.die('The training worker sent a message the page could not read. Press Train to start a new worker.');
    this.worker = w;
    this.post({ type: 'init', preferredBackend: this.preferredBackend, prefetch });
  }

  private die(message: string): void {
    this.worker?.terminate();
    this.worker = null;
    // Nobody will answer these now.
    this.pending.forEach((resolve) => resolve(null));
    this.pending.clear();
    this.callbacks.onFatal(message);
  }

  private post(c: Command): void {
    this.worker?.postMessage(c);
  }

  start(settings: RunSettings, data: DataOptions): number {
    this.ensure();
    const runId = this.nextRunId++;
    this.post({ type: 'start', runId, settings, data });
    return runId;
  }

  race(settings: RunSettings, runs: RaceRunHyper[], data: DataOptions): number {
    this.ensure();
    const runId = this.nextRunId++;
    this.post({ type: 'race', runId, settings, runs, data });
    return runId;
  }

  rangeTest(settings: RunSettings, data: DataOptions): number {
    this.ensure();
    const runId = this.nextRunId++;
    this.post({ type: 'range-test', runId, settings, data });
    return runId;
  }

  pause(): void {
    this.post({ type: 'pause' });
  }

  resume(): void {
    this.post({ type: 'resume' });
  }

  stop(): void {
    this.post({ type: 'stop' });
  }

  reset(): void {
    this.post({ type: 'reset' });
  }

  setHyper(learningRate: number, momentum: number): void {
    this.post({ type: 'set-hyper', learningRate, momentum });
  }

  examples(requestId: number, set: EvalSet, trueDigit: number, predictedDigit: number, limit: number): void {
    this.post({ type: 'examples', requestId, set, trueDigit, predictedDigit, limit });
  }

  /** Sends a request and resolves with its reply (null if the worker died first). */
  private ask<T extends Reply['type']>(make: (requestId: number) => Command, _type: T): Promise<Extract<Reply, { type: T }> | null> {
    this.ensure();
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      this.pending.set(requestId, resolve as (r: Reply | null) => void);
      const cmd = make(requestId);
      // Weights and pixels are moved, not copied.
      const transfer = cmd.type === 'predict' ? [cmd.pixels.buffer] : cmd.type === 'load-params' ? cmd.params.map((p) => p.buffer) : [];
      this.worker!.postMessage(cmd, transfer as ArrayBuffer[]);
    });
  }

  predict(pixels: Float32Array) {
    return this.ask((requestId) => ({ type: 'predict', requestId, pixels }), 'prediction');
  }

  getParams() {
    return this.ask((requestId) => ({ type: 'get-params', requestId }), 'params');
  }

  loadParams(params: Float32Array[]) {
    return this.ask((requestId) => ({ type: 'load-params', requestId, params }), 'params-loaded');
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
