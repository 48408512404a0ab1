/**
 * Seeded randomness. Everything random in a run (weight init, the validation
 * split, each epoch's shuffle) draws from generators derived from one seed, so
 * the same seed and settings give the same curves on the same backend.
 */

/** A source of uniform floats in [0, 1). */
export interface Rng {
  next(): number;
}

/** mulberry32: tiny, fast, good enough statistical quality for shuffles and init. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return {
    next() {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/**
 * A child generator for one purpose ('init', 'split', 'shuffle:3'), so that
 * adding draws to one purpose never shifts the numbers another one sees.
 */
export function deriveRng(seed: number, purpose: string): Rng {
  let h = 2166136261 ^ (seed >>> 0);
  for (let i = 0; i < purpose.length; i++) {
    h = Math.imul(h ^ purpose.charCodeAt(i), 16777619);
  }
  return mulberry32(h >>> 0);
}

/** Uniform integer in [0, n). */
export function randInt(rng: Rng, n: number): number {
  return Math.floor(rng.next() * n);
}

/** In-place Fisher–Yates shuffle. */
export function shuffleInPlace<T extends { length: number; [i: number]: number }>(a: T, rng: Rng): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = randInt(rng, i + 1);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a;
}
