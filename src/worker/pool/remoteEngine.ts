/**
 * A stacked SIMD engine that lives in a helper worker, driven over a
 * MessagePort (engineServer.ts is the other end). It is a RaceEngine like
 * any other: `trainBatch` posts a copy of the batch and returns at once, so
 * the helper trains while the caller's own engine does; the calls that
 * answer (flush, predict, weights) wait for the helper. Messages on one port
 * arrive in order, so a flush answers after every step posted before it.
 *
 * The batch is copied (about 200 KB at batch 64, tens of microseconds), not
 * shared: the caller refills its buffer for the next batch while the helper
 * may still be training on this one.
 */
import type { StepHyper } from '../../engine/engine.ts';
import type { RaceEngine } from '../../engine/race.ts';
import type { Architecture } from '../../model/architecture.ts';
import type { SimdBuild } from '../../shared/engineIds.ts';
import type { OptimizerSpec } from '../../shared/optimizer.ts';
import type { EngineReply, EngineRequest } from '../protocol.ts';

/** What a remote engine needs of its port: a MessagePort, or anything that posts and listens like one. */
export interface EnginePort {
  postMessage(message: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  start?(): void;
  close?(): void;
}

export interface RemoteSpec {
  build: SimdBuild;
  arch: Architecture;
  /** One run's initial weights; every run starts from them. */
  params: Float32Array[];
  runs: number;
  optimizer: OptimizerSpec;
}

export class RemoteRaceEngine implements RaceEngine {
  readonly arch: Architecture;
  readonly runs: number;
  readonly optimizer: OptimizerSpec;
  readonly backend: string;
  private readonly port: EnginePort;
  private readonly active: boolean[];
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve(values: Float32Array[]): void; reject(e: Error): void }>();
  private disposed = false;

  constructor(port: EnginePort, spec: RemoteSpec) {
    this.port = port;
    this.arch = spec.arch;
    this.runs = spec.runs;
    this.optimizer = spec.optimizer;
    this.backend = `wasm-${spec.build}`;
    this.active = new Array<boolean>(spec.runs).fill(true);
    port.addEventListener('message', (ev: MessageEvent) => this.answer(ev.data as EngineReply));
    port.start?.();
    const params = spec.params.map((p) => p.slice());
    this.post({ type: 'create', build: spec.build, arch: spec.arch, params, runs: spec.runs, optimizer: spec.optimizer }, params);
  }

  trainBatch(x: Float32Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void {
    this.checkLive();
    const inputs = this.arch.sizes[0];
    const batch = x.slice(0, n * inputs);
    const labels = y.slice(0, n);
    const draws = noise?.map((u) => u.slice());
    this.post({ type: 'train', x: batch, y: labels, n, hypers: hypers.map((h) => ({ ...h })), noise: draws }, [batch, labels, ...(draws ?? [])]);
  }

  /** As trainBatch, posting the batch's uint8 pixels: a quarter of the floats' bytes. */
  trainPixels(pixels: Uint8Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void {
    this.checkLive();
    const batch = pixels.slice(0, n * this.arch.sizes[0]);
    const labels = y.slice(0, n);
    const draws = noise?.map((u) => u.slice());
    this.post({ type: 'train-pixels', pixels: batch, y: labels, n, hypers: hypers.map((h) => ({ ...h })), noise: draws }, [batch, labels, ...(draws ?? [])]);
  }

  async flushLosses(): Promise<Float32Array> {
    const [losses] = await this.request({ type: 'flush', id: this.nextId++ });
    return losses;
  }

  async predictLogProbs(x: Float32Array, n: number): Promise<Float32Array> {
    const inputs = x.slice(0, n * this.arch.sizes[0]);
    const [logProbs] = await this.request({ type: 'predict', id: this.nextId++, x: inputs, n }, [inputs]);
    return logProbs;
  }

  getParams(run: number): Promise<Float32Array[]> {
    this.checkRun(run);
    return this.request({ type: 'get-params', id: this.nextId++, run });
  }

  setParams(run: number, params: Float32Array[]): void {
    this.checkRun(run);
    const copies = params.map((p) => p.slice());
    this.post({ type: 'set-params', run, params: copies }, copies);
  }

  setActive(run: number, active: boolean): void {
    this.checkRun(run);
    this.active[run] = active;
    this.post({ type: 'set-active', run, active });
  }

  isActive(run: number): boolean {
    this.checkRun(run);
    return this.active[run];
  }

  /** No tfjs tensors: the weights are in the helper's engine. */
  liveTensors(): number {
    return 0;
  }

  /** Frees the helper's engine and closes the port; anything still waiting fails. */
  dispose(): void {
    if (this.disposed) return;
    this.post({ type: 'dispose' });
    this.disposed = true;
    this.port.close?.();
    for (const w of this.waiting.values()) w.reject(new Error('this engine has been disposed'));
    this.waiting.clear();
  }

  private request(req: Extract<EngineRequest, { id: number }>, transfer: ArrayBufferView[] = []): Promise<Float32Array[]> {
    this.checkLive();
    return new Promise((resolve, reject) => {
      this.waiting.set(req.id, { resolve, reject });
      this.post(req, transfer);
    });
  }

  private answer(reply: EngineReply): void {
    const w = this.waiting.get(reply.id);
    if (!w) return;
    this.waiting.delete(reply.id);
    if (reply.type === 'done') w.resolve(reply.values);
    else w.reject(new Error(reply.message));
  }

  private post(req: EngineRequest, transfer: ArrayBufferView[] = []): void {
    this.port.postMessage(
      req,
      transfer.map((a) => a.buffer as ArrayBuffer),
    );
  }

  private checkLive(): void {
    if (this.disposed) throw new Error('this engine has been disposed');
  }

  private checkRun(run: number): void {
    this.checkLive();
    if (!Number.isInteger(run) || run < 0 || run >= this.runs) throw new RangeError(`run ${run} is not in 0..${this.runs - 1}`);
  }
}
