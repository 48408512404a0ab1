import { describe, expect, it } from 'vitest';
import { REPLAY_CAP_BYTES, ReplayStore } from './replay.ts';

/** One epoch's "weights": 25 floats (100 bytes) in two arrays, each holding the epoch number. */
const weights = (epoch: number) => [new Float32Array(20).fill(epoch), new Float32Array(5).fill(epoch)];

describe('the replay store', () => {
  it('keeps every epoch while they fit, and hands back the one asked for', () => {
    const store = new ReplayStore(1_000);
    for (let e = 1; e <= 10; e++) store.add(e, weights(e));
    expect(store.state()).toEqual({ epochs: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], stride: 1, bytesPerEpoch: 100, capBytes: 1_000 });
    expect(store.bytes()).toBe(1_000);
    const found = store.at(4)!;
    expect(found.epoch).toBe(4);
    expect(found.params[0][0]).toBe(4);
    expect(store.at(0), 'nothing before epoch 1').toBeNull();
  });

  it('past the cap, thins evenly from epoch 1, keeps the latest, and never holds more than the cap', () => {
    // Room for 4 epochs.
    const store = new ReplayStore(450);
    const seen: number[][] = [];
    for (let e = 1; e <= 12; e++) {
      store.add(e, weights(e));
      expect(store.bytes()).toBeLessThanOrEqual(450);
      expect(store.state().epochs.at(-1), 'the latest is always kept').toBe(e);
      expect(store.state().epochs[0], 'epoch 1 is always kept').toBe(1);
      seen.push(store.state().epochs);
    }
    expect(seen[3]).toEqual([1, 2, 3, 4]);
    // Epoch 5 does not fit: every 2nd epoch from 1, and the latest.
    expect(seen[4]).toEqual([1, 3, 5]);
    expect(seen[5]).toEqual([1, 3, 5, 6]);
    // Epoch 6 was kept for being the latest; 7 replaces it.
    expect(seen[6]).toEqual([1, 3, 5, 7]);
    // Then every 4th.
    expect(seen[7]).toEqual([1, 5, 8]);
    expect(seen[11]).toEqual([1, 5, 9, 12]);
    expect(store.state().stride).toBe(4);
    // Asking for a thinned epoch gives the nearest kept one before it.
    expect(store.at(8)!.epoch).toBe(5);
    expect(store.at(8)!.params[1][0]).toBe(5);
    expect(store.at(100)!.epoch).toBe(12);
  });

  it('keeps nothing when one epoch alone exceeds the cap, and says how large an epoch is', () => {
    const store = new ReplayStore(50);
    store.add(1, weights(1));
    expect(store.state()).toMatchObject({ epochs: [], bytesPerEpoch: 100, capBytes: 50 });
    expect(store.at(1)).toBeNull();
    expect(store.bytes()).toBe(0);
  });

  it('starts afresh when cleared', () => {
    const store = new ReplayStore(250);
    for (let e = 1; e <= 5; e++) store.add(e, weights(e));
    expect(store.state().stride).toBeGreaterThan(1);
    store.clear();
    expect(store.state()).toEqual({ epochs: [], stride: 1, bytesPerEpoch: 0, capBytes: 250 });
    store.add(1, weights(1));
    store.add(2, weights(2));
    expect(store.state().epochs).toEqual([1, 2]);
  });

  it("keeps every one of the preset's 100 epochs at most (the settings' limit) within the default cap", () => {
    const store = new ReplayStore();
    const shapes = [784 * 128, 128, 128 * 64, 64, 64 * 10, 10];
    for (let e = 1; e <= 100; e++)
      store.add(
        e,
        shapes.map((n) => new Float32Array(n)),
      );
    expect(store.state()).toMatchObject({ stride: 1, bytesPerEpoch: 437_544, capBytes: REPLAY_CAP_BYTES });
    expect(store.state().epochs).toHaveLength(100);
  });
});
