/**
 * A team's helper on a real thread in Node (worker_threads), running the
 * same serveTeam as the browser's helper worker: teamHelper.fixture.ts is
 * its script, loaded through tsx. `kernelThrows`: the helper's kernels
 * throw, as a trap in a kernel would.
 */
import { Worker } from 'node:worker_threads';
import { CONTROL_BYTES, type Team, leadTeam } from '../engine/wasm/team.ts';

export interface TeamThread {
  team(module: WebAssembly.Module, memory: WebAssembly.Memory, options?: { kernelThrows?: boolean; timeoutMs?: number }): Team;
  /** Resolves when the helper has left its serve loop as often as `n` (it is back in its event loop). */
  released(n: number): Promise<void>;
  close(): Promise<void>;
}

export function teamThread(): TeamThread {
  // A TypeScript script in a worker thread: tsx's loader registered first, from a bootstrap.
  const script = new URL('./teamHelper.fixture.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(script)}); });`;
  const worker = new Worker(bootstrap, { eval: true });
  let releases = 0;
  const waiting: (() => void)[] = [];
  worker.on('message', (m: string) => {
    if (m !== 'released') return;
    releases++;
    for (const w of waiting.splice(0)) w();
  });
  return {
    team(module, memory, options = {}) {
      const control = new SharedArrayBuffer(CONTROL_BYTES);
      worker.postMessage({ module, memory, control, kernelThrows: options.kernelThrows ?? false });
      return leadTeam(control, undefined, options.timeoutMs);
    },
    released: (n) =>
      new Promise<void>((resolve) => {
        const check = () => (releases >= n ? resolve() : waiting.push(check));
        check();
      }),
    close: async () => {
      await worker.terminate();
    },
  };
}
