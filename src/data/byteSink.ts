/**
 * Where a file's bytes go as they arrive, chunk by chunk: the decompression
 * pushes them, and the sink makes the file of them at the end. A sink never
 * throws from `push`: whatever is wrong with the bytes it says at `end`, so
 * that a stream's own failure and a damaged file stay apart.
 */
export interface ByteSink {
  push(chunk: Uint8Array): void;
  /** The whole file; throws if the bytes pushed do not make one. */
  end(): ArrayBuffer;
}

/** The chunks joined as they came (one chunk that is a whole buffer: that buffer, not a copy). */
export function concatSink(): ByteSink {
  const chunks: Uint8Array[] = [];
  let length = 0;
  return {
    push(chunk) {
      chunks.push(chunk);
      length += chunk.byteLength;
    },
    end() {
      const [only] = chunks;
      if (chunks.length === 1 && only.byteOffset === 0 && only.byteLength === only.buffer.byteLength) return only.buffer as ArrayBuffer;
      const out = new Uint8Array(length);
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.byteLength;
      }
      return out.buffer;
    },
  };
}
