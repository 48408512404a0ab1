/**
 * The one GPU readback of a training loop: every loss queued on the device
 * since the last read, stacked and downloaded at once (a readback per batch
 * would stall WebGL). Both engines use it; it owns and frees the tensors.
 */
import * as tf from '@tensorflow/tfjs-core';

/** Reads `pending` (scalars or R-vectors) as one flat array, in order, and disposes them. */
export async function readLossGroup(pending: tf.Tensor[]): Promise<Float32Array> {
  if (pending.length === 0) return new Float32Array(0);
  const stacked = tf.stack(pending);
  try {
    const losses = (await stacked.data()) as Float32Array;
    // A lost WebGL context reads back zeros or NaN rather than throwing: say what really happened.
    if (contextLost()) throw new Error('the WebGL context was lost');
    return losses;
  } finally {
    stacked.dispose();
    pending.forEach((t) => t.dispose());
  }
}

function contextLost(): boolean {
  const b = tf.backend() as unknown as { gpgpu?: { gl?: { isContextLost?(): boolean } } };
  return b.gpgpu?.gl?.isContextLost?.() ?? false;
}
