/**
 * The training worker's pool of helper workers (one here: two threads on a
 * machine like this project's, the training worker and its helper), which
 * train part of a comparison's runs at the same time as the training worker
 * trains the rest (engine/split.ts). Offered only where the page is
 * cross-origin isolated (COOP/COEP, see the README) and the machine has more
 * than one core, and used when the page allows a comparison two threads
 * (from four cores up, or `?threads=2`: app/lab.ts); elsewhere a comparison
 * trains on one thread, with the same numbers.
 */
import type { RaceEngine } from '../../engine/race.ts';
import type { PoolConnect } from '../protocol.ts';
import type { RemoteSpec } from './remoteEngine.ts';
import { RemoteRaceEngine } from './remoteEngine.ts';

/** Makes a stacked SIMD engine in a helper worker. */
export type RemoteEngineMaker = (spec: RemoteSpec) => RaceEngine;

/** The helper's maker where threads are allowed here, else null. `spawn` starts the helper worker (once, on first use). */
export function enginePool(
  scope: { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } },
  spawn: () => Worker,
): RemoteEngineMaker | null {
  if (!scope.crossOriginIsolated || (scope.navigator?.hardwareConcurrency ?? 1) < 2) return null;
  let helper: Worker | null = null;
  return (spec) => {
    helper ??= spawn();
    const { port1, port2 } = new MessageChannel();
    const connect: PoolConnect = { type: 'connect', port: port2 };
    helper.postMessage(connect, [port2]);
    return new RemoteRaceEngine(port1, spec);
  };
}
