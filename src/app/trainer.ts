/**
 * The page's handle on the training worker: creates it, sends commands,
 * hands every event to the store, and notices when the worker dies. A dead
 * worker is replaced on the next Train; the settings in the form are kept.
 * `terminate()` is the last resort: it loses the trained weights.
 */
import type { RunSettings } from '../shared/settings.ts';
import type { BackendName, Command, DataOptions, EvalSet, WorkerEvent } from '../worker/protocol.ts';

export interface TrainerCallbacks {
  onEvent(e: WorkerEvent): void;
  /** The worker crashed or could not start. */
  onFatal(message: string): void;
}

export class Trainer {
  private worker: Worker | null = null;
  private nextRunId = 1;
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
    w.onmessage = (ev: MessageEvent<WorkerEvent>) => this.callbacks.onEvent(ev.data);
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

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
  }
}
