/**
 * The training worker's entry: a thin adapter that attaches the host to the
 * worker's global scope with the browser's real dependencies. Everything it
 * wires together is tested in Node over a MessageChannel.
 */
import { cacheStore } from '../data/dataStore.ts';
import { keeper, loadMnist } from '../data/load.ts';
import { createTfjsStackedEngine } from '../engine/tfjs/create.ts';
import type { SimdEngines } from '../engine/wasm/create.ts';
import { loadSimdEngines, loadThreadedSimdEngines } from '../engine/wasm/create.ts';
import { liveTensors, loseWebGLContext, peekWebglRenderer, selectBackend, tfjsThreads, watchBackend, webglRenderer } from './backend.ts';
import { enginePool } from './pool/pool.ts';
import { teamPool } from './pool/teams.ts';
import { attachHost } from './host.ts';
import type { Endpoint, Fault } from './protocol.ts';
import { assertNever } from './protocol.ts';

/** The end-to-end tests' faults (the page sends them only with `?faults=1`). */
function fault(kind: Fault): boolean {
  switch (kind) {
    case 'lose-webgl':
      return loseWebGLContext();
    case 'close':
      // Stops silently: no error event, no message. Only the page's watchdog can tell.
      self.close();
      return true;
    case 'hang':
      // An endless loop: the worker never answers again.
      for (;;) {
        // spin
      }
    default:
      return assertNever(kind);
  }
}

// `caches` exists only on secure pages (https, localhost); elsewhere the data is fetched on every visit.
const store = cacheStore((self as { caches?: CacheStorage }).caches);

/** The SIMD engine's build, fetched and compiled once per worker (a failed load is tried again by the next choice). */
let simd: Promise<SimdEngines | null> | null = null;
function loadSimd(): Promise<SimdEngines | null> {
  simd ??= loadSimdEngines().catch((e: unknown) => {
    simd = null;
    throw e;
  });
  return simd;
}

/** Helpers for one run's step on two threads, where this worker can have them. */
const teams = teamPool(self, () => new Worker(new URL('./pool/teamHelper.ts', import.meta.url), { type: 'module', name: 'mnist-lab-team' }));
/** The SIMD engine on two threads: its shared build, once a helper has started (null if none does). */
let threaded: Promise<SimdEngines | null> | null = null;
function loadThreadedSimd(): Promise<SimdEngines | null> {
  threaded ??= (teams ? teams.ready().then((ok) => (ok ? loadThreadedSimdEngines(teams.make) : null)) : Promise.resolve(null)).catch((e: unknown) => {
    threaded = null;
    throw e;
  });
  return threaded;
}

attachHost(self as unknown as Endpoint, {
  loadData: (url) => loadMnist(url, { store }),
  keeper: (url, sent) => keeper(store, url, sent),
  createEngine: createTfjsStackedEngine,
  loadSimd,
  loadThreadedSimd,
  remoteEngine: enginePool(self, () => new Worker(new URL('./pool/helper.ts', import.meta.url), { type: 'module', name: 'mnist-lab-engine' })),
  webglRenderer,
  peekRenderer: peekWebglRenderer,
  tfjsThreads,
  selectBackend,
  watchBackend,
  liveTensors,
  fault,
});
