/**
 * The weights after each epoch of the current run, for the page's epoch
 * replay, within a memory cap. The preset's weights are 437,544 bytes, so
 * its 100 epochs at most (the settings' limit) fit 64 MB; a wide network's
 * do not (1,024 units in four layers: 16 MB an epoch). Past the cap the
 * store thins evenly instead of dropping the early epochs, which are where
 * the most happens: it keeps epochs 1, 1 + s, 1 + 2s, … and always the
 * latest, doubling the stride s each time the cap is reached.
 */

/** What the replay may hold, bytes. */
export const REPLAY_CAP_BYTES = 64 * 2 ** 20;

export interface ReplayState {
  /** The epochs whose weights are kept, ascending. */
  epochs: number[];
  /** Every `stride`-th epoch from epoch 1 is kept (1 until the cap is first reached), and the latest. */
  stride: number;
  /** One epoch's weights, bytes. */
  bytesPerEpoch: number;
  capBytes: number;
}

export class ReplayStore {
  /** Epoch → its weights (paramShapes order); epochs ascending. */
  private readonly kept = new Map<number, Float32Array[]>();
  private stride = 1;
  private bytesPerEpoch = 0;

  constructor(readonly capBytes = REPLAY_CAP_BYTES) {}

  /** Keeps `params` as the weights after `epoch` (the latest so far), thinning the older ones if the cap needs it. */
  add(epoch: number, params: Float32Array[]): void {
    this.bytesPerEpoch = params.reduce((n, p) => n + p.byteLength, 0);
    // The previous latest was kept only for being the latest.
    const previous = this.latest();
    if (previous !== null && !this.onStride(previous)) this.kept.delete(previous);
    this.kept.set(epoch, params);
    while (this.bytes() > this.capBytes && this.kept.size > 1) {
      this.stride *= 2;
      for (const e of [...this.kept.keys()]) if (e !== epoch && !this.onStride(e)) this.kept.delete(e);
    }
    // Not even one epoch fits: nothing to replay (the page says why).
    if (this.bytes() > this.capBytes) this.kept.clear();
  }

  /** The weights of the latest kept epoch at or before `epoch`, or null when none is kept that early. */
  at(epoch: number): { epoch: number; params: Float32Array[] } | null {
    let best: number | null = null;
    for (const e of this.kept.keys()) if (e <= epoch && (best === null || e > best)) best = e;
    return best === null ? null : { epoch: best, params: this.kept.get(best)! };
  }

  state(): ReplayState {
    return { epochs: [...this.kept.keys()].sort((a, b) => a - b), stride: this.stride, bytesPerEpoch: this.bytesPerEpoch, capBytes: this.capBytes };
  }

  /** Bytes held now. */
  bytes(): number {
    let n = 0;
    for (const params of this.kept.values()) for (const p of params) n += p.byteLength;
    return n;
  }

  clear(): void {
    this.kept.clear();
    this.stride = 1;
    this.bytesPerEpoch = 0;
  }

  private latest(): number | null {
    let last: number | null = null;
    for (const e of this.kept.keys()) if (last === null || e > last) last = e;
    return last;
  }

  private onStride(epoch: number): boolean {
    return (epoch - 1) % this.stride === 0;
  }
}
