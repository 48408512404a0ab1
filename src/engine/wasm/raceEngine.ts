/**
 * The CPU training engine written for this family of networks: dense layers,
 * an activation, log-softmax and NLL, every optimizer of the lab and seeded
 * dropout, in WebAssembly with 128-bit SIMD (assembly/*.as, driven by
 * network.ts). It implements the same RaceEngine as the tfjs engine, on the
 * same numbers: see contract.test.ts.
 *
 * R runs are R independent weight sets in one linear memory, trained one
 * after the other on the batch, which is written into that memory once per
 * step. Nothing is allocated per batch but the losses' queue when it doubles.
 *
 * A frozen run (setActive false) takes no step: its weights and optimizer
 * state stay exactly as they are. Nor does it take a forward pass: its loss
 * column holds NaN, which nobody reads (the training core has ended the run).
 * A race's diverged run used to cost half a run's step per batch here.
 */
import type { Architecture } from '../../model/architecture.ts';
import { paramShapes } from '../../model/architecture.ts';
import type { OptimizerSpec, StepHyper } from '../../shared/optimizer.ts';
import { SGD, fullHyper } from '../../shared/optimizer.ts';
import type { SimdBuild } from '../../shared/engineIds.ts';
import type { RaceEngine } from '../race.ts';
import { SimdNetwork } from './network.ts';
import type { Team } from './team.ts';

/** Which build of the module an engine runs: relaxed SIMD's fused multiply-add, or plain SIMD. */
export type SimdLevel = SimdBuild;

export class WasmRaceEngine implements RaceEngine {
  readonly arch: Architecture;
  readonly runs: number;
  readonly optimizer: OptimizerSpec;
  readonly backend: string;
  private readonly net: SimdNetwork;
  private readonly active: boolean[];
  /** Steps taken: Adam's t, shared by every run, as in the tfjs engine. */
  private steps = 0;
  /** Losses queued since the last flush, batches × R; `queued` of them are real. */
  private queue = new Float32Array(64);
  private queued = 0;
  private disposed = false;

  private readonly team: Team | null;

  /**
   * `initial` is ONE run's parameters (paramShapes order); every run starts
   * from them. `shared`: a shared build's memory and the team that makes
   * half of each large product in its helper (team.ts); the engine disposes
   * the team with itself.
   */
  constructor(
    module: WebAssembly.Module,
    level: SimdLevel,
    arch: Architecture,
    initial: Float32Array[],
    runs: number,
    optimizer: OptimizerSpec = SGD,
    shared?: { memory: WebAssembly.Memory; team: Team | null },
  ) {
    if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`a race needs a whole number of runs ≥ 1, got ${runs}`);
    const shapes = paramShapes(arch);
    if (initial.length !== shapes.length) throw new Error(`expected ${shapes.length} parameter arrays, got ${initial.length}`);
    this.arch = arch;
    this.runs = runs;
    this.optimizer = optimizer;
    this.backend = `wasm-${level}`;
    this.team = shared?.team ?? null;
    this.net = new SimdNetwork(module, arch, runs, optimizer, shared);
    this.active = new Array<boolean>(runs).fill(true);
    for (let r = 0; r < runs; r++) this.net.writeParams(r, initial);
  }

  trainBatch(x: Float32Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void {
    this.step(() => this.net.loadInputs(x, n, true), y, n, hypers, noise);
  }

  /** trainBatch from the images' uint8 pixels, scaled to [0, 1] in the module (network.loadPixels). */
  trainPixels(pixels: Uint8Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void {
    this.step(() => this.net.loadPixels(pixels, n, true), y, n, hypers, noise);
  }

  /** One step of every active run, the batch's inputs put in memory by `loadInputs` (floats or bytes). */
  private step(loadInputs: () => void, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void {
    this.checkLive();
    if (hypers.length !== this.runs) throw new Error(`expected ${this.runs} hyperparameter sets, got ${hypers.length}`);
    const rates = hypers.map((h) => h.dropout ?? 0);
    const dropping = rates.some((r) => r > 0);
    if (dropping && noise?.length !== this.arch.sizes.length - 2) throw new Error('dropout needs one array of uniform draws per hidden layer');
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`a batch needs a whole number of examples ≥ 1, got ${n}`);
    const { net } = this;
    net.reserve(n);
    loadInputs();
    net.loadTargets(y, n, dropping ? noise : undefined);
    this.steps++;
    for (let r = 0; r < this.runs; r++) {
      if (!this.active[r]) {
        this.enqueue(Number.NaN);
        continue;
      }
      net.forward(r, n, rates[r]);
      this.enqueue(net.loss(n, true));
      net.backward(r, n, fullHyper(this.optimizer.kind, hypers[r]), rates[r], this.steps);
    }
  }

  async flushLosses(): Promise<Float32Array> {
    this.checkLive();
    const losses = this.queue.slice(0, this.queued);
    this.queued = 0;
    return losses;
  }

  async predictLogProbs(x: Float32Array, n: number): Promise<Float32Array> {
    this.checkLive();
    const { net } = this;
    const { classes } = net;
    const out = new Float32Array(this.runs * n * classes);
    for (let start = 0; start < n; start += net.rows) {
      const m = Math.min(net.rows, n - start);
      net.loadInputs(x.subarray(start * net.inputs), m, false);
      for (let r = 0; r < this.runs; r++) {
        net.forward(r, m, 0);
        out.set(net.logProbs(m), (r * n + start) * classes);
      }
    }
    return out;
  }

  async getParams(run: number): Promise<Float32Array[]> {
    this.checkRun(run);
    return this.net.readParams(run);
  }

  setParams(run: number, params: Float32Array[]): void {
    this.checkRun(run);
    this.net.writeParams(run, params);
  }

  setActive(run: number, active: boolean): void {
    this.checkRun(run);
    this.active[run] = active;
  }

  isActive(run: number): boolean {
    this.checkRun(run);
    return this.active[run];
  }

  /** No tfjs tensors: everything is in the one linear memory (memoryBytes). */
  liveTensors(): number {
    return 0;
  }

  /** The linear memory's size; it grows only for a larger batch than any before. */
  get memoryBytes(): number {
    return this.net.memoryBytes;
  }

  /** The instance and its memory go with the last reference to this engine (a team's helper is let go now); calls after this one throw. */
  dispose(): void {
    this.disposed = true;
    this.team?.dispose();
  }

  private enqueue(loss: number): void {
    if (this.queued === this.queue.length) {
      const grown = new Float32Array(this.queue.length * 2);
      grown.set(this.queue);
      this.queue = grown;
    }
    this.queue[this.queued++] = loss;
  }

  private checkLive(): void {
    if (this.disposed) throw new Error('this engine has been disposed');
  }

  private checkRun(run: number): void {
    this.checkLive();
    if (!Number.isInteger(run) || run < 0 || run >= this.runs) throw new RangeError(`run ${run} is not in 0..${this.runs - 1}`);
  }
}
