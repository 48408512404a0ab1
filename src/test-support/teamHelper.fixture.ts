// The script of teamThread.ts's helper thread: the browser helper's serveBinding
// (engine/wasm/team.ts), then back to its event loop for the next team.
import { parentPort } from 'node:worker_threads';
import type { TeamBinding } from '../engine/wasm/team.ts';
import { serveBinding } from '../engine/wasm/team.ts';

/** Kernels that all throw, as a trap in a kernel would. */
const throwing = <T extends object>(kernels: T): T =>
  new Proxy(kernels, {
    get: () => () => {
      throw new Error('a kernel trapped');
    },
  });

parentPort!.on('message', (m: TeamBinding & { kernelThrows: boolean }) => {
  serveBinding(m, m.kernelThrows ? throwing : undefined);
  parentPort!.postMessage('released');
});
