/**
 * Every optimizer against PyTorch 1.13's own updates (test-fixtures/
 * optimizers_pytorch.json): a 6 → 5 → 3 ReLU MLP, four steps on four fixed
 * batches, each parameter within 1e-5 of PyTorch's after every step. Both
 * tfjs engines, on both backends the tests run: the single-run engine, and
 * the stacked comparison engine with the case as one of its runs.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../../test-support/tf.ts';
import type { OptimizerSpec, StepHyper } from '../../shared/optimizer.ts';
import { arch, batch, describeCase, expectCaseOnStack, fixture, initial } from '../../test-support/optimizerFixture.ts';
import { createTfjsEngine } from './create.ts';
import { TfjsRaceEngine } from './raceEngine.ts';

describe.each(['cpu', 'wasm'] as const)('optimizers against PyTorch on %s', (backend) => {
  let tf: Awaited<ReturnType<typeof useBackend>>;
  beforeAll(async () => {
    tf = await useBackend(backend);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s: single-run engine, four steps', async (_name, c) => {
    const before = tf.memory().numTensors;
    const engine = new TfjsRaceEngine(arch, initial(), 1, describeCase(c).spec);
    await expectCaseOnStack(engine, c);
    engine.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s: as run 1 of a stacked comparison of 3', async (_name, c) => {
    const before = tf.memory().numTensors;
    const engine = new TfjsRaceEngine(arch, initial(), 3, describeCase(c).spec);
    await expectCaseOnStack(engine, c);
    engine.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('optimizer hyperparameters change mid-run', () => {
  beforeAll(async () => {
    await useBackend('cpu');
  });

  it('Adam with β₁ moved after two steps matches an engine that had that β₁ for the last two steps only', async () => {
    // The moments carry over; only the numbers of later steps change.
    const spec: OptimizerSpec = { kind: 'adam' };
    const a = createTfjsEngine(arch, initial(), spec);
    const base: StepHyper = { learningRate: 0.01, momentum: 0 };
    const moved: StepHyper = { ...base, beta1: 0.5 };
    fixture.batches.forEach((b, s) => {
      const { x, y, n } = batch(b);
      a.trainBatch(x, y, n, s < 2 ? base : moved);
    });
    const unchanged = createTfjsEngine(arch, initial(), spec);
    fixture.batches.forEach((b) => {
      const { x, y, n } = batch(b);
      unchanged.trainBatch(x, y, n, base);
    });
    const [pa, pu] = [await a.getParams(), await unchanged.getParams()];
    // The change is real: the weights differ from the run that kept β₁ = 0.9.
    expect(Math.max(...pa[0].map((v, k) => Math.abs(v - pu[0][k])))).toBeGreaterThan(1e-4);
    a.dispose();
    unchanged.dispose();
  });
});
