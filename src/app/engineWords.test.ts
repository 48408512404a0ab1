/** The page's words for the worker's engine report: names, reasons, the probe's figures, a run's fallback; in English and Brazilian Portuguese. */
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../i18n/index.ts';
import type { EngineReport } from '../shared/engineIds.ts';
import { engineName, engineReason, fallbackWords, probeWords, times } from './engineWords.ts';

afterEach(() => void i18n.changeLanguage('en'));

const measured: EngineReport = {
  engine: 'simd',
  build: 'relaxed-simd',
  threads: 1,
  reason: 'measured',
  runnerUp: { engine: 'wasm', ratio: 8.7 },
  probe: {
    batchSize: 64,
    ms: 143,
    timings: [
      { engine: 'simd', msPerStep: 0.52 },
      { engine: 'wasm', msPerStep: 4.5 },
    ],
  },
  renderer: 'swiftshader',
  unavailable: [],
};

/** The SIMD engine timed on one thread and on two, and trained on two. */
const two: EngineReport = {
  ...measured,
  threads: 2,
  probe: {
    ...measured.probe!,
    timings: [
      { engine: 'simd', msPerStep: 0.52, threads: 1 },
      { engine: 'simd', msPerStep: 0.4, threads: 2 },
      { engine: 'wasm', msPerStep: 4.5 },
    ],
  },
};

describe('the engine in words', () => {
  it('names the SIMD engine with its threads, and WebGL by what it runs on, never a software renderer as a GPU', () => {
    expect(engineName(measured)).toBe('WebAssembly SIMD, 1 thread');
    expect(engineName({ ...measured, comparisonThreads: 2 })).toBe('WebAssembly SIMD, 1 thread (2 for a comparison)');
    expect(engineName({ engine: 'webgl', threads: 1, renderer: 'swiftshader' })).toBe('WebGL (software renderer: SwiftShader)');
    expect(engineName({ engine: 'webgl', threads: 1, renderer: 'llvmpipe' })).toBe('WebGL (software renderer: llvmpipe)');
    expect(engineName({ engine: 'webgl', threads: 1, renderer: 'hardware' })).toBe('WebGL (GPU)');
    expect(engineName({ engine: 'webgl', threads: 1, renderer: 'unknown' })).toBe('WebGL');
    expect(engineName({ engine: 'wasm', threads: 2, renderer: 'unknown' })).toBe('wasm (WebAssembly, CPU, 2 threads)');
  });

  it('says how much faster the chosen engine was than each one timed, and that a software WebGL was not timed', () => {
    expect(engineReason(measured)).toBe(
      '9× faster than tfjs wasm here; WebGL runs on a software renderer (SwiftShader), which computes on the CPU, and was not timed',
    );
    const withWebgl: EngineReport = {
      ...measured,
      probe: { ...measured.probe!, timings: [...measured.probe!.timings, { engine: 'webgl', msPerStep: 3.64 }] },
      runnerUp: { engine: 'webgl', ratio: 7 },
    };
    expect(engineReason(withWebgl)).toBe(
      '7× faster than WebGL and 9× faster than tfjs wasm here; WebGL runs on a software renderer (SwiftShader), which computes on the CPU',
    );
    expect(times(1.43)).toBe('1.4×');
  });

  it('names an engine asked for in the page address, and why another trains when it cannot', () => {
    expect(engineReason({ ...measured, reason: 'forced', probe: undefined })).toBe('chosen in the page address (?backend=simd)');
    const lost: EngineReport = {
      engine: 'wasm',
      threads: 1,
      reason: 'forced-unavailable',
      forced: 'webgl',
      renderer: 'unknown',
      unavailable: [{ engine: 'webgl', code: 'failed-earlier' }],
    };
    expect(engineReason(lost)).toBe('the page address asked for WebGL (?backend=webgl), but WebGL failed earlier in this session');
    expect(engineReason({ ...lost, forced: 'simd', unavailable: [{ engine: 'simd', code: 'no-simd' }] })).toMatch(
      /asked for WebAssembly SIMD \(\?backend=simd\), but WebAssembly SIMD is not available in this browser/,
    );
    expect(engineReason({ ...lost, reason: 'default', unavailable: [] })).toBeNull();
    const fellBack: EngineReport = { ...lost, reason: 'default', unavailable: [{ engine: 'webgl', code: 'failed' }] };
    expect(engineReason(fellBack)).toBe('WebGL did not start; tfjs chose its first working backend');
    // The page already shows tfjs's own reason (which backend failed and how): no second clause saying less.
    expect(engineReason(fellBack, true)).toBeNull();
  });

  it('on two threads: compares the SIMD engine with itself on one thread too, and labels each timing with its threads', () => {
    expect(engineName(two)).toBe('WebAssembly SIMD, 2 threads');
    expect(engineReason(two)).toMatch(/^1\.3× faster than on 1 thread and 11× faster than tfjs wasm here; /);
    expect(probeWords(two)).toMatch(/ms per batch of 64: WebAssembly SIMD \(1 thread\) 0\.52, WebAssembly SIMD \(2 threads\) 0\.40, tfjs wasm 4\.50/);
    // Two threads timed and found slower: one thread trains, 1.3× faster than on two.
    expect(
      engineReason({
        ...two,
        threads: 1,
        probe: { ...two.probe!, timings: [{ ...two.probe!.timings[0], msPerStep: 0.4 }, { ...two.probe!.timings[1], msPerStep: 0.52 }, two.probe!.timings[2]] },
      }),
    ).toMatch(/^1\.3× faster than on 2 threads and 11× faster than tfjs wasm here/);
  });

  it('gives the start-up test’s own figures, and a run’s fallback', () => {
    expect(probeWords(measured)).toBe(
      'Start-up test 0.14 s · ms per batch of 64: WebAssembly SIMD 0.52, tfjs wasm 4.50 · the SIMD engine uses relaxed SIMD’s fused multiply-add',
    );
    expect(probeWords({ ...measured, probe: undefined })).toBeNull();
    expect(fallbackWords('wasm', 'memory')).toBe('This run trains on tfjs wasm: the WebAssembly SIMD engine cannot hold this network in its memory.');
  });
});

describe('em português', () => {
  it('names the engine, why it trains and the start-up test with the decimal comma', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(engineName({ ...measured, comparisonThreads: 2 })).toBe('WebAssembly SIMD, 1 thread (2 numa comparação)');
    expect(engineName({ engine: 'webgl', threads: 1, renderer: 'swiftshader' })).toBe('WebGL (renderizador por software: SwiftShader)');
    expect(engineReason(measured)).toBe(
      '9× mais rápido que tfjs wasm aqui; o WebGL roda num renderizador por software (SwiftShader), que calcula na CPU, e não foi cronometrado',
    );
    expect(times(1.43)).toBe('1,4×');
    expect(probeWords(measured)).toBe(
      'Teste inicial 0,14 s · ms por lote de 64: WebAssembly SIMD 0,52, tfjs wasm 4,50 · o motor SIMD usa a multiplicação-adição fundida (FMA) do relaxed SIMD',
    );
    expect(fallbackWords('wasm', 'memory')).toBe('Este treino roda em tfjs wasm: o motor WebAssembly SIMD não comporta esta rede na memória dele.');
  });

  it('words two threads: the name, the comparison with one thread, each timing with its threads', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(engineName(two)).toBe('WebAssembly SIMD, 2 threads');
    expect(engineReason(two)).toMatch(/^1,3× mais rápido que com 1 thread e 11× mais rápido que tfjs wasm aqui; /);
    expect(probeWords(two)).toMatch(/WebAssembly SIMD \(1 thread\) 0,52, WebAssembly SIMD \(2 threads\) 0,40, tfjs wasm 4,50/);
  });
});
