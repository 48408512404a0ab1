/**
 * Every optimizer of the SIMD engine against PyTorch 1.13's own updates
 * (test-fixtures/optimizers_pytorch.json), as tfjs/optimizers.test.ts checks
 * the tfjs engine: a 6 → 5 → 3 ReLU MLP, four steps on four fixed batches,
 * each parameter within 1e-5 of PyTorch's after every step; as a single run,
 * and as run 1 of a stack of 3 whose other runs differ in every number.
 * Both builds: relaxed SIMD (fused multiply-add) and plain SIMD.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { arch, describeCase, expectCaseOnStack, fixture, initial } from '../../test-support/optimizerFixture.ts';
import type { SimdLevel } from './create.ts';
import { simdEngines, simdModuleUrl } from './create.ts';

// Node 20's V8 has relaxed SIMD behind a flag (Chromium ships it); it must be set before the first compile.
setFlagsFromString('--experimental-wasm-relaxed-simd');
const compiled = (level: SimdLevel) => new WebAssembly.Module(readFileSync(fileURLToPath(simdModuleUrl(level))));

describe.each(['relaxed-simd', 'simd'] as const)('optimizers against PyTorch on the %s build', (level) => {
  const engines = simdEngines(compiled(level), level);

  it('has ten cases covering every optimizer', () => {
    expect(fixture.cases).toHaveLength(10);
    expect(new Set(fixture.cases.map((c) => c.optimizer))).toEqual(new Set(['SGD', 'Adam', 'AdamW', 'RMSprop', 'Adagrad']));
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s: single run, four steps', async (_name, c) => {
    const engine = engines.createRaceEngine(arch, initial(), 1, describeCase(c).spec);
    await expectCaseOnStack(engine, c);
    engine.dispose();
  });

  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s: as run 1 of a stack of 3', async (_name, c) => {
    const engine = engines.createRaceEngine(arch, initial(), 3, describeCase(c).spec);
    await expectCaseOnStack(engine, c);
    // The other runs trained too: their weights moved away from the case's.
    const [p0, p1] = [await engine.getParams(0), await engine.getParams(1)];
    expect(Math.max(...p0[0].map((v, k) => Math.abs(v - p1[0][k])))).toBeGreaterThan(1e-4);
    engine.dispose();
  });
});
