/**
 * A helper worker of the training worker's pool: each `connect` message
 * hands it the port of one remote SIMD engine (engineServer.ts). It loads
 * the build it is asked for once, from the same files as the training worker.
 */
import type { SimdEngines } from '../../engine/wasm/create.ts';
import { loadSimdEngines } from '../../engine/wasm/create.ts';
import type { SimdBuild } from '../../shared/engineIds.ts';
import type { PoolConnect } from '../protocol.ts';
import { attachEngineServer } from './engineServer.ts';

const builds = new Map<SimdBuild, Promise<SimdEngines>>();

function load(build: SimdBuild): Promise<SimdEngines> {
  let engines = builds.get(build);
  if (!engines) {
    engines = loadSimdEngines(build).then((e) => {
      if (!e) throw new Error(`this worker cannot run the ${build} build`);
      return e;
    });
    builds.set(build, engines);
  }
  return engines;
}

self.addEventListener('message', (ev: MessageEvent<PoolConnect>) => {
  if (ev.data.type === 'connect') attachEngineServer(ev.data.port, load);
});
