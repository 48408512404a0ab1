/**
 * The helper worker's side of a remote engine (remoteEngine.ts): one stacked
 * SIMD engine per port, made by its first request and driven by the rest,
 * strictly in the order they came. A step that fails is remembered and fails
 * the next request that expects an answer (the flush after it), which is
 * where the training loop looks.
 */
import type { RaceEngine } from '../../engine/race.ts';
import type { SimdEngines } from '../../engine/wasm/create.ts';
import type { SimdBuild } from '../../shared/engineIds.ts';
import type { EngineReply, EngineRequest } from '../protocol.ts';
import { assertNever } from '../protocol.ts';
import type { EnginePort } from './remoteEngine.ts';

export function attachEngineServer(port: EnginePort, load: (build: SimdBuild) => Promise<SimdEngines>): void {
  let engine: RaceEngine | null = null;
  /** The first failure not yet reported. */
  let failure: Error | null = null;
  let queue: Promise<void> = Promise.resolve();

  const reply = (r: EngineReply, transfer: Float32Array[] = []) =>
    port.postMessage(
      r,
      transfer.map((a) => a.buffer as ArrayBuffer),
    );

  async function handle(req: EngineRequest): Promise<void> {
    if (req.type === 'dispose') {
      engine?.dispose();
      engine = null;
      port.close?.();
      return;
    }
    try {
      if (failure) throw failure;
      if (req.type === 'create') {
        engine = (await load(req.build)).createRaceEngine(req.arch, req.params, req.runs, req.optimizer);
        return;
      }
      if (!engine) throw new Error('no engine on this port');
      switch (req.type) {
        case 'train':
          engine.trainBatch(req.x, req.y, req.n, req.hypers, req.noise);
          return;
        case 'train-pixels':
          if (!engine.trainPixels) throw new Error('this engine takes no pixels');
          engine.trainPixels(req.pixels, req.y, req.n, req.hypers, req.noise);
          return;
        case 'set-params':
          engine.setParams(req.run, req.params);
          return;
        case 'set-active':
          engine.setActive(req.run, req.active);
          return;
        case 'flush': {
          const losses = await engine.flushLosses();
          reply({ type: 'done', id: req.id, values: [losses] }, [losses]);
          return;
        }
        case 'predict': {
          const logProbs = await engine.predictLogProbs(req.x, req.n);
          reply({ type: 'done', id: req.id, values: [logProbs] }, [logProbs]);
          return;
        }
        case 'get-params': {
          const params = await engine.getParams(req.run);
          reply({ type: 'done', id: req.id, values: params }, params);
          return;
        }
        default:
          assertNever(req);
      }
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      if ('id' in req) {
        failure = null;
        reply({ type: 'failed', id: req.id, message: error.message });
      } else {
        failure ??= error;
      }
    }
  }

  port.addEventListener('message', (ev: MessageEvent) => {
    const req = ev.data as EngineRequest;
    queue = queue.then(() => handle(req));
  });
  port.start?.();
}
