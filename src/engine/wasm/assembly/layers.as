// The elementwise parts of a dense layer: the activation and its derivative,
// inverted dropout, the bias gradient, the input scaling and the transposed
// weights the backward product reads. Pointers are byte offsets into the one
// linear memory; a row of a layer is `ld` floats, its first `cols` real and
// the rest padding up to a multiple of 8 (see ../layout.ts).
//
// Each operation is the tfjs engine's, in the same float32 operations, so the
// two engines differ only in the order of the sums inside the products.

/** The activation codes, as ../layout.ts numbers them. */
const RELU = 0;
const LEAKY_RELU = 1;
const TANH = 2;
const SIGMOID = 3;

/** PyTorch's nn.LeakyReLU slope (shared/network.ts). */
const LEAKY_SLOPE: f32 = 0.01;

/** h = act(z) over `count` floats (a multiple of 4), in place when h == z. */
export function activate(h: usize, z: usize, count: i32, kind: i32): void {
  const end = z + ((<usize>count) << 2);
  const zero = f32x4.splat(0);
  if (kind == RELU) {
    for (; z < end; z += 16, h += 16) v128.store(h, f32x4.max(v128.load(z), zero));
  } else if (kind == LEAKY_RELU) {
    const slope = f32x4.splat(LEAKY_SLOPE);
    for (; z < end; z += 16, h += 16) {
      const v = v128.load(z);
      v128.store(h, v128.bitselect(v, f32x4.mul(v, slope), f32x4.gt(v, zero)));
    }
  } else if (kind == TANH) {
    for (; z < end; z += 4, h += 4) store<f32>(h, Mathf.tanh(load<f32>(z)));
  } else {
    for (; z < end; z += 4, h += 4) store<f32>(h, <f32>1 / (<f32>1 + Mathf.exp(-load<f32>(z))));
  }
}

/** dz = da · act'(z), from the activation's output h = act(z), over `count` floats (a multiple of 4). */
export function activateBackward(dz: usize, da: usize, h: usize, count: i32, kind: i32): void {
  const end = h + ((<usize>count) << 2);
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  if (kind == RELU) {
    for (; h < end; h += 16, da += 16, dz += 16) v128.store(dz, v128.and(v128.load(da), f32x4.gt(v128.load(h), zero)));
  } else if (kind == LEAKY_RELU) {
    // h > 0 exactly where z > 0: the slope's sign keeps h ≤ 0 for z ≤ 0.
    const slope = f32x4.splat(LEAKY_SLOPE);
    for (; h < end; h += 16, da += 16, dz += 16) {
      const d = v128.load(da);
      v128.store(dz, v128.bitselect(d, f32x4.mul(d, slope), f32x4.gt(v128.load(h), zero)));
    }
  } else if (kind == TANH) {
    for (; h < end; h += 16, da += 16, dz += 16) {
      const y = v128.load(h);
      v128.store(dz, f32x4.mul(f32x4.sub(one, f32x4.mul(y, y)), v128.load(da)));
    }
  } else {
    for (; h < end; h += 16, da += 16, dz += 16) {
      const y = v128.load(h);
      v128.store(dz, f32x4.mul(v128.load(da), f32x4.mul(y, f32x4.sub(one, y))));
    }
  }
}

/**
 * Inverted dropout, forward (dst = a hidden layer's output) or backward (dst
 * = its gradient, in place): dst[i, j] = src[i, j] · (u[i, j] ≥ p ? scale : 0)
 * for the `cols` real units of each of the n rows; u is n × cols, unpadded,
 * as the caller's seeded draws come. A unit dropped in the forward pass gets
 * no gradient in the backward one, because both read the same draws.
 */
export function dropout(dst: usize, src: usize, u: usize, n: i32, cols: i32, ld: i32, p: f32, scale: f32): void {
  const row = (<usize>ld) << 2;
  const cols4 = cols & ~3;
  const vp = f32x4.splat(p);
  const vs = f32x4.splat(scale);
  const zero = f32x4.splat(0);
  for (let i = 0; i < n; i++) {
    let j = 0;
    for (; j < cols4; j += 4) {
      const o = (<usize>j) << 2;
      const keep = v128.bitselect(vs, zero, f32x4.ge(v128.load(u + o), vp));
      v128.store(dst + o, f32x4.mul(v128.load(src + o), keep));
    }
    for (; j < cols; j++) {
      const o = (<usize>j) << 2;
      store<f32>(dst + o, load<f32>(src + o) * (load<f32>(u + o) >= p ? scale : 0));
    }
    dst += row;
    src += row;
    u += (<usize>cols) << 2;
  }
}

/** db[j] = Σ_i dz[i, j] over n rows of `ld` floats (a multiple of 4): the bias gradient. */
export function columnSums(db: usize, dz: usize, n: i32, ld: i32): void {
  const row = (<usize>ld) << 2;
  for (let j: usize = 0; j < row; j += 16) {
    let s = f32x4.splat(0);
    let p = dz + j;
    for (let i = 0; i < n; i++, p += row) s = f32x4.add(s, v128.load(p));
    v128.store(db + j, s);
  }
}

/**
 * x = pixel / 255 over `count` bytes of uint8 pixels: the unit-scaled inputs
 * fillBatch (data/dataset.ts) makes in JavaScript, the same float32 numbers
 * (a float32 division is correctly rounded, and so is JavaScript's float64
 * quotient rounded to float32, for every byte: wasm/raceEngine.test.ts), without a
 * float array crossing from the host.
 */
export function unitPixels(x: usize, pixels: usize, count: i32): void {
  const end = pixels + <usize>count;
  const end16 = pixels + <usize>(count & ~15);
  const scale = f32x4.splat(255);
  for (; pixels < end16; pixels += 16, x += 64) {
    const v = v128.load(pixels);
    const lo = i16x8.extend_low_i8x16_u(v), hi = i16x8.extend_high_i8x16_u(v);
    v128.store(x, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(lo)), scale));
    v128.store(x, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(lo)), scale), 16);
    v128.store(x, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_low_i16x8_u(hi)), scale), 32);
    v128.store(x, f32x4.div(f32x4.convert_i32x4_u(i32x4.extend_high_i16x8_u(hi)), scale), 48);
  }
  for (; pixels < end; pixels++, x += 4) store<f32>(x, <f32>load<u8>(pixels) / <f32>255);
}

/** x = (x − mean) / std over `count` floats: MNIST standardisation (shared/network.ts). */
export function standardise(x: usize, count: i32, mean: f32, std: f32): void {
  const end = x + ((<usize>count) << 2);
  const end4 = x + ((<usize>(count & ~3)) << 2);
  const vm = f32x4.splat(mean);
  const vs = f32x4.splat(std);
  for (; x < end4; x += 16) v128.store(x, f32x4.div(f32x4.sub(v128.load(x), vm), vs));
  for (; x < end; x += 4) store<f32>(x, (load<f32>(x) - mean) / std);
}

/**
 * wt = wᵀ for the backward product dy·Wᵀ: w is rows × cols (row stride ldw),
 * wt is cols × ldt with the columns from `rows` to ldt zero, so that the
 * product's padding lanes are zero.
 */
export function transpose(wt: usize, w: usize, rows: i32, cols: i32, ldw: i32, ldt: i32): void {
  for (let j = 0; j < cols; j++) {
    const dst = wt + (<usize>j) * ((<usize>ldt) << 2);
    let src = w + ((<usize>j) << 2);
    const step = (<usize>ldw) << 2;
    let i = 0;
    for (; i < rows; i++, src += step) store<f32>(dst + ((<usize>i) << 2), load<f32>(src));
    for (; i < ldt; i++) store<f32>(dst + ((<usize>i) << 2), 0);
  }
}
