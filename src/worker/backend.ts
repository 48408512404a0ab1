/**
 * Picks the tfjs backend inside the worker: WebGL first (the GPU), then
 * WebAssembly, then plain JavaScript, each checked with a real computation
 * before it is trusted. The page names the backend in use and, for a
 * fallback, why (from the codes in BackendChoice).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { BACKEND_ORDER } from '../shared/backendNames.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type { RendererKind } from '../shared/engineIds.ts';
import { rendererKind } from '../shared/engineIds.ts';
import type { BackendChoice, BackendSkip } from './protocol.ts';
import { NoBackendError } from './problems.ts';

let wasmRegistered = false;
/** tfjs-backend-wasm's module, once loaded (it reports its thread count). */
let wasmModule: typeof import('@tensorflow/tfjs-backend-wasm') | null = null;
/** The unmasked renderer string of the first WebGL context tfjs made; null before (or if the browser hides it). */
let renderer: string | null = null;

async function prepare(name: BackendName): Promise<void> {
  // Loaded when first tried: where WebGL draws in software, the SIMD engine and tfjs's wasm are timed instead
  // and WebGL never starts (engines.ts), so its 0.5 MB of script would only be compiled and run for nothing.
  if (name === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  if (name === 'wasm' && !wasmRegistered) {
    // Loaded on demand: most sessions never need it.
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasmModule = wasm;
    // Its threaded build, which tfjs picks on a cross-origin isolated page, starts its threads from a script
    // inlined as a blob that fails inside this bundle ("e is not defined", each thread an uncaught error):
    // the single-threaded SIMD build, as on a page that is not isolated.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlain,
      'tfjs-backend-wasm-simd.wasm': wasmSimd,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
    });
    wasmRegistered = true;
  }
}

/** Activates `name` and proves it computes; the reason it does not, or null when it does. */
async function tryBackend(name: BackendName): Promise<BackendSkip | null> {
  try {
    await prepare(name);
    if (!(await tf.setBackend(name))) return { backend: name, why: 'did-not-start' };
    const t = tf.tidy(() => tf.matMul(tf.ones([2, 3]), tf.ones([3, 2])));
    const v = await t.data();
    t.dispose();
    if (v[0] !== 3) return { backend: name, why: 'wrong-result' };
    if (name === 'webgl' && tf.env().getNumber('WEBGL_VERSION') < 1) return { backend: name, why: 'no-webgl' };
    if (name === 'webgl') renderer ??= unmaskedRenderer(webglContext());
    return null;
  } catch (e) {
    return { backend: name, why: 'threw', detail: e instanceof Error ? e.message : String(e) };
  }
}

/** The renderer behind a context, unmasked where the browser allows (WEBGL_debug_renderer_info), else its masked name. */
function unmaskedRenderer(gl: WebGLRenderingContext | null): string | null {
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  return typeof name === 'string' ? name : null;
}

/** What WebGL draws with (a software renderer computes on the CPU); 'unknown' until WebGL has started or been peeked at. */
export function webglRenderer(): RendererKind {
  return rendererKind(renderer);
}

/**
 * What WebGL would draw with, read from a context of its own that is
 * released at once, without starting tfjs's WebGL backend. On a software
 * renderer that backend is not timed (engines.ts), and starting it anyway
 * (a context, its capability checks and a test product, each a shader
 * compiled on the CPU) took 1.4-1.8 s of a fresh page on this project's
 * 2-core machine, while the data downloaded; this takes 20-30 ms.
 */
export function peekWebglRenderer(): RendererKind {
  if (renderer === null && typeof OffscreenCanvas !== 'undefined') {
    try {
      const canvas = new OffscreenCanvas(1, 1);
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
      renderer = unmaskedRenderer(gl);
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      // No WebGL here: tfjs's own order finds that out.
    }
  }
  return rendererKind(renderer);
}

/** Threads tfjs computes with on `backend`: its wasm backend runs a pool where the page is cross-origin isolated. */
export function tfjsThreads(backend: BackendName): number {
  return backend === 'wasm' && wasmModule && tf.getBackend() === 'wasm' ? wasmModule.getThreadsCount() : 1;
}

type LostListener = (backend: BackendName) => void;
let onLost: LostListener | null = null;
/** Canvases already watched: tfjs keeps one context per WebGL version and may hand out the same canvas again. */
const watched = new WeakSet<object>();

/** The WebGL backend's context, while WebGL is the active backend. */
function webglContext(): WebGLRenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  const b = tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } };
  return b.gpgpu?.gl ?? null;
}

/**
 * Calls `listener` when the WebGL context goes away. tfjs does not notice a
 * lost context: its readbacks poll a fence that never signals, and training
 * waits for ever. The canvas's own event says it at once.
 */
export function watchBackend(listener: LostListener): void {
  onLost = listener;
  watchCanvas();
}

function watchCanvas(): void {
  // An OffscreenCanvas in the worker; the worker's DOM types do not name it on the context.
  const canvas = (webglContext() as { canvas?: EventTarget } | null)?.canvas;
  if (!canvas || !onLost || watched.has(canvas)) return;
  watched.add(canvas);
  canvas.addEventListener('webglcontextlost', () => onLost?.('webgl'));
}

/** The worker's live tfjs tensors (every backend's), for leak checks. */
export function liveTensors(): number {
  return tf.memory().numTensors;
}

/** A test fault: loses the WebGL context as a GPU reset would (WEBGL_lose_context). False when not on WebGL. */
export function loseWebGLContext(): boolean {
  const ext = webglContext()?.getExtension('WEBGL_lose_context');
  if (!ext) return false;
  ext.loseContext();
  return true;
}

/**
 * Tries `preferred` (if given) and then the default order, skipping `failed`.
 * The reason lists the backends passed over and why; throws NoBackendError
 * when none works.
 */
export async function selectBackend(preferred?: BackendName, failed: ReadonlySet<BackendName> = new Set()): Promise<BackendChoice> {
  const order = preferred ? [preferred, ...BACKEND_ORDER.filter((b) => b !== preferred)] : [...BACKEND_ORDER];
  const skipped: BackendSkip[] = [];
  for (const name of order) {
    const skip: BackendSkip | null = failed.has(name) ? { backend: name, why: 'failed-earlier' } : await tryBackend(name);
    if (skip) {
      skipped.push(skip);
      continue;
    }
    watchCanvas();
    if (skipped.length > 0) return { backend: name, reason: { kind: 'fallback', skipped } };
    return name === 'webgl' ? { backend: name } : { backend: name, reason: { kind: 'chosen' } };
  }
  throw new NoBackendError(skipped);
}
