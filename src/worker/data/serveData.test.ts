import { afterEach, describe, expect, it } from 'vitest';
import type { LoadedMnist } from '../../data/load.ts';
import { DataLoadError } from '../../data/load.ts';
import { tinyMnist } from '../../test-support/fakeEngine.ts';
import type { Command, Endpoint } from '../protocol.ts';
import { serveData } from './serveData.ts';

let channel: MessageChannel | null = null;
afterEach(() => {
  channel?.port1.close();
  channel?.port2.close();
  channel = null;
});

/** A data worker over a MessageChannel; resolves with its one answer. */
function ask(load: (url: string) => Promise<LoadedMnist>, dataUrl: string): Promise<Extract<Command, { type: 'data' }>> {
  channel = new MessageChannel();
  serveData(channel.port2 as unknown as Endpoint, load);
  const answer = new Promise<Extract<Command, { type: 'data' }>>((resolve) => {
    channel!.port1.onmessage = (ev) => resolve(ev.data);
  });
  channel.port1.postMessage({ dataUrl });
  return answer;
}

describe('the data worker', () => {
  it('hands over the sets and the files as sent, moved rather than copied', async () => {
    const m = tinyMnist(3, 2);
    m.train.labels.set([5, 0, 4]);
    const sent = [new ArrayBuffer(10), new ArrayBuffer(2), new ArrayBuffer(4), new ArrayBuffer(1)];
    const loaded: LoadedMnist = { ...m, sent, keep: async () => 'stored' };
    const asked: string[] = [];
    const answer = await ask(async (url) => {
      asked.push(url);
      return loaded;
    }, 'mem://mnist/');
    expect(asked).toEqual(['mem://mnist/']);
    expect(answer.type).toBe('data');
    expect(answer.dataUrl).toBe('mem://mnist/');
    expect(Array.from(answer.sets!.train.labels)).toEqual([5, 0, 4]);
    expect(answer.sets!.test.count).toBe(2);
    expect(answer.sets!.sent!.map((b) => b.byteLength)).toEqual([10, 2, 4, 1]);
    // Transferred: the data worker's own copies are gone.
    expect(m.train.images.byteLength).toBe(0);
    expect(sent[0].byteLength).toBe(0);
  });

  it('hands over no sets when the load fails, so that the training worker loads and explains it', async () => {
    const answer = await ask(async () => {
      throw new DataLoadError({ kind: 'data-missing', file: 'train-images-idx3-ubyte.gz', status: 404 });
    }, 'mem://mnist/');
    expect(answer).toEqual({ type: 'data', dataUrl: 'mem://mnist/', sets: null });
  });

  it('hands over sets read from the browser’s store with no files to keep', async () => {
    const answer = await ask(async () => ({ ...tinyMnist(3, 2), sent: null, keep: async () => 'stored' }), 'mem://mnist/');
    expect(answer.sets!.sent).toBeNull();
    expect(answer.sets!.train.count).toBe(3);
  });
});
