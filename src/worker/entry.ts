/**
 * The training worker's entry: a thin adapter that attaches the host to the
 * worker's global scope with the browser's real dependencies. Everything it
 * wires together is tested in Node over a MessageChannel.
 */
import { loadMnist } from '../data/load.ts';
import { createTfjsEngine } from '../engine/tfjs/create.ts';
import { TfjsRaceEngine } from '../engine/tfjs/raceEngine.ts';
import { selectBackend } from './backend.ts';
import { attachHost } from './host.ts';
import type { Endpoint } from './protocol.ts';

attachHost(self as unknown as Endpoint, {
  loadData: (url) => loadMnist(url),
  createEngine: (arch, params) => createTfjsEngine(arch, params),
  createRaceEngine: (arch, params, runs) => new TfjsRaceEngine(arch, params, runs),
  selectBackend,
});
