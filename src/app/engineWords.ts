/**
 * What the page says about which engine trains, and why, in the page's
 * language (i18n area `engine`): the worker sends codes and numbers
 * (shared/engineIds.ts), this module words them when shown, so a switch of
 * language re-words them.
 *
 * "WebAssembly SIMD, 1 thread · 9× faster than tfjs wasm here; WebGL runs on
 * a software renderer (SwiftShader), which computes on the CPU, and was not
 * timed"
 */
import { i18n } from '../i18n/index.ts';
import type { BackendName } from '../shared/backendNames.ts';
import type { EngineId, EngineReport, FallbackCode } from '../shared/engineIds.ts';
import { isSoftwareRenderer } from '../shared/engineIds.ts';
import { count, listAnd, num } from './format.ts';

/** Software renderers the page names; 'software' is one it does not know by name. */
const RENDERER_NAMES = { swiftshader: 'SwiftShader', llvmpipe: 'llvmpipe' } as const;

/** How an engine is called inside a sentence ("faster than tfjs wasm"). */
const short = (e: EngineId): string => i18n.t(`engine.short.${e}`);

/** The engine's name as the page's backend line shows it: "WebAssembly SIMD, 1 thread", "WebGL (software renderer: SwiftShader)". */
export function engineName(r: Pick<EngineReport, 'engine' | 'threads' | 'renderer' | 'comparisonThreads'>): string {
  switch (r.engine) {
    case 'simd': {
      const name = i18n.t('engine.names.simd', { count: r.threads });
      return r.comparisonThreads && r.comparisonThreads > r.threads
        ? i18n.t('engine.names.simdComparison', { name, threads: count(r.comparisonThreads) })
        : name;
    }
    case 'webgl':
      if (r.renderer === 'swiftshader' || r.renderer === 'llvmpipe') return i18n.t('engine.names.webglSoftwareNamed', { renderer: RENDERER_NAMES[r.renderer] });
      if (isSoftwareRenderer(r.renderer)) return i18n.t('engine.names.webglSoftware');
      return r.renderer === 'hardware' ? i18n.t('engine.names.webglGpu') : i18n.t('engine.names.webgl');
    case 'wasm':
      return r.threads > 1 ? i18n.t('engine.names.wasmThreads', { count: r.threads }) : i18n.t('engine.names.wasm');
    case 'cpu':
      return i18n.t('engine.names.cpu');
  }
}

/** "7×" from 7.3, "1.4×" (or "1,4×") from 1.43: whole numbers once the gap is large. */
export function times(ratio: number): string {
  return i18n.t('engine.times', { ratio: ratio >= 3 ? num(Math.round(ratio), 0) : num(ratio, 1) });
}

/**
 * Why this engine trains, in clauses after the name; null when there is
 * nothing to say. `tfjsSaid`: the page already shows why tfjs's backend is
 * not WebGL (workerWords.ts), so the default choice needs no clause of its own.
 */
export function engineReason(r: EngineReport, tfjsSaid = false): string | null {
  switch (r.reason) {
    case 'measured':
      return measuredWords(r);
    case 'default':
      return r.unavailable.length && !tfjsSaid ? clauses(unavailableWords(r), i18n.t('engine.reason.default')) : null;
    case 'forced':
      return i18n.t('engine.reason.forced', { id: r.engine });
    case 'forced-unavailable': {
      const asked = r.forced ?? r.engine;
      const code = r.unavailable.find((u) => u.engine === asked)?.code ?? 'failed';
      return i18n.t('engine.reason.forcedUnavailable', {
        engine: short(asked),
        id: asked,
        why: i18n.t(`engine.unavailable.${code}`, { engine: short(asked) }),
      });
    }
  }
}

const clauses = (...parts: (string | null)[]): string => parts.filter((p): p is string => !!p).join('; ');

/** "9× faster than tfjs wasm and 110× faster than WebGL here; WebGL runs on a software renderer (SwiftShader), which computes on the CPU". */
function measuredWords(r: EngineReport): string {
  // The SIMD engine may have been timed on one thread and on two: the chosen timing is the one with its threads.
  const chosen = r.probe?.timings.find((t) => t.engine === r.engine && (t.threads ?? r.threads) === r.threads);
  const others = chosen ? (r.probe?.timings ?? []).filter((t) => t !== chosen && t.msPerStep > 0) : [];
  if (!chosen || others.length === 0) return clauses(i18n.t('engine.reason.only'), r.unavailable.length ? unavailableWords(r) : null, softwareWebglWords(r));
  const compared = listAnd(
    [...others]
      .sort((a, b) => a.msPerStep - b.msPerStep)
      .map((t) =>
        t.engine === r.engine
          ? i18n.t('engine.fasterThanThreads', { times: times(t.msPerStep / chosen.msPerStep), count: t.threads ?? 1 })
          : i18n.t('engine.fasterThan', { times: times(t.msPerStep / chosen.msPerStep), engine: short(t.engine) }),
      ),
  );
  return clauses(i18n.t('engine.reason.measured', { compared }), softwareWebglWords(r));
}

/** "WebGL runs on a software renderer (SwiftShader), which computes on the CPU[, and was not timed]", when it does and another engine trains. */
function softwareWebglWords(r: EngineReport): string | null {
  if (r.engine === 'webgl' || !isSoftwareRenderer(r.renderer)) return null;
  const timed = r.probe?.timings.some((t) => t.engine === 'webgl') ?? false;
  const key = timed ? 'timed' : 'notTimed';
  return r.renderer === 'swiftshader' || r.renderer === 'llvmpipe'
    ? i18n.t(`engine.software.${key}Named`, { renderer: RENDERER_NAMES[r.renderer] })
    : i18n.t(`engine.software.${key}`);
}

function unavailableWords(r: EngineReport): string {
  return clauses(...r.unavailable.map((u) => i18n.t(`engine.unavailable.${u.code}`, { engine: short(u.engine) })));
}

/** The start-up test's own figures: "Start-up test 0.41 s · ms per batch of 64: WebAssembly SIMD 0.52, tfjs wasm 4.30". */
export function probeWords(r: EngineReport): string | null {
  if (!r.probe) return null;
  const ms = (v: number) => (v < 10 ? num(v, 2) : num(v, 0));
  const timings = r.probe.timings
    .map((t) =>
      t.threads === undefined
        ? i18n.t('engine.probeTiming', { engine: short(t.engine), ms: ms(t.msPerStep) })
        : i18n.t('engine.probeTimingThreads', { engine: short(t.engine), count: t.threads, ms: ms(t.msPerStep) }),
    )
    .join(', ');
  const probe = i18n.t('engine.probe', { seconds: num(r.probe.ms / 1000, 2), batch: count(r.probe.batchSize), timings });
  return r.build === 'relaxed-simd' ? `${probe} · ${i18n.t('engine.relaxed')}` : probe;
}

/** A job that trains on tfjs although the SIMD engine was chosen: "This run trains on tfjs wasm: …". */
export function fallbackWords(backend: BackendName, code: FallbackCode): string {
  return i18n.t('engine.fallback', { engine: short(backend), why: i18n.t(`engine.fallbackWhy.${code}`) });
}
