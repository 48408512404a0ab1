/**
 * The training worker's helpers for one run's step on two threads
 * (engine/wasm/team.ts): each SIMD engine that trains one run on two threads
 * binds a helper worker (teamHelper.ts) to its shared memory, and lets it go
 * when disposed, for the next engine to bind. Offered only where the page is
 * cross-origin isolated (a shared memory needs it) and the machine has more
 * than one core; the worker uses it where the page allows two threads
 * (app/lab.ts: from four cores up, or `?threads=2`), and the start-up probe
 * decides whether it is faster than one thread here.
 */
import type { TeamMaker } from '../../engine/wasm/create.ts';
import type { TeamBinding } from '../../engine/wasm/team.ts';
import { CONTROL_BYTES, leadTeam } from '../../engine/wasm/team.ts';

export interface TeamPool {
  /** Starts a helper and resolves true once its script runs (false if it does not within `ms`): offer two threads only then. */
  ready(ms?: number): Promise<boolean>;
  make: TeamMaker;
}

/**
 * A helper that has not said it is ready in this long is not waited for: two
 * threads are not offered (the engine choice waits for it, and a worker
 * starts in tens of ms where there are cores to spare).
 */
const READY_MS = 1_000;

export function teamPool(scope: { crossOriginIsolated?: boolean; navigator?: { hardwareConcurrency?: number } }, spawn: () => Worker): TeamPool | null {
  if (!scope.crossOriginIsolated || (scope.navigator?.hardwareConcurrency ?? 1) < 2) return null;
  const idle: Worker[] = [];
  let first: Promise<boolean> | null = null;

  /** A helper, forgotten if it dies: its team's next step then fails with a TeamError (team.ts). */
  const start = (): Worker => {
    const w = spawn();
    w.addEventListener('error', (ev) => {
      ev.preventDefault();
      const at = idle.indexOf(w);
      if (at >= 0) idle.splice(at, 1);
    });
    return w;
  };

  return {
    ready(ms = READY_MS) {
      first ??= new Promise<boolean>((resolve) => {
        const w = start();
        const timer = setTimeout(() => resolve(false), ms);
        w.addEventListener('message', function ready(ev: MessageEvent) {
          if (ev.data !== 'ready') return;
          w.removeEventListener('message', ready);
          clearTimeout(timer);
          idle.push(w);
          resolve(true);
        });
        w.addEventListener('error', () => resolve(false));
      });
      return first;
    },
    make(module, memory) {
      const helper = idle.pop() ?? start();
      const control = new SharedArrayBuffer(CONTROL_BYTES);
      helper.postMessage({ module, memory, control } satisfies TeamBinding);
      return leadTeam(control, () => idle.push(helper));
    },
  };
}
