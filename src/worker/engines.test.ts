/**
 * Choosing the engine, on a fake browser: which tfjs backends start, what
 * WebGL draws with, whether the SIMD engine loads, and how long each engine's
 * step takes on a fake clock. The real engines are timed in the host's tests
 * and the bench.
 */
import { describe, expect, it } from 'vitest';
import type { RaceEngine } from '../engine/race.ts';
import type { SimdEngines } from '../engine/wasm/create.ts';
import { ANN_MNIST } from '../model/architecture.ts';
import type { BackendName } from '../shared/backendNames.ts';
import { BACKEND_ORDER } from '../shared/backendNames.ts';
import type { EngineId, RendererKind } from '../shared/engineIds.ts';
import type { EngineDeps } from './engines.ts';
import { SIMD_MEMORY_LIMIT, selectEngine, simdBytes, simdUnsupported } from './engines.ts';

interface World {
  /** tfjs backends that start. */
  works: BackendName[];
  renderer: RendererKind;
  /** ms per step of each engine. */
  ms: Partial<Record<EngineId, number>>;
  simd: 'relaxed-simd' | 'none' | 'fails-to-load' | 'fails-to-train';
  /** Whether the worker can read the renderer from a context of its own before tfjs's WebGL starts (peekRenderer). */
  peek?: boolean;
  /** The SIMD engine on two threads, where the page allows them: ms per step, or failing to load. Absent: not offered. */
  threaded?: number | 'fails-to-load';
}

/** Fake deps over `world`; `log` lists every backend activated and every engine timed or made, in order. */
function fake(world: World): { deps: EngineDeps; log: string[]; active(): BackendName | null } {
  const clock = { t: 0 };
  const log: string[] = [];
  let active: BackendName | null = null;
  let webglTried = false;
  let peeked = false;
  const engine = (id: EngineId, ms = world.ms[id], label: string = id): RaceEngine => {
    log.push(`make ${label}`);
    if (id === 'simd' && world.simd === 'fails-to-train') throw new Error('out of memory');
    return {
      runs: 1,
      trainBatch: () => {
        clock.t += ms ?? Number.NaN;
      },
      flushLosses: async () => new Float32Array(0),
      dispose: () => {},
    } as unknown as RaceEngine;
  };
  const simd: SimdEngines = {
    level: 'relaxed-simd',
    threads: 1,
    createEngine: () => {
      throw new Error('not used');
    },
    createRaceEngine: () => engine('simd'),
  };
  const deps: EngineDeps = {
    selectBackend: async (preferred, failed = new Set()) => {
      const order = preferred ? [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)] : BACKEND_ORDER;
      for (const b of order) {
        if (failed.has(b)) continue;
        if (b === 'webgl') webglTried = true;
        if (!world.works.includes(b)) continue;
        active = b;
        log.push(`use ${b}`);
        return { backend: b };
      }
      throw new Error('no tfjs backend works');
    },
    createTfjsEngine: () => engine(active!),
    loadSimd: async () => {
      if (world.simd === 'fails-to-load') throw new Error('HTTP 404');
      return world.simd === 'none' ? null : simd;
    },
    ...(world.threaded === undefined
      ? {}
      : {
          loadThreadedSimd: async () => {
            if (world.threaded === 'fails-to-load') throw new Error('no helper');
            const ms = world.threaded;
            return { ...simd, threads: 2, createRaceEngine: () => engine('simd', ms, 'simd on 2 threads') };
          },
        }),
    webglRenderer: () => (webglTried || peeked ? world.renderer : 'unknown'),
    ...(world.peek
      ? {
          peekRenderer: () => {
            peeked = true;
            log.push('peek');
            return world.renderer;
          },
        }
      : {}),
    tfjsThreads: () => 1,
    probeOptions: { warmSteps: 1, minSteps: 2, maxSteps: 4, budgetMs: 1000 },
    clock: () => clock.t,
  };
  return { deps, log, active: () => active };
}

const request = (over: Partial<Parameters<typeof selectEngine>[1]> = {}) => ({ failed: new Set<EngineId>(), arch: ANN_MNIST, batchSize: 64, ...over });
const ALL: BackendName[] = ['webgl', 'wasm', 'cpu'];

describe('choosing the engine by measurement', () => {
  it('times the SIMD engine, WebGL on a graphics card and tfjs wasm, and trains on the fastest; tfjs stands by on its faster backend', async () => {
    const w = fake({ works: ALL, renderer: 'hardware', ms: { simd: 0.5, webgl: 2, wasm: 4 }, simd: 'relaxed-simd' });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'simd', build: 'relaxed-simd', threads: 1, reason: 'measured', renderer: 'hardware', unavailable: [] });
    expect(sel.report.runnerUp).toEqual({ engine: 'webgl', ratio: 4 });
    expect(sel.report.probe?.timings).toEqual([
      { engine: 'simd', msPerStep: 0.5 },
      { engine: 'webgl', msPerStep: 2 },
      { engine: 'wasm', msPerStep: 4 },
    ]);
    expect(sel.report.probe?.batchSize).toBe(64);
    // Each engine: one warm step and four timed ones; the probe's own cost is their sum.
    expect(sel.report.probe?.ms).toBe(5 * (0.5 + 2 + 4));
    expect(sel.simd).not.toBeNull();
    expect(sel.tfjs.backend).toBe('webgl');
    expect(w.active()).toBe('webgl');
  });

  it('trains on WebGL when the graphics card is the fastest', async () => {
    const w = fake({ works: ALL, renderer: 'hardware', ms: { simd: 3, webgl: 1, wasm: 9 }, simd: 'relaxed-simd' });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'webgl', reason: 'measured', runnerUp: { engine: 'simd', ratio: 3 } });
    expect(sel.simd).toBeNull();
    expect(w.active()).toBe('webgl');
  });

  it('does not time WebGL on a software renderer, names the renderer, and leaves tfjs on wasm', async () => {
    const w = fake({ works: ALL, renderer: 'swiftshader', ms: { simd: 0.5, webgl: 56, wasm: 4.5 }, simd: 'relaxed-simd' });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'simd', reason: 'measured', renderer: 'swiftshader', runnerUp: { engine: 'wasm', ratio: 9 } });
    expect(sel.report.probe?.timings.map((t) => t.engine)).toEqual(['simd', 'wasm']);
    expect(w.log).not.toContain('make webgl');
    expect(sel.tfjs.backend).toBe('wasm');
  });

  it('never starts tfjs’s WebGL when a peek shows a software renderer: tfjs begins on wasm, the report still names the renderer', async () => {
    const w = fake({ works: ALL, renderer: 'swiftshader', ms: { simd: 0.5, webgl: 56, wasm: 4.5 }, simd: 'relaxed-simd', peek: true });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'simd', reason: 'measured', renderer: 'swiftshader', unavailable: [], runnerUp: { engine: 'wasm', ratio: 9 } });
    expect(sel.report.probe?.timings.map((t) => t.engine)).toEqual(['simd', 'wasm']);
    expect(w.log).not.toContain('use webgl');
    expect(w.log.slice(0, 2)).toEqual(['peek', 'use wasm']);
    expect(sel.tfjs.backend).toBe('wasm');
  });

  it('a peek at a graphics card changes nothing: WebGL starts and is timed', async () => {
    const w = fake({ works: ALL, renderer: 'hardware', ms: { simd: 0.5, webgl: 2, wasm: 4 }, simd: 'relaxed-simd', peek: true });
    const sel = await selectEngine(w.deps, request());
    expect(w.log).toContain('use webgl');
    expect(sel.report.probe?.timings.map((t) => t.engine)).toEqual(['simd', 'webgl', 'wasm']);
  });

  it('without the SIMD engine a software peek changes nothing: tfjs’s own order, WebGL first, as before there was a choice', async () => {
    const w = fake({ works: ALL, renderer: 'swiftshader', ms: {}, simd: 'none', peek: true });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'webgl', reason: 'default' });
    expect(w.log).not.toContain('peek');
  });

  it('trains on tfjs wasm when it beats the SIMD engine (the choice is the clock’s, not a rule)', async () => {
    const w = fake({ works: ALL, renderer: 'swiftshader', ms: { simd: 5, wasm: 4 }, simd: 'relaxed-simd' });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'wasm', reason: 'measured', runnerUp: { engine: 'simd', ratio: 1.25 } });
    expect(sel.simd).toBeNull();
  });

  it('leaves out an engine whose probe fails, and says so', async () => {
    const w = fake({ works: ALL, renderer: 'hardware', ms: { webgl: 2, wasm: 4 }, simd: 'fails-to-train' });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'webgl', reason: 'measured', unavailable: [{ engine: 'simd', code: 'failed' }] });
  });

  it('without SIMD (or when its build does not load), tfjs’s own order chooses, untimed', async () => {
    for (const simd of ['none', 'fails-to-load'] as const) {
      const w = fake({ works: ['wasm', 'cpu'], renderer: 'unknown', ms: {}, simd });
      const sel = await selectEngine(w.deps, request());
      expect(sel.report).toMatchObject({
        engine: 'wasm',
        reason: 'default',
        unavailable: [
          { engine: 'simd', code: simd === 'none' ? 'no-simd' : 'failed' },
          { engine: 'webgl', code: 'failed' },
        ],
      });
      expect(sel.report.probe).toBeUndefined();
      expect(w.log.filter((l) => l.startsWith('make'))).toEqual([]);
    }
  });
});

describe('one run on two threads, where the page allows them', () => {
  it('times the SIMD engine on one thread and on two, and trains on the faster; the report names its threads and both timings', async () => {
    const w = fake({ works: ALL, renderer: 'swiftshader', ms: { simd: 0.5, wasm: 4.5 }, simd: 'relaxed-simd', peek: true, threaded: 0.25 });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'simd', threads: 2, reason: 'measured', runnerUp: { engine: 'wasm' } });
    // Against the faster SIMD timing: 4.5 / 0.25.
    expect(sel.report.runnerUp?.ratio).toBe(18);
    expect(sel.report.probe?.timings).toEqual([
      { engine: 'simd', msPerStep: 0.5, threads: 1 },
      { engine: 'simd', msPerStep: 0.25, threads: 2 },
      { engine: 'wasm', msPerStep: 4.5 },
    ]);
    expect(sel.simd?.threads).toBe(2);
    expect(w.log).toContain('make simd on 2 threads');
  });

  it('stays on one thread where two are slower (a machine whose two cores are busy, or share their arithmetic)', async () => {
    const w = fake({ works: ALL, renderer: 'swiftshader', ms: { simd: 0.5, wasm: 4.5 }, simd: 'relaxed-simd', peek: true, threaded: 0.6 });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'simd', threads: 1, runnerUp: { engine: 'wasm', ratio: 9 } });
    expect(sel.simd?.threads).toBe(1);
  });

  it('leaves two threads out, quietly, where their build or helper does not load', async () => {
    const w = fake({ works: ALL, renderer: 'swiftshader', ms: { simd: 0.5, wasm: 4.5 }, simd: 'relaxed-simd', peek: true, threaded: 'fails-to-load' });
    const sel = await selectEngine(w.deps, request());
    expect(sel.report).toMatchObject({ engine: 'simd', threads: 1, unavailable: [] });
    expect(sel.report.probe?.timings).toEqual([
      { engine: 'simd', msPerStep: 0.5 },
      { engine: 'wasm', msPerStep: 4.5 },
    ]);
  });

  it('?backend=wasm does not start a helper for the SIMD engine it will not use', async () => {
    let asked = 0;
    const w = fake({ works: ALL, renderer: 'hardware', ms: {}, simd: 'relaxed-simd', threaded: 0.3 });
    const load = w.deps.loadThreadedSimd!;
    w.deps.loadThreadedSimd = () => {
      asked++;
      return load();
    };
    const sel = await selectEngine(w.deps, request({ preferred: 'wasm' }));
    expect(sel.report).toMatchObject({ engine: 'wasm', threads: 1, reason: 'forced' });
    expect(asked).toBe(0);
  });

  it('?backend=simd trains on two threads, untimed', async () => {
    const w = fake({ works: ALL, renderer: 'hardware', ms: {}, simd: 'relaxed-simd', threaded: 0.3 });
    const sel = await selectEngine(w.deps, request({ preferred: 'simd' }));
    expect(sel.report).toMatchObject({ engine: 'simd', threads: 2, reason: 'forced' });
    expect(sel.simd?.threads).toBe(2);
    expect(w.log.filter((l) => l.startsWith('make'))).toEqual([]);
  });
});

describe('an engine named in the page address', () => {
  it('?backend=simd trains on it without a probe; tfjs stands by on wasm, beside it on the CPU, without a WebGL context', async () => {
    const w = fake({ works: ALL, renderer: 'swiftshader', ms: {}, simd: 'relaxed-simd' });
    const sel = await selectEngine(w.deps, request({ preferred: 'simd' }));
    expect(sel.report).toMatchObject({ engine: 'simd', reason: 'forced', renderer: 'unknown' });
    expect(sel.report.probe).toBeUndefined();
    expect(sel.tfjs.backend).toBe('wasm');
    expect(w.log).toEqual(['use wasm']);
  });

  it('?backend=wasm trains on tfjs wasm', async () => {
    const w = fake({ works: ALL, renderer: 'hardware', ms: {}, simd: 'relaxed-simd' });
    const sel = await selectEngine(w.deps, request({ preferred: 'wasm' }));
    expect(sel.report).toMatchObject({ engine: 'wasm', reason: 'forced', unavailable: [] });
    expect(sel.simd).toBeNull();
  });

  it('a named engine that failed earlier, or that this browser lacks: tfjs’s order, and the report names what was asked for and why not', async () => {
    const lost = await selectEngine(
      fake({ works: ALL, renderer: 'hardware', ms: {}, simd: 'relaxed-simd' }).deps,
      request({ preferred: 'webgl', failed: new Set(['webgl']) }),
    );
    expect(lost.report).toMatchObject({
      engine: 'wasm',
      reason: 'forced-unavailable',
      forced: 'webgl',
      unavailable: [{ engine: 'webgl', code: 'failed-earlier' }],
    });

    const noSimd = await selectEngine(fake({ works: ALL, renderer: 'hardware', ms: {}, simd: 'none' }).deps, request({ preferred: 'simd' }));
    expect(noSimd.report).toMatchObject({ engine: 'webgl', reason: 'forced-unavailable', forced: 'simd', unavailable: [{ engine: 'simd', code: 'no-simd' }] });

    const noWebgl = await selectEngine(
      fake({ works: ['wasm', 'cpu'], renderer: 'unknown', ms: {}, simd: 'relaxed-simd' }).deps,
      request({ preferred: 'webgl' }),
    );
    expect(noWebgl.report).toMatchObject({ engine: 'wasm', reason: 'forced-unavailable', forced: 'webgl', unavailable: [{ engine: 'webgl', code: 'failed' }] });
  });
});

describe('what the SIMD engine can hold', () => {
  it('trains every network the lab builds, at its largest batch with six runs of Adam; refuses what would pass its memory limit', () => {
    const largest = { sizes: [784, 1024, 1024, 1024, 1024, 10] };
    expect(simdBytes(largest, 6, 2, 2048)).toBeLessThan(SIMD_MEMORY_LIMIT / 2);
    expect(simdUnsupported(largest, 6, 2, 2048)).toBeNull();
    expect(simdUnsupported({ sizes: [784, 100_000, 10] }, 6, 2, 64)).toBe('memory');
  });
});
