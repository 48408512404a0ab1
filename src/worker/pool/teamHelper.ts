/**
 * A helper worker of the training worker for one run's step on two threads:
 * bound to an engine's shared memory (teams.ts), it makes its half of each
 * product until the engine lets it go (engine/wasm/team.ts), then waits in
 * its event loop for the next engine. It says 'ready' once its script runs.
 */
import type { TeamBinding } from '../../engine/wasm/team.ts';
import { serveBinding } from '../../engine/wasm/team.ts';

self.onmessage = (ev: MessageEvent<TeamBinding>) => serveBinding(ev.data);
postMessage('ready');
