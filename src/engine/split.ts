/**
 * One stacked engine made of several: runs 0..k-1 in the first part, the
 * next ones in the second, and so on, every part trained on the same batch.
 * The training worker uses it to train a comparison's runs on two threads at
 * once: a part in the worker itself, a part in a helper worker
 * (worker/pool/). The SIMD engine trains each run on its own, one after the
 * other, so splitting the runs changes no number: a split engine gives the
 * very losses and weights of one engine of all the runs (split.test.ts).
 *
 * Parts are started in reverse order: put the parts that compute elsewhere
 * last, so that they work while the first part trains here.
 */
import type { StepHyper } from './engine.ts';
import type { RaceEngine } from './race.ts';

export class SplitRaceEngine implements RaceEngine {
  readonly runs: number;
  private readonly parts: readonly RaceEngine[];
  /** The global index of each part's run 0. */
  private readonly firsts: number[];

  constructor(parts: readonly RaceEngine[]) {
    if (parts.length === 0) throw new Error('a split engine needs at least one part');
    this.parts = parts;
    this.firsts = [];
    let runs = 0;
    for (const p of parts) {
      this.firsts.push(runs);
      runs += p.runs;
    }
    this.runs = runs;
    if (parts.every((p) => p.trainPixels)) {
      this.trainPixels = (pixels, y, n, hypers, noise) => this.eachPart(hypers, (part, own) => part.trainPixels!(pixels, y, n, own, noise));
    }
  }

  get backend(): string {
    return this.parts[0].backend;
  }

  get arch() {
    return this.parts[0].arch;
  }

  get optimizer() {
    return this.parts[0].optimizer;
  }

  trainBatch(x: Float32Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]): void {
    this.eachPart(hypers, (part, own) => part.trainBatch(x, y, n, own, noise));
  }

  /** Present only where every part has it (see RaceEngine.trainPixels). */
  readonly trainPixels?: (pixels: Uint8Array, y: Int32Array, n: number, hypers: readonly StepHyper[], noise?: readonly Float32Array[]) => void;

  /** Calls `train` on every part, last first, with its own runs' hyperparameters. */
  private eachPart(hypers: readonly StepHyper[], train: (part: RaceEngine, own: StepHyper[]) => void): void {
    if (hypers.length !== this.runs) throw new Error(`expected ${this.runs} hyperparameter sets, got ${hypers.length}`);
    for (let i = this.parts.length - 1; i >= 0; i--) {
      const first = this.firsts[i];
      train(this.parts[i], hypers.slice(first, first + this.parts[i].runs));
    }
  }

  /** Every part's queue, interleaved back into batches × R (row = batch, column = global run). */
  async flushLosses(): Promise<Float32Array> {
    const queues = await Promise.all(this.parts.map((p) => p.flushLosses()));
    const batches = queues[0].length / this.parts[0].runs;
    const out = new Float32Array(batches * this.runs);
    queues.forEach((q, i) => {
      const r = this.parts[i].runs;
      if (q.length !== batches * r) throw new Error(`part ${i} read back ${q.length / r} batches, part 0 ${batches}`);
      for (let b = 0; b < batches; b++) out.set(q.subarray(b * r, (b + 1) * r), b * this.runs + this.firsts[i]);
    });
    return out;
  }

  /** R × n × classes, run-major: the parts' blocks one after another. */
  async predictLogProbs(x: Float32Array, n: number): Promise<Float32Array> {
    const blocks = await Promise.all(this.parts.map((p) => p.predictLogProbs(x, n)));
    const out = new Float32Array(blocks.reduce((s, b) => s + b.length, 0));
    let at = 0;
    for (const b of blocks) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }

  getParams(run: number): Promise<Float32Array[]> {
    const [part, local] = this.locate(run);
    return part.getParams(local);
  }

  setParams(run: number, params: Float32Array[]): void {
    const [part, local] = this.locate(run);
    part.setParams(local, params);
  }

  setActive(run: number, active: boolean): void {
    const [part, local] = this.locate(run);
    part.setActive(local, active);
  }

  isActive(run: number): boolean {
    const [part, local] = this.locate(run);
    return part.isActive(local);
  }

  liveTensors(): number {
    return this.parts.reduce((s, p) => s + p.liveTensors(), 0);
  }

  dispose(): void {
    for (const p of this.parts) p.dispose();
  }

  private locate(run: number): [RaceEngine, number] {
    if (!Number.isInteger(run) || run < 0 || run >= this.runs) throw new RangeError(`run ${run} is not in 0..${this.runs - 1}`);
    let i = this.parts.length - 1;
    while (this.firsts[i] > run) i--;
    return [this.parts[i], run - this.firsts[i]];
  }
}
