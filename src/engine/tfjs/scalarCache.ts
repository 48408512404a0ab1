/**
 * Scalar tensors for hyperparameters, kept between steps and rebuilt only when
 * a value changes: uploading a new scalar every batch costs a texture write on
 * WebGL, and a learning rate usually stays put for thousands of batches.
 */
import * as tf from '@tensorflow/tfjs-core';

export class ScalarCache {
  private readonly slots = new Map<string, { value: number; t: tf.Scalar }>();

  /** The scalar for `key` holding `value`; owned by the cache (never dispose it). */
  get(key: string, value: number): tf.Scalar {
    const cur = this.slots.get(key);
    if (cur && Object.is(cur.value, value)) return cur.t;
    cur?.t.dispose();
    // Made outside any tidy's reach: keep() marks it as the cache's.
    const t = tf.keep(tf.scalar(value));
    this.slots.set(key, { value, t });
    return t;
  }

  dispose(): void {
    this.slots.forEach((s) => s.t.dispose());
    this.slots.clear();
  }
}
