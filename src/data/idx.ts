/**
 * IDX file parsing (the format MNIST ships in). Every header field is checked,
 * so a truncated, swapped or foreign file fails with a message naming the
 * file rather than producing a silently wrong data set.
 */

/** Magic number of an IDX file of unsigned bytes with 3 dimensions (images). */
export const IDX_IMAGES_MAGIC = 0x00000803;
/** Magic number of an IDX file of unsigned bytes with 1 dimension (labels). */
export const IDX_LABELS_MAGIC = 0x00000801;

export class IdxError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'IdxError';
    this.file = file;
  }
}

export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  /** count × rows × cols bytes, 0 = background, 255 = ink; a view into the file's buffer. */
  pixels: Uint8Array;
}

function header(buf: ArrayBuffer, file: string, words: number): DataView {
  if (buf.byteLength < words * 4) {
    throw new IdxError(file, `file is ${buf.byteLength} bytes, too short for an IDX header (${words * 4} bytes)`);
  }
  return new DataView(buf);
}

function checkMagic(view: DataView, file: string, expected: number, what: string): void {
  const magic = view.getUint32(0, false);
  if (magic !== expected) {
    const hex = (n: number) => '0x' + n.toString(16).padStart(8, '0');
    throw new IdxError(file, `not an IDX ${what} file (magic number ${hex(magic)}, expected ${hex(expected)})`);
  }
}

export function parseIdxImages(buf: ArrayBuffer, file: string, expect: { rows?: number; cols?: number; count?: number } = { rows: 28, cols: 28 }): IdxImages {
  const view = header(buf, file, 4);
  checkMagic(view, file, IDX_IMAGES_MAGIC, 'image');
  const count = view.getUint32(4, false);
  const rows = view.getUint32(8, false);
  const cols = view.getUint32(12, false);
  if (expect.rows !== undefined && rows !== expect.rows) throw new IdxError(file, `images are ${rows} rows high, expected ${expect.rows}`);
  if (expect.cols !== undefined && cols !== expect.cols) throw new IdxError(file, `images are ${cols} columns wide, expected ${expect.cols}`);
  if (expect.count !== undefined && count !== expect.count) throw new IdxError(file, `holds ${count} images, expected ${expect.count}`);
  const need = 16 + count * rows * cols;
  if (buf.byteLength !== need) {
    const how = buf.byteLength < need ? 'truncated' : 'has trailing bytes';
    throw new IdxError(file, `${how}: ${buf.byteLength} bytes for ${count} images of ${rows}×${cols} (expected ${need})`);
  }
  return { count, rows, cols, pixels: new Uint8Array(buf, 16, count * rows * cols) };
}

export function parseIdxLabels(buf: ArrayBuffer, file: string, expect: { count?: number; numClasses?: number } = { numClasses: 10 }): Uint8Array {
  const view = header(buf, file, 2);
  checkMagic(view, file, IDX_LABELS_MAGIC, 'label');
  const count = view.getUint32(4, false);
  if (expect.count !== undefined && count !== expect.count) throw new IdxError(file, `holds ${count} labels, expected ${expect.count}`);
  const need = 8 + count;
  if (buf.byteLength !== need) {
    const how = buf.byteLength < need ? 'truncated' : 'has trailing bytes';
    throw new IdxError(file, `${how}: ${buf.byteLength} bytes for ${count} labels (expected ${need})`);
  }
  const labels = new Uint8Array(buf, 8, count);
  if (expect.numClasses !== undefined) {
    for (let i = 0; i < count; i++) {
      if (labels[i] >= expect.numClasses) {
        throw new IdxError(file, `label ${labels[i]} at index ${i} is not a digit 0-${expect.numClasses - 1}`);
      }
    }
  }
  return labels;
}

/** Builds an IDX image file in memory (for tests and tools). */
export function encodeIdxImages(pixels: Uint8Array, count: number, rows: number, cols: number): ArrayBuffer {
  const buf = new ArrayBuffer(16 + count * rows * cols);
  const view = new DataView(buf);
  view.setUint32(0, IDX_IMAGES_MAGIC, false);
  view.setUint32(4, count, false);
  view.setUint32(8, rows, false);
  view.setUint32(12, cols, false);
  new Uint8Array(buf, 16).set(pixels.subarray(0, count * rows * cols));
  return buf;
}

/** Builds an IDX label file in memory (for tests and tools). */
export function encodeIdxLabels(labels: Uint8Array): ArrayBuffer {
  const buf = new ArrayBuffer(8 + labels.length);
  const view = new DataView(buf);
  view.setUint32(0, IDX_LABELS_MAGIC, false);
  view.setUint32(4, labels.length, false);
  new Uint8Array(buf, 8).set(labels);
  return buf;
}
