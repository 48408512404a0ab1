/**
 * Choosing and loading a build: the feature probes, the fallback to tfjs
 * (null) without SIMD, and loading a build over fetch as the worker will.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSimdEngines, simdModuleUrl, simdSupport } from './create.ts';

setFlagsFromString('--experimental-wasm-relaxed-simd');

describe('choosing and loading a build of the SIMD engine', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('takes relaxed SIMD where the runtime validates it, plain SIMD where only that, and nothing (tfjs) without SIMD', async () => {
    expect(simdSupport()).toBe('relaxed-simd');
    // A runtime without relaxed SIMD rejects the module that uses it, and the other.
    const relaxedModule = readFileSync(fileURLToPath(simdModuleUrl('relaxed-simd')));
    const validate = WebAssembly.validate;
    const withoutRelaxed = vi.spyOn(WebAssembly, 'validate').mockImplementation((bytes) => {
      const b = new Uint8Array(bytes as ArrayBuffer);
      // f32x4.relaxed_madd is 0xfd 0x85 0x02.
      for (let i = 0; i + 2 < b.length; i++) if (b[i] === 0xfd && b[i + 1] === 0x85 && b[i + 2] === 0x02) return false;
      return validate(bytes);
    });
    expect(WebAssembly.validate(relaxedModule)).toBe(false);
    expect(simdSupport()).toBe('simd');
    withoutRelaxed.mockReturnValue(false);
    expect(simdSupport()).toBeNull();
    expect(await loadSimdEngines()).toBeNull();
  });

  it('fetches and compiles the build, whose engines train', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (url: URL) => {
      fetched.push(url.pathname);
      return new Response(readFileSync(fileURLToPath(url)));
    });
    const engines = await loadSimdEngines('simd');
    expect(fetched).toEqual([fileURLToPath(simdModuleUrl('simd'))]);
    expect(engines?.level).toBe('simd');
    const arch = { sizes: [4, 3] };
    const engine = engines!.createEngine(arch, [new Float32Array(12).fill(0.1), new Float32Array(3)]);
    engine.trainBatch(new Float32Array([1, 0, 0, 1]), new Int32Array([2]), 1, { learningRate: 0.5, momentum: 0 });
    const [loss] = await engine.flushLosses();
    // Equal logits: the first loss is ln 3.
    expect(loss).toBeCloseTo(Math.log(3), 6);
    expect(engine.backend).toBe('wasm-simd');
  });

  it('says so when the build cannot be fetched', async () => {
    vi.stubGlobal('fetch', async () => new Response('not here', { status: 404 }));
    await expect(loadSimdEngines('relaxed-simd')).rejects.toThrow(/HTTP 404/);
  });
});
