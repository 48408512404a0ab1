/** Telling a software WebGL renderer from a graphics card by its unmasked renderer string. */
import { describe, expect, it } from 'vitest';
import { isEngineId, isSoftwareRenderer, rendererKind } from './engineIds.ts';

describe('the renderer behind WebGL', () => {
  it.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', 'swiftshader'],
    ['Google SwiftShader', 'swiftshader'],
    ['llvmpipe (LLVM 15.0.7, 256 bits)', 'llvmpipe'],
    ['ANGLE (Mesa, llvmpipe (LLVM 15.0.6 256 bits), OpenGL 4.5)', 'llvmpipe'],
    ['ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)', 'software'],
    ['softpipe', 'software'],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)', 'hardware'],
    ['Apple M1', 'hardware'],
    ['Mali-G78', 'hardware'],
    ['', 'unknown'],
  ] as const)('%s → %s', (renderer, kind) => {
    expect(rendererKind(renderer)).toBe(kind);
    expect(isSoftwareRenderer(rendererKind(renderer))).toBe(kind === 'swiftshader' || kind === 'llvmpipe' || kind === 'software');
  });

  it('knows nothing without a string, and reads only engine ids from the page address', () => {
    expect(rendererKind(null)).toBe('unknown');
    expect(['simd', 'webgl', 'wasm', 'cpu', 'gpu', ''].map(isEngineId)).toEqual([true, true, true, true, false, false]);
  });
});
