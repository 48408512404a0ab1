/**
 * The one image sampler of augmentation and of the rotated test sets:
 * bilinear interpolation of a 28 × 28 image at points given by an inverse
 * affine map, zero outside the image.
 *
 * Coordinates: pixel (u, v) is column u, row v, its centre at (u, v); y
 * points down the screen. The centre of rotation and scaling is (13.5, 13.5),
 * the middle of the pixel centres 0 … 27: a quarter turn then maps every
 * pixel centre onto a pixel centre, so rotating by 90° is an exact pixel
 * permutation (with cos and sin exact at quarter turns, see cosDeg).
 */

/** Side of an MNIST image, px. */
export const SIDE = 28;
/** The centre of rotation and scaling, px (both axes). */
export const CENTRE = (SIDE - 1) / 2;
/** The padded copy of a source image: one ring of zeros, so the four neighbours of any point that touches the image are in bounds. */
export const PADDED_SIDE = SIDE + 2;
export const PADDED_SIZE = PADDED_SIDE * PADDED_SIDE;

/** One image's transform, as the forward map: p' = c + scale · R(angle) · (p − c) + shift. */
export interface AffineParams {
  /** Degrees, counter-clockwise on screen. */
  angleDeg: number;
  /** Factor on distances from the centre (> 0); 2 doubles the digit's size. */
  scale: number;
  /** Pixels to the right. */
  shiftX: number;
  /** Pixels down. */
  shiftY: number;
}

export const IDENTITY: AffineParams = { angleDeg: 0, scale: 1, shiftX: 0, shiftY: 0 };

/**
 * cos of an angle in degrees, exact at whole quarter turns (Math.cos(π / 2)
 * is 6e-17, which would blur a 90° turn by a hair).
 */
export function cosDeg(deg: number): number {
  const q = deg / 90;
  if (Number.isInteger(q)) {
    const k = ((q % 4) + 4) % 4;
    return k === 0 ? 1 : k === 2 ? -1 : 0;
  }
  return Math.cos((deg * Math.PI) / 180);
}

/** sin of an angle in degrees, exact at whole quarter turns. */
export function sinDeg(deg: number): number {
  return cosDeg(90 - deg);
}

/**
 * Writes the inverse of `p`'s forward map into `m` as
 * source = (m[0]·u + m[1]·v + m[4], m[2]·u + m[3]·v + m[5]) for output pixel (u, v).
 * Forward, on screen (y down), a counter-clockwise turn by θ takes the offset
 * (dx, dy) from the centre to (cos θ·dx + sin θ·dy, −sin θ·dx + cos θ·dy);
 * its inverse is the transpose, divided by the scale.
 */
export function inverseAffine(p: AffineParams, m: Float64Array): void {
  const c = cosDeg(p.angleDeg);
  const s = sinDeg(p.angleDeg);
  const k = 1 / p.scale;
  m[0] = c * k;
  m[1] = -s * k;
  m[2] = s * k;
  m[3] = c * k;
  const tx = CENTRE + p.shiftX;
  const ty = CENTRE + p.shiftY;
  m[4] = CENTRE - m[0] * tx - m[1] * ty;
  m[5] = CENTRE - m[2] * tx - m[3] * ty;
}

/** Copies the image at x[offset …] into `padded` (zero ring untouched: it must be zero). A plain loop: 28 subarray views an image would be 1,800 allocations a batch. */
export function loadPadded(x: Float32Array, offset: number, padded: Float32Array): void {
  for (let v = 0; v < SIDE; v++) {
    const from = offset + v * SIDE;
    const to = (v + 1) * PADDED_SIDE + 1;
    for (let u = 0; u < SIDE; u++) padded[to + u] = x[from + u];
  }
}

/** Like loadPadded, from uint8 pixels (scaled by 1/255, as fillBatch does). */
export function loadPaddedBytes(px: Uint8Array, offset: number, padded: Float32Array): void {
  for (let v = 0; v < SIDE; v++) {
    const from = offset + v * SIDE;
    const to = (v + 1) * PADDED_SIDE + 1;
    for (let u = 0; u < SIDE; u++) padded[to + u] = px[from + u] / 255;
  }
}

/**
 * Bilinear value of the padded image at source point (sx, sy), 0 when no
 * neighbour lies in the image. At an integer point the weights of the other
 * neighbours are exactly 0, so the pixel comes back bit for bit.
 */
function bilinear(padded: Float32Array, sx: number, sy: number): number {
  // The range test first (NaN fails it too, and reads as 0); then the padded
  // coordinates are ≥ 0, where truncation is floor and cheaper than Math.floor.
  if (!(sx >= -1 && sx < SIDE && sy >= -1 && sy < SIDE)) return 0;
  const gx = sx + 1;
  const gy = sy + 1;
  const ix = gx | 0;
  const iy = gy | 0;
  const i = iy * PADDED_SIDE + ix;
  const ax = gx - ix;
  const top = padded[i] + ax * (padded[i + 1] - padded[i]);
  const bottom = padded[i + PADDED_SIDE] + ax * (padded[i + PADDED_SIDE + 1] - padded[i + PADDED_SIDE]);
  return top + (gy - iy) * (bottom - top);
}

/** Samples the padded source through inverse map `m` into dst[offset … offset + 784). */
export function sampleAffine(padded: Float32Array, m: Float64Array, dst: Float32Array, offset: number): void {
  const m0 = m[0],
    m1 = m[1],
    m2 = m[2],
    m3 = m[3],
    m4 = m[4],
    m5 = m[5];
  for (let v = 0; v < SIDE; v++) {
    const rx = m1 * v + m4;
    const ry = m3 * v + m5;
    const row = offset + v * SIDE;
    for (let u = 0; u < SIDE; u++) dst[row + u] = bilinear(padded, m0 * u + rx, m2 * u + ry);
  }
}

/**
 * As sampleAffine, each output pixel's source point moved by (dispX, dispY)[pixel]:
 * an elastic field already expressed in source pixels (see elastic.ts).
 */
export function sampleDisplaced(padded: Float32Array, m: Float64Array, dispX: Float32Array, dispY: Float32Array, dst: Float32Array, offset: number): void {
  const m0 = m[0],
    m1 = m[1],
    m2 = m[2],
    m3 = m[3],
    m4 = m[4],
    m5 = m[5];
  for (let v = 0; v < SIDE; v++) {
    const rx = m1 * v + m4;
    const ry = m3 * v + m5;
    const row = v * SIDE;
    for (let u = 0; u < SIDE; u++) dst[offset + row + u] = bilinear(padded, m0 * u + rx + dispX[row + u], m2 * u + ry + dispY[row + u]);
  }
}
