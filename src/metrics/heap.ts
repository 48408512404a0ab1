/**
 * A fixed-capacity binary min-heap of (key, item, stamp) triples in typed
 * arrays: no per-entry objects and no comparator closure, so thinning a
 * 10,000-point curve allocates three arrays and nothing else.
 *
 * Entries are never updated in place. A caller that changes an item's key
 * pushes a new entry with a higher stamp and ignores popped entries whose
 * stamp is stale ("lazy deletion"). Ties on key pop the lower item first, so
 * the pop order is fully deterministic.
 */
export class StampedMinHeap {
  private readonly keys: Float64Array;
  private readonly items: Int32Array;
  private readonly stamps: Uint32Array;
  private count = 0;

  /** The entry removed by the last successful pop(). */
  poppedKey = 0;
  poppedItem = 0;
  poppedStamp = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
    this.stamps = new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  push(key: number, item: number, stamp: number): void {
    if (this.count === this.keys.length) throw new Error('StampedMinHeap: capacity exceeded');
    let at = this.count++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(key, item, this.keys[parent], this.items[parent])) break;
      this.move(parent, at);
      at = parent;
    }
    this.place(at, key, item, stamp);
  }

  /** Removes the minimum into poppedKey/poppedItem/poppedStamp; false when empty. */
  pop(): boolean {
    if (this.count === 0) return false;
    this.poppedKey = this.keys[0];
    this.poppedItem = this.items[0];
    this.poppedStamp = this.stamps[0];
    // Sift the last entry down from the root.
    const last = --this.count;
    const key = this.keys[last];
    const item = this.items[last];
    const stamp = this.stamps[last];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && before(this.keys[right], this.items[right], this.keys[child], this.items[child])) {
        child = right;
      }
      if (!before(this.keys[child], this.items[child], key, item)) break;
      this.move(child, at);
      at = child;
    }
    this.place(at, key, item, stamp);
    return true;
  }

  private move(from: number, to: number): void {
    this.place(to, this.keys[from], this.items[from], this.stamps[from]);
  }

  private place(at: number, key: number, item: number, stamp: number): void {
    this.keys[at] = key;
    this.items[at] = item;
    this.stamps[at] = stamp;
  }
}

/** Heap order: smaller key first, then smaller item. */
function before(keyA: number, itemA: number, keyB: number, itemB: number): boolean {
  return keyA < keyB || (keyA === keyB && itemA < itemB);
}
