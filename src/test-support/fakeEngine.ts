/**
 * Engines without tfjs for the host's protocol tests: they train nothing,
 * answer at once, and can be held at a readback or an evaluation chunk, so a
 * test can keep a job in one state (loading, training, testing) for as long
 * as it likes, the way a slow or lost GPU would.
 */
import type { Mnist } from '../data/load.ts';
import type { StepHyper } from '../engine/engine.ts';
import type { RaceEngine } from '../engine/race.ts';
import type { Architecture } from '../model/architecture.ts';

/** Holds an engine's awaited operations while `holds` says so, until release(). */
export class Gate {
  private waiting: Array<() => void> = [];
  /** Which operations wait: a readback, or an evaluation chunk of `n` images. */
  holds: { flush?: boolean; predict?: (n: number) => boolean } = {};

  async pass(op: 'flush' | 'predict', n = 0): Promise<void> {
    const held = op === 'flush' ? this.holds.flush : this.holds.predict?.(n);
    if (held) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Stops holding and lets every waiting operation go on. */
  release(): void {
    this.holds = {};
    const waiting = this.waiting;
    this.waiting = [];
    waiting.forEach((go) => go());
  }

  get held(): number {
    return this.waiting.length;
  }
}

const CLASSES = 10;
const UNIFORM = Math.log(1 / CLASSES);

/** A loss that falls a little with every batch, so curves look like curves. */
const lossAt = (step: number) => 2.3 * 0.99 ** step;

export class FakeRaceEngine implements RaceEngine {
  readonly backend = 'fake';
  readonly optimizer = { kind: 'sgd' } as const;
  private pending: number[] = [];
  private steps = 0;
  private readonly active: boolean[];

  constructor(
    readonly arch: Architecture,
    private readonly params: Float32Array[],
    readonly runs: number,
    private readonly gate: Gate,
  ) {
    this.active = Array.from({ length: runs }, () => true);
  }

  trainBatch(_x: Float32Array, _y: Int32Array, _n: number, _hypers: readonly StepHyper[]): void {
    const loss = lossAt(this.steps++);
    for (let r = 0; r < this.runs; r++) this.pending.push(loss);
  }

  async flushLosses(): Promise<Float32Array> {
    await this.gate.pass('flush');
    const losses = Float32Array.from(this.pending);
    this.pending = [];
    return losses;
  }

  async predictLogProbs(_x: Float32Array, n: number): Promise<Float32Array> {
    await this.gate.pass('predict', n);
    return new Float32Array(this.runs * n * CLASSES).fill(UNIFORM);
  }

  setParams(_run: number, params: Float32Array[]): void {
    params.forEach((p, i) => this.params[i].set(p));
  }

  async getParams(_run: number): Promise<Float32Array[]> {
    return this.params.map((p) => p.slice());
  }

  setActive(run: number, active: boolean): void {
    this.active[run] = active;
  }

  isActive(run: number): boolean {
    return this.active[run];
  }

  liveTensors(): number {
    return 0;
  }

  dispose(): void {}
}

/** A small stand-in for MNIST: blank images, labels cycling through the digits. */
export function tinyMnist(trainCount = 300, testCount = 100): Mnist {
  const set = (count: number) => ({ images: new Uint8Array(count * 784), labels: Uint8Array.from({ length: count }, (_, i) => i % CLASSES), count });
  return { train: set(trainCount), test: set(testCount) };
}
