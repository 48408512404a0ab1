// The script of teamThread.ts's helper thread: serveTeam on an instance of
// the module on the shared memory, then back to its event loop for the next.
import { parentPort } from 'node:worker_threads';
import { instantiateKernels } from '../engine/wasm/kernels.ts';
import { failTeam, serveTeam } from '../engine/wasm/team.ts';

parentPort!.on('message', (m: { module: WebAssembly.Module; memory: WebAssembly.Memory; control: SharedArrayBuffer; kernelThrows: boolean }) => {
  let kernels: ReturnType<typeof instantiateKernels>;
  try {
    kernels = instantiateKernels(m.module, m.memory);
  } catch {
    failTeam(m.control);
    parentPort!.postMessage('released');
    return;
  }
  const served = m.kernelThrows
    ? (new Proxy(kernels, {
        get: () => () => {
          throw new Error('a kernel trapped');
        },
      }) as typeof kernels)
    : kernels;
  try {
    serveTeam(m.control, served);
  } catch {
    // The team has been told (its state says failed); this thread serves the next one.
  }
  parentPort!.postMessage('released');
});
