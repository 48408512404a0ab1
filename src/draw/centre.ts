/**
 * LeCun's last step: the 20×20 digit placed in a 28×28 field so that its
 * centre of mass sits at the field's centre.
 *
 * The shift is rounded to whole pixels, as MNIST's integer translation was:
 * no resampling, so no extra blur, and the residual offset is at most half a
 * pixel on each axis. Ink shifted past the edge is dropped (MNIST did the
 * same; it needs a digit whose mass lies over 4 px from its box's centre).
 */
import type { Gray } from './image.ts';

/** MNIST's image side, px. */
export const SIDE = 28;

export interface MassCentre {
  /** Mass-weighted mean of pixel centres (col + 0.5, row + 0.5), px. */
  x: number;
  y: number;
}

/** Centre of mass in pixel-centre coordinates; the image centre for a blank image. */
export function massCentre(img: Gray): MassCentre {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < img.h; y++) {
    for (let x = 0; x < img.w; x++) {
      const v = img.data[y * img.w + x];
      m += v;
      sx += v * (x + 0.5);
      sy += v * (y + 0.5);
    }
  }
  return m > 0 ? { x: sx / m, y: sy / m } : { x: img.w / 2, y: img.h / 2 };
}

/** `img` translated by whole pixels into a side × side field, its mass centre at (side/2, side/2). */
export function centreByMass(img: Gray, side = SIDE): Gray {
  const c = massCentre(img);
  const dx = Math.round(side / 2 - c.x);
  const dy = Math.round(side / 2 - c.y);
  const data = new Float32Array(side * side);
  for (let y = 0; y < img.h; y++) {
    const ty = y + dy;
    if (ty < 0 || ty >= side) continue;
    for (let x = 0; x < img.w; x++) {
      const tx = x + dx;
      if (tx >= 0 && tx < side) data[ty * side + tx] = img.data[y * img.w + x];
    }
  }
  return { data, w: side, h: side };
}
