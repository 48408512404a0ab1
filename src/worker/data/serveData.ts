/**
 * The data worker's one job: load the data set the page names and hand it
 * over as the `data` command the page passes on to the training worker, its
 * buffers transferred, not copied. Any failure is handed over as no sets:
 * the training worker then loads the data itself and reports the problem
 * in its own words.
 */
import type { LoadedMnist } from '../../data/load.ts';
import type { Command, DataRequest, Endpoint } from '../protocol.ts';
import { loadedSetsBuffers } from '../protocol.ts';

export function serveData(port: Endpoint, load: (dataUrl: string) => Promise<LoadedMnist>): void {
  port.addEventListener('message', (ev: MessageEvent) => {
    const { dataUrl } = ev.data as DataRequest;
    const answer = (c: Extract<Command, { type: 'data' }>) => port.postMessage(c, loadedSetsBuffers(c.sets));
    load(dataUrl).then(
      (m) => answer({ type: 'data', dataUrl, sets: { train: m.train, test: m.test, sent: m.sent } }),
      () => answer({ type: 'data', dataUrl, sets: null }),
    );
  });
  port.start?.();
}
