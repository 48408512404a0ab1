import type { BackendName } from '../worker/protocol.ts';

/** How a backend is named on the page and in messages. */

const NAMES: Record<BackendName, string> = { webgl: 'WebGL (GPU)', wasm: 'wasm (WebAssembly, CPU)', cpu: 'cpu (plain JavaScript)' };

export function backendName(b: BackendName): string {
  return NAMES[b];
}
