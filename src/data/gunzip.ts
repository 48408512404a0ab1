/**
 * gzip decompression with the platform's own DecompressionStream (browsers,
 * workers and Node 18+), so no inflate library ships with the lab. The MNIST
 * files travel gzipped: 11.5 MB instead of 55 MB.
 */

/** The two bytes every gzip member starts with (RFC 1952, §2.3.1). */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

export class GzipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GzipError';
  }
}

export function isGzip(bytes: ArrayBuffer): boolean {
  const head = new Uint8Array(bytes, 0, Math.min(2, bytes.byteLength));
  return head.length === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/**
 * The decompressed bytes of `bytes`. Bytes that do not start with gzip's
 * magic are returned as they are: a server that labels a `.gz` file
 * `Content-Encoding: gzip` (some do) has the browser decompress it already,
 * and the IDX parser checks whatever comes out. A gzip stream that is
 * damaged or cut short throws a GzipError.
 */
export async function gunzip(bytes: ArrayBuffer): Promise<ArrayBuffer> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  try {
    return await new Response(stream).arrayBuffer();
  } catch (e) {
    throw new GzipError(`not a valid gzip file (${(e as Error).message})`);
  }
}
