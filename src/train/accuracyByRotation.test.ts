import { describe, expect, it } from 'vitest';
import type { ImageSet } from '../data/dataset.ts';
import { IMAGE_SIZE } from '../data/dataset.ts';
import type { PredictLogProbs } from './accuracyByRotation.ts';
import { accuracyByRotation, rotationRows } from './accuracyByRotation.ts';

/**
 * Eight images, each one bright pixel in a corner region: class = the
 * quadrant it lies in (0 top-left, 1 top-right, 2 bottom-right, 3 bottom-left).
 */
function quadrantSet(): ImageSet {
  const spots = [
    [5, 5],
    [22, 5],
    [22, 22],
    [5, 22],
    [6, 4],
    [21, 6],
    [23, 21],
    [4, 20],
  ];
  const images = new Uint8Array(spots.length * IMAGE_SIZE);
  const labels = new Uint8Array(spots.length);
  spots.forEach(([u, v], i) => {
    images[i * IMAGE_SIZE + v * 28 + u] = 255;
    labels[i] = quadrant(u, v);
  });
  return { images, labels, count: spots.length };
}

function quadrant(u: number, v: number): number {
  return v < 14 ? (u < 14 ? 0 : 1) : u < 14 ? 3 : 2;
}

/**
 * Two "runs": run 0 finds the brightest pixel's quadrant (right at 0°, wrong at a quarter turn);
 * run 1 always answers class 0. Log-probabilities: 0 for the answer, −10 elsewhere.
 */
const predict: PredictLogProbs = async (x, n) => {
  const out = new Float32Array(2 * n * 10).fill(-10);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let k = 1; k < IMAGE_SIZE; k++) if (x[i * IMAGE_SIZE + k] > x[i * IMAGE_SIZE + best]) best = k;
    out[i * 10 + quadrant(best % 28, Math.floor(best / 28))] = 0;
    out[(n + i) * 10] = 0;
  }
  return out;
};

describe('accuracy by rotation', () => {
  it('scores every run at every angle, in chunks, from one stacked forward pass', async () => {
    const rows = await accuracyByRotation(predict, quadrantSet(), { runs: 2, angles: [0, 90, 180, 30], chunk: 3 });
    expect(rows[0]).toEqual([
      { angleDeg: 0, accuracy: 1 },
      { angleDeg: 90, accuracy: 0 },
      { angleDeg: 180, accuracy: 0 },
      // 30° keeps every spot in its quadrant.
      { angleDeg: 30, accuracy: 1 },
    ]);
    // Run 1 is right exactly on the two class-0 images, whatever the angle.
    expect(rows[1].map((r) => r.accuracy)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('uses the angles of the table by default', async () => {
    const rows = await accuracyByRotation(async (x, n) => (await predict(x, n)).subarray(0, n * 10), quadrantSet());
    expect(rows.length).toBe(1);
    expect(rows[0].map((r) => r.angleDeg)).toEqual([-45, -30, -15, 0, 15, 30, 45]);
    expect(rows[0][3].accuracy).toBe(1);
  });

  it('refuses a forward pass of the wrong size instead of scoring garbage', async () => {
    await expect(accuracyByRotation(predict, quadrantSet(), { runs: 1 })).rejects.toThrow(/expected 1 × 8 × 10/);
  });

  it('turns one run’s predictions per angle into its row', () => {
    const labels = Uint8Array.from([0, 1]);
    const indices = Int32Array.from([0, 1]);
    const right = Float32Array.from([0, -5, -5, 0]);
    const half = Float32Array.from([0, -5, 0, -5]);
    const rows = rotationRows(
      [-15, 15],
      [
        { logProbs: right, labels, indices },
        { logProbs: half, labels, indices },
      ],
      2,
    );
    expect(rows).toEqual([
      { angleDeg: -15, accuracy: 1 },
      { angleDeg: 15, accuracy: 0.5 },
    ]);
    expect(() => rotationRows([0], [], 2)).toThrow();
  });
});
