import { describe, expect, it } from 'vitest';
import { strokesFromImage } from './fromImage.ts';
import { preprocess } from './preprocess.ts';

const SIDE = 28;

/** A 28×28 image with ink (255) where `ink(row, col)` says. */
function image(ink: (r: number, c: number) => boolean): Uint8Array {
  const px = new Uint8Array(SIDE * SIDE);
  for (let r = 0; r < SIDE; r++) for (let c = 0; c < SIDE; c++) if (ink(r, c)) px[r * SIDE + c] = 255;
  return px;
}

describe('strokesFromImage', () => {
  it('turns each run of ink in a row into one stroke through its pixel centres', () => {
    // Row 5: columns 3-6 and a lone pixel at 10. Row 6: column 20 only at half ink (128, kept) and 21 below half (127, left).
    const px = image((r, c) => r === 5 && ((c >= 3 && c <= 6) || c === 10));
    px[6 * SIDE + 20] = 128;
    px[6 * SIDE + 21] = 127;
    const strokes = strokesFromImage(px);
    expect(strokes).toEqual([
      [
        { x: 3.5 / 28, y: 5.5 / 28 },
        { x: 6.5 / 28, y: 5.5 / 28 },
      ],
      [{ x: 10.5 / 28, y: 5.5 / 28 }],
      [{ x: 20.5 / 28, y: 6.5 / 28 }],
    ]);
  });

  it('closes a run that reaches the right edge', () => {
    const strokes = strokesFromImage(image((r, c) => r === 0 && c >= 26));
    expect(strokes).toEqual([
      [
        { x: 26.5 / 28, y: 0.5 / 28 },
        { x: 27.5 / 28, y: 0.5 / 28 },
      ],
    ]);
  });

  it('gives nothing for a blank image, and refuses one of the wrong size', () => {
    expect(strokesFromImage(new Uint8Array(SIDE * SIDE))).toEqual([]);
    expect(() => strokesFromImage(new Uint8Array(100))).toThrow(RangeError);
  });

  it('comes back through the pad’s preprocessing as the same digit at the same size', () => {
    // A "7": a bar across the top and a slanted stroke down, 3 px thick, 19 px tall like an MNIST digit.
    const seven = image((r, c) => (r >= 5 && r <= 7 && c >= 7 && c <= 20) || (r >= 5 && r <= 23 && Math.abs(c - (15 + Math.floor((r - 5) / 4))) <= 1));
    const result = preprocess(strokesFromImage(seven))!;
    const inkRows = (ink: (i: number) => boolean) => {
      const rows = Array.from({ length: SIDE }, (_, r) => r).filter((r) => Array.from({ length: SIDE }, (_, c) => c).some((c) => ink(r * SIDE + c)));
      return rows.at(-1)! - rows[0] + 1;
    };
    expect(Math.abs(inkRows((i) => result.centred[i] >= 0.5) - inkRows((i) => seven[i] >= 128))).toBeLessThanOrEqual(2);
    // Centring by mass moves the digit: compare the shapes at the best shift (intersection over union at half ink).
    let best = 0;
    for (let dy = -4; dy <= 4; dy++)
      for (let dx = -4; dx <= 4; dx++) {
        let both = 0;
        let either = 0;
        for (let r = 0; r < SIDE; r++)
          for (let c = 0; c < SIDE; c++) {
            const a = seven[r * SIDE + c] >= 128;
            const [rr, cc] = [r + dy, c + dx];
            const b = rr >= 0 && rr < SIDE && cc >= 0 && cc < SIDE && result.centred[rr * SIDE + cc] >= 0.5;
            if (a && b) both++;
            if (a || b) either++;
          }
        best = Math.max(best, both / either);
      }
    expect(best).toBeGreaterThan(0.6);
  });
});
