import { describe, expect, it } from 'vitest';
import { StampedMinHeap } from './heap.ts';

describe('StampedMinHeap', () => {
  it('pops in key order, ties by item, carrying the stamp along', () => {
    const heap = new StampedMinHeap(64);
    const entries: [number, number, number][] = [];
    let seed = 99;
    for (let item = 0; item < 50; item++) {
      seed = (seed * 48271) % 2147483647;
      const key = seed % 7; // many equal keys
      entries.push([key, item, item * 3]);
      heap.push(key, item, item * 3);
    }
    const popped: [number, number, number][] = [];
    while (heap.pop()) popped.push([heap.poppedKey, heap.poppedItem, heap.poppedStamp]);
    expect(popped).toEqual(entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    expect(heap.size).toBe(0);
    expect(heap.pop()).toBe(false);
  });

  it('refuses to grow past its capacity', () => {
    const heap = new StampedMinHeap(1);
    heap.push(1, 0, 0);
    expect(() => heap.push(2, 1, 0)).toThrow('capacity exceeded');
  });
});
