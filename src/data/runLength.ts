/**
 * The MNIST image files travel run-length coded inside their gzip: four
 * fifths of MNIST's pixels are 0, and coding the runs of zeros first leaves
 * the browser a quarter of the bytes to inflate (12 MB instead of 47 MB for
 * the training images), and the file is smaller too (9.4 against 9.8 MB
 * gzipped). The inflate was the longest step between opening the page and
 * the first loss. The coded file is decoded as it inflates, chunk by chunk,
 * and gives back the IDX file byte for byte. A file that is not coded (the
 * labels; a file kept by an earlier version of the lab) passes as it is.
 *
 * Layout (version 1, named in the magic): `MLR1`, the decoded length (u32,
 * big-endian), `head` (u32) bytes kept as they are (the IDX header), the
 * head, then runs to the end: a byte of zeros to skip (0-255), a byte of
 * literals to copy (0-255), the literals. A longer run is split in two.
 */
import type { ByteSink } from './byteSink.ts';
import { concatSink } from './byteSink.ts';

/** `MLR1`: never the start of an IDX file, whose magic begins 00 00. */
const MAGIC = [0x4d, 0x4c, 0x52, 0x31] as const;
/** The magic, the length and the head's length. */
const PREAMBLE = MAGIC.length + 8;
const MAX_RUN = 255;

export class RunLengthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunLengthError';
  }
}

const startsWithMagic = (bytes: Uint8Array) => bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);

/** `bytes` coded: the first `head` kept as they are, the runs of zeros in the rest. */
export function encodeRunLength(bytes: Uint8Array, head: number): Uint8Array {
  if (head > bytes.length) throw new RangeError(`head ${head} is longer than the ${bytes.length} bytes`);
  // At worst two bytes of runs for every literal byte.
  const out = new Uint8Array(PREAMBLE + head + 2 * (bytes.length - head) + 2);
  out.set(MAGIC, 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, bytes.length);
  view.setUint32(8, head);
  out.set(bytes.subarray(0, head), PREAMBLE);
  let o = PREAMBLE + head;
  let i = head;
  while (i < bytes.length) {
    let zeros = 0;
    while (i < bytes.length && bytes[i] === 0 && zeros < MAX_RUN) {
      zeros++;
      i++;
    }
    const from = i;
    while (i < bytes.length && bytes[i] !== 0 && i - from < MAX_RUN) i++;
    out[o++] = zeros;
    out[o++] = i - from;
    out.set(bytes.subarray(from, i), o);
    o += i - from;
  }
  return out.slice(0, o);
}

/** The file `bytes` stand for: decoded if they are run-length coded, else as they are. */
export function decodeRunLength(bytes: ArrayBuffer): ArrayBuffer {
  const sink = runLengthSink();
  sink.push(new Uint8Array(bytes));
  return sink.end();
}

/**
 * A sink that decodes a run-length coded file as its chunks arrive, into
 * the one buffer the file needs, and joins any other file as it is. A
 * coding that is cut short or overruns its length throws a RunLengthError
 * at the end.
 */
export function runLengthSink(): ByteSink {
  /** The first chunks, until the preamble is in: they say whether the file is coded. */
  let start: ByteSink | null = concatSink();
  let startLength = 0;
  let plain: ByteSink | null = null;
  let out = new Uint8Array(0);
  /** Bytes decoded so far (the head's included), of out.length. */
  let d = 0;
  let headLeft = 0;
  let literalsLeft = 0;
  /** The next byte of runs counts zeros (else literals). */
  let zerosNext = true;
  let problem: string | null = null;

  const decode = (c: Uint8Array, from: number) => {
    const n = c.length;
    const length = out.length;
    let i = from;
    while (i < n) {
      if (headLeft > 0 || literalsLeft > 0) {
        const k = Math.min(headLeft || literalsLeft, n - i);
        // Runs are short (a stroke across a row): a loop beats a subarray and set() per run.
        for (const end = i + k; i < end; ) out[d++] = c[i++];
        if (headLeft > 0) headLeft -= k;
        else literalsLeft -= k;
      } else if (zerosNext) {
        d += c[i++];
        zerosNext = false;
        if (d > length) problem = `a run of zeros overruns the ${length} bytes`;
      } else {
        literalsLeft = c[i++];
        zerosNext = true;
        if (d + literalsLeft > length) problem = `a run of literals overruns the ${length} bytes`;
      }
      if (problem) return;
    }
  };

  /** With the preamble in: a coded file gets its buffer, any other goes to the plain sink. */
  const begin = (first: Uint8Array) => {
    if (!startsWithMagic(first)) {
      plain = concatSink();
      plain.push(first);
      return;
    }
    const view = new DataView(first.buffer, first.byteOffset, first.byteLength);
    const length = view.getUint32(4);
    headLeft = view.getUint32(8);
    if (headLeft > length) problem = `a head of ${headLeft} bytes in a file of ${length}`;
    else out = new Uint8Array(length);
    if (!problem) decode(first, PREAMBLE);
  };

  return {
    push(chunk) {
      if (problem) return;
      if (plain) return plain.push(chunk);
      if (start) {
        start.push(chunk);
        startLength += chunk.length;
        if (startLength < PREAMBLE) return;
        const first = new Uint8Array(start.end());
        start = null;
        return begin(first);
      }
      decode(chunk, 0);
    },
    end() {
      if (start) {
        // Shorter than the preamble: a coded file cut short, or a (tiny) plain one.
        const all = new Uint8Array(start.end());
        if (startsWithMagic(all)) throw new RunLengthError('the coding is cut short in its preamble');
        start = null;
        begin(all);
      }
      if (plain) return plain.end();
      if (problem) throw new RunLengthError(problem);
      if (headLeft > 0 || literalsLeft > 0 || !zerosNext || d !== out.length) throw new RunLengthError(`the coding is cut short (${d} of ${out.length} bytes)`);
      return out.buffer;
    },
  };
}
