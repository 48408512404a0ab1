/**
 * Every English sentence the page shows about which engine trains, and why:
 * the worker sends codes and numbers (shared/engineIds.ts), this module
 * words them. Kept in one place so that it can move into the translation
 * catalogues as it is.
 *
 * "Backend: WebAssembly SIMD, 1 thread · 9× faster than tfjs wasm and 110×
 * faster than WebGL here; WebGL runs on a software renderer (SwiftShader),
 * which computes on the CPU"
 */
import type { BackendName } from '../shared/backendNames.ts';
import type { EngineId, EngineReport, FallbackCode, RendererKind, UnavailableCode } from '../shared/engineIds.ts';
import { isSoftwareRenderer } from '../shared/engineIds.ts';

export const ENGINE_LABEL = 'Backend';
export const ENGINE_STARTING = 'choosing the fastest engine…';

const RENDERER: Record<RendererKind, string> = {
  hardware: 'GPU',
  swiftshader: 'SwiftShader',
  llvmpipe: 'llvmpipe',
  software: 'a software renderer',
  unknown: 'renderer unknown',
};

/** How an engine is called inside a sentence ("faster than tfjs wasm"). */
const SHORT: Record<EngineId, string> = { simd: 'WebAssembly SIMD', webgl: 'WebGL', wasm: 'tfjs wasm', cpu: 'tfjs cpu' };

const threads = (n: number) => `${n} thread${n === 1 ? '' : 's'}`;

/** The engine's name as the page's backend line shows it: "WebAssembly SIMD, 1 thread", "WebGL (software renderer: SwiftShader)". */
export function engineName(r: Pick<EngineReport, 'engine' | 'threads' | 'renderer' | 'comparisonThreads'>): string {
  switch (r.engine) {
    case 'simd':
      return `WebAssembly SIMD, ${threads(r.threads)}${r.comparisonThreads && r.comparisonThreads > r.threads ? ` (${r.comparisonThreads} for a comparison)` : ''}`;
    case 'webgl':
      if (isSoftwareRenderer(r.renderer)) return r.renderer === 'software' ? 'WebGL (software renderer)' : `WebGL (software renderer: ${RENDERER[r.renderer]})`;
      return r.renderer === 'hardware' ? 'WebGL (GPU)' : 'WebGL';
    case 'wasm':
      return `wasm (WebAssembly, CPU${r.threads > 1 ? `, ${threads(r.threads)}` : ''})`;
    case 'cpu':
      return 'cpu (plain JavaScript)';
  }
}

/** "7×" from 7.3, "1.4×" from 1.43: whole numbers once the gap is large. */
export function times(ratio: number): string {
  return `${ratio >= 3 ? Math.round(ratio) : ratio.toFixed(1)}×`;
}

const UNAVAILABLE: Record<UnavailableCode, (name: string) => string> = {
  'no-simd': (name) => `${name} is not available in this browser`,
  failed: (name) => `${name} did not start`,
  'failed-earlier': (name) => `${name} failed earlier in this session`,
};

/** Why this engine trains, in one clause after the name; null when there is nothing to say. */
export function engineReason(r: EngineReport): string | null {
  switch (r.reason) {
    case 'measured':
      return measuredWords(r);
    case 'default':
      return r.unavailable.length ? `${unavailableWords(r)}; tfjs chose its first working backend` : null;
    case 'forced':
      return `chosen in the page address (?backend=${r.engine})`;
    case 'forced-unavailable': {
      const asked = r.forced ?? r.engine;
      const why = r.unavailable.find((u) => u.engine === asked);
      return `the page address asked for ${SHORT[asked]} (?backend=${asked}), but ${UNAVAILABLE[why?.code ?? 'failed'](SHORT[asked])}`;
    }
  }
}

/** "9× faster than tfjs wasm and 110× faster than WebGL here; WebGL runs on a software renderer (SwiftShader), which computes on the CPU". */
function measuredWords(r: EngineReport): string {
  const chosen = r.probe?.timings.find((t) => t.engine === r.engine);
  const others = (r.probe?.timings ?? []).filter((t) => t.engine !== r.engine && chosen && t.msPerStep > 0);
  if (!chosen || others.length === 0)
    return `the only engine that ran in the start-up test${r.unavailable.length ? `; ${unavailableWords(r)}` : ''}${softwareWebglWords(r)}`;
  const compared = others
    .sort((a, b) => a.msPerStep - b.msPerStep)
    .map((t) => `${times(t.msPerStep / chosen.msPerStep)} faster than ${SHORT[t.engine]}`)
    .join(' and ');
  return `${compared} here${softwareWebglWords(r)}`;
}

/** "; WebGL runs on a software renderer (SwiftShader), which computes on the CPU[, and was not timed]", when it does. */
function softwareWebglWords(r: EngineReport): string {
  if (r.engine === 'webgl' || !isSoftwareRenderer(r.renderer)) return '';
  const timed = r.probe?.timings.some((t) => t.engine === 'webgl');
  const which = r.renderer === 'software' ? '' : ` (${RENDERER[r.renderer]})`;
  return `; WebGL runs on a software renderer${which}, which computes on the CPU${timed ? '' : ', and was not timed'}`;
}

function unavailableWords(r: EngineReport): string {
  return r.unavailable.map((u) => UNAVAILABLE[u.code](SHORT[u.engine])).join('; ');
}

/** The start-up test's own figures: "Start-up test 0.41 s · ms per batch of 64: WebAssembly SIMD 0.52, tfjs wasm 4.3, WebGL 61". */
export function probeWords(r: EngineReport): string | null {
  if (!r.probe) return null;
  const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(0));
  const timings = r.probe.timings.map((t) => `${SHORT[t.engine]} ${ms(t.msPerStep)}`).join(', ');
  const build = r.build === 'relaxed-simd' ? ' · the SIMD engine uses relaxed SIMD’s fused multiply-add' : '';
  return `Start-up test ${(r.probe.ms / 1000).toFixed(2)} s · ms per batch of ${r.probe.batchSize}: ${timings}${build}`;
}

const FALLBACK: Record<FallbackCode, string> = {
  memory: 'the WebAssembly SIMD engine cannot hold this network in its memory',
  failed: 'the WebAssembly SIMD engine could not be started for it',
};

/** A job that trains on tfjs although the SIMD engine was chosen: "This run trains on tfjs wasm: …". */
export function fallbackWords(backend: BackendName, code: FallbackCode): string {
  return `This run trains on ${SHORT[backend]}: ${FALLBACK[code]}.`;
}
