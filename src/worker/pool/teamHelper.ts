/**
 * A helper worker of the training worker for one run's step on two threads:
 * bound to an engine's shared memory (teams.ts), it makes its half of each
 * product until the engine lets it go (engine/wasm/team.ts), then waits in
 * its event loop for the next engine. It says 'ready' once its script runs.
 */
import { instantiateKernels } from '../../engine/wasm/kernels.ts';
import { failTeam, serveTeam } from '../../engine/wasm/team.ts';
import type { TeamBinding } from './teams.ts';

self.onmessage = (ev: MessageEvent<TeamBinding>) => {
  const { module, memory, control } = ev.data;
  let kernels: ReturnType<typeof instantiateKernels>;
  try {
    kernels = instantiateKernels(module, memory);
  } catch {
    failTeam(control);
    return;
  }
  try {
    serveTeam(control, kernels);
  } catch {
    // The team has been told (its state says failed); this worker serves the next one.
  }
};
postMessage('ready');
