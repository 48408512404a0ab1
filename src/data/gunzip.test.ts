import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { GzipError, gunzip, gunzipStream, isGzip } from './gunzip.ts';
import { encodeIdxLabels } from './idx.ts';

const bytesOf = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('gunzip', () => {
  const raw = new Uint8Array(5000).map((_, i) => (i * 37) % 251);
  const gz = gzipSync(raw);

  it('gives back the bytes that were compressed', async () => {
    const out = new Uint8Array(await gunzip(bytesOf(gz)));
    expect(out.length).toBe(raw.length);
    expect(Buffer.from(out).equals(Buffer.from(raw))).toBe(true);
  });

  it('passes bytes through that are not gzip (a server that already decoded a .gz sent as Content-Encoding: gzip)', async () => {
    const idx = encodeIdxLabels(new Uint8Array([1, 2, 3]));
    expect(isGzip(idx)).toBe(false);
    expect(await gunzip(idx)).toBe(idx);
    expect(isGzip(new ArrayBuffer(1))).toBe(false);
  });

  it('rejects a gzip stream cut short, with junk after its end, or with a flipped byte', async () => {
    const cut = gz.subarray(0, gz.length - 100);
    const junk = Buffer.concat([gz, Buffer.from([1, 2, 3])]);
    const flipped = Buffer.from(gz);
    flipped[flipped.length - 6] ^= 0xff; // inside the CRC-32 of the data
    for (const bad of [cut, junk, flipped]) {
      await expect(gunzip(bytesOf(bad))).rejects.toThrow(GzipError);
    }
    await expect(gunzip(bytesOf(cut))).rejects.toThrow(/^not a valid gzip file \(/);
  });

  it('decompresses a stream as it arrives, in chunks of any size, and passes a stream that is not gzip through', async () => {
    const raw = encodeIdxLabels(Uint8Array.from({ length: 5000 }, (_, i) => i % 10));
    const zipped = new Uint8Array(gzipSync(new Uint8Array(raw)));
    // A first chunk of one byte: the magic spans two chunks.
    const chunks = (bytes: Uint8Array) => [bytes.subarray(0, 1), bytes.subarray(1, 700), bytes.subarray(700)];
    const stream = (parts: Uint8Array[]) =>
      new ReadableStream<Uint8Array>({
        start(c) {
          for (const p of parts) c.enqueue(p.slice());
          c.close();
        },
      });
    expect(new Uint8Array(await gunzipStream(stream(chunks(zipped))))).toEqual(new Uint8Array(raw));
    expect(new Uint8Array(await gunzipStream(stream(chunks(new Uint8Array(raw)))))).toEqual(new Uint8Array(raw));
    expect((await gunzipStream(stream([]))).byteLength).toBe(0);
  });

  it('throws a failure of the stream itself (the network) as it is, not as a damaged file', async () => {
    const zipped = new Uint8Array(gzipSync(new Uint8Array(encodeIdxLabels(new Uint8Array(3000)))));
    const lost = new TypeError('network error');
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent) c.error(lost);
        else c.enqueue(zipped.slice(0, 100));
        sent = true;
      },
    });
    await expect(gunzipStream(body)).rejects.toBe(lost);
  });
});
