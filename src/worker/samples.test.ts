import { afterEach, describe, expect, it } from 'vitest';
import type { Mnist } from '../data/load.ts';
import { DataLoadError } from '../data/load.ts';
import { IMAGE_SIZE } from '../data/dataset.ts';
import { FakeRaceEngine, Gate } from '../test-support/fakeEngine.ts';
import { attachHost } from './host.ts';
import type { Command, Endpoint, WorkerEvent } from './protocol.ts';
import { nthImageOf } from './samples.ts';

/** 12 test images labelled 0..9, 0, 1; image i is filled with the byte i + 1 so it can be told apart. */
function testSet() {
  const count = 12;
  const images = new Uint8Array(count * IMAGE_SIZE);
  for (let i = 0; i < count; i++) images.fill(i + 1, i * IMAGE_SIZE, (i + 1) * IMAGE_SIZE);
  return { images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10), count };
}

describe('nthImageOf', () => {
  it('takes the digit’s images in the set’s order, counting round', () => {
    const set = testSet();
    expect(nthImageOf(set, 0, 0)?.index).toBe(0);
    expect(nthImageOf(set, 0, 1)?.index).toBe(10);
    expect(nthImageOf(set, 0, 2)?.index).toBe(0);
    expect(nthImageOf(set, 7, 5)?.index).toBe(7);
  });

  it('copies the image’s 784 bytes (the set is not handed away with a transfer)', () => {
    const set = testSet();
    const found = nthImageOf(set, 1, 1)!;
    expect(found.index).toBe(11);
    expect(found.image).toHaveLength(IMAGE_SIZE);
    expect(found.image.every((v) => v === 12)).toBe(true);
    expect(found.image.buffer).not.toBe(set.images.buffer);
  });

  it('has nothing for a digit the set lacks', () => {
    expect(nthImageOf({ ...testSet(), labels: new Uint8Array(12) }, 3, 0)).toBeNull();
  });
});

describe('the host’s sample answers', () => {
  let close: (() => void) | null = null;
  afterEach(() => close?.());

  function connect(loadData: () => Promise<Mnist>) {
    const channel = new MessageChannel();
    const host = attachHost(channel.port2 as unknown as Endpoint, {
      loadData,
      createEngine: (arch, params, runs) => new FakeRaceEngine(arch, params, runs, new Gate()),
      selectBackend: async () => ({ backend: 'cpu' }),
    });
    const replies: Extract<WorkerEvent, { type: 'sample' }>[] = [];
    let notify = () => {};
    channel.port1.onmessage = (ev) => {
      const e = ev.data as WorkerEvent;
      if (e.type === 'sample') replies.push(e);
      notify();
    };
    close = () => {
      host.dispose();
      channel.port1.close();
      channel.port2.close();
    };
    /** Sends a sample request and resolves with its answer. */
    const ask = (digit: number, nth: number, requestId: number) =>
      new Promise<Extract<WorkerEvent, { type: 'sample' }>>((resolve) => {
        notify = () => {
          const r = replies.find((x) => x.requestId === requestId);
          if (r) resolve(r);
        };
        channel.port1.postMessage({ type: 'sample', requestId, digit, nth, dataUrl: 'mem://mnist/' } satisfies Command);
      });
    return { ask };
  }

  it('answers at once while the data loads, starting the load, then sends the image', async () => {
    let release: (m: Mnist) => void = () => {};
    let loads = 0;
    const loaded = new Promise<Mnist>((r) => (release = r));
    const { ask } = connect(() => {
      loads++;
      return loaded;
    });
    expect(await ask(3, 0, 1)).toMatchObject({ digit: 3, index: -1, image: null, problem: 'loading' });
    expect(await ask(3, 0, 2)).toMatchObject({ problem: 'loading' });
    expect(loads, 'one load, however often asked').toBe(1);

    release({ train: testSet(), test: testSet() });
    await loaded;
    const answer = await ask(0, 1, 3);
    expect(answer).toMatchObject({ digit: 0, index: 10 });
    expect(answer.problem).toBeUndefined();
    expect(answer.image).toHaveLength(IMAGE_SIZE);
    expect(answer.image![0]).toBe(11);
  });

  it('says the data is unavailable once loading it failed, and tries again', async () => {
    let attempt = 0;
    const { ask } = connect(async () => {
      attempt++;
      if (attempt === 1) throw new DataLoadError({ kind: 'data-missing', file: 't10k-images-idx3-ubyte.gz', status: 404 });
      return { train: testSet(), test: testSet() };
    });
    expect(await ask(5, 0, 1)).toMatchObject({ problem: 'loading' });
    await new Promise((r) => setTimeout(r, 0));
    expect(await ask(5, 0, 2)).toMatchObject({ problem: 'unavailable', image: null });
    // That request started a new load, which works: the next one has its image.
    await new Promise((r) => setTimeout(r, 0));
    expect(await ask(5, 0, 3)).toMatchObject({ digit: 5, index: 5 });
  });
});
