/**
 * PyTorch 1.13's own optimizer updates (test-fixtures/optimizers_pytorch.json)
 * as the engines' tests read them: a 6 → 5 → 3 ReLU MLP, four fixed batches,
 * each case's parameters after every step. One reader for every engine's test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { RaceEngine } from '../engine/race.ts';
import type { OptimizerSpec, StepHyper } from '../shared/optimizer.ts';

export type ParamName = 'fc1.weight' | 'fc1.bias' | 'fc2.weight' | 'fc2.bias';

export interface Fixture {
  batches: { x: number[][]; y: number[] }[];
  initial: Record<ParamName, number[]>;
  shapes: Record<ParamName, [number] | [number, number]>;
  cases: {
    name: string;
    optimizer: 'SGD' | 'Adam' | 'AdamW' | 'RMSprop' | 'Adagrad';
    settings: { lr: number; momentum?: number; nesterov?: boolean; weight_decay?: number };
    steps: { loss_before_step: number; params: Record<ParamName, number[]> }[];
  }[];
}

export const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('../../test-fixtures/optimizers_pytorch.json', import.meta.url)), 'utf8')) as Fixture;
export const ORDER: ParamName[] = ['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias'];
export const arch = { sizes: [6, 5, 3] };

/** PyTorch keeps a weight as [out, in]; the engines as [in, out]. */
export function toEngineLayout(name: ParamName, values: number[]): Float32Array {
  const shape = fixture.shapes[name];
  if (shape.length === 1) return Float32Array.from(values);
  const [out, inputs] = shape;
  const t = new Float32Array(values.length);
  for (let o = 0; o < out; o++) for (let i = 0; i < inputs; i++) t[i * out + o] = values[o * inputs + i];
  return t;
}

/** The fixture's optimizer and settings as the lab describes them (PyTorch's defaults for the rest). */
export function describeCase(c: Fixture['cases'][number]): { spec: OptimizerSpec; hyper: StepHyper } {
  const kind = ({ SGD: 'sgd', Adam: 'adam', AdamW: 'adamw', RMSprop: 'rmsprop', Adagrad: 'adagrad' } as const)[c.optimizer];
  // PyTorch's AdamW decays by 0.01 unless told otherwise; the fixture always says.
  const hyper: StepHyper = { learningRate: c.settings.lr, momentum: c.settings.momentum ?? 0, weightDecay: c.settings.weight_decay ?? 0 };
  return { spec: { kind, nesterov: c.settings.nesterov ?? false }, hyper };
}

export const initial = () => ORDER.map((n) => toEngineLayout(n, fixture.initial[n]));
export const batch = (b: Fixture['batches'][number]) => ({ x: Float32Array.from(b.x.flat()), y: Int32Array.from(b.y), n: b.y.length });

/** Every parameter within 1e-5 of PyTorch's (the fixture README's tolerance). */
export function expectParams(got: Float32Array[], expected: Record<ParamName, number[]>, where: string): void {
  ORDER.forEach((name, i) => {
    const want = toEngineLayout(name, expected[name]);
    let worst = 0;
    for (let k = 0; k < want.length; k++) worst = Math.max(worst, Math.abs(got[i][k] - want[k]));
    expect(worst, `${where}, ${name}: largest difference`).toBeLessThanOrEqual(1e-5);
  });
}

/** A run beside the case's whose every number differs, so the case's values become per-run tensors. */
export const otherRunHyper = (hyper: StepHyper, f: number): StepHyper => ({
  learningRate: hyper.learningRate * f,
  momentum: hyper.momentum * (f > 1 ? 0.5 : 0.9),
  weightDecay: 0.02 * f,
  beta1: 0.8,
  beta2: 0.99,
  epsilon: 1e-6,
  alpha: 0.9,
});

/**
 * Trains case `c` as the middle run of `engine` (a stack of 1 or 3; the
 * others take otherRunHyper's numbers), checking the run's parameters after
 * every step and its losses against PyTorch's. The engine is the caller's.
 */
export async function expectCaseOnStack(engine: RaceEngine, c: Fixture['cases'][number]): Promise<void> {
  const { hyper } = describeCase(c);
  const run = engine.runs === 1 ? 0 : 1;
  const hypers = engine.runs === 1 ? [hyper] : [otherRunHyper(hyper, 0.5), hyper, otherRunHyper(hyper, 2)];
  for (let s = 0; s < c.steps.length; s++) {
    const { x, y, n } = batch(fixture.batches[s]);
    engine.trainBatch(x, y, n, hypers);
    expectParams(await engine.getParams(run), c.steps[s].params, `step ${s + 1}`);
  }
  const losses = await engine.flushLosses();
  c.steps.forEach((st, s) => expect(losses[s * engine.runs + run]).toBeCloseTo(st.loss_before_step, 5));
}
