/** The tfjs backends the worker can train on, in the protocol's and the page's words. */
export type BackendName = 'webgl' | 'wasm' | 'cpu';

/** The order tfjs's backends are tried in when none is asked for: the GPU, then WebAssembly, then plain JavaScript. */
export const BACKEND_ORDER: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** How a backend is named on the page and in messages. */

const NAMES: Record<BackendName, string> = { webgl: 'WebGL (GPU)', wasm: 'wasm (WebAssembly, CPU)', cpu: 'cpu (plain JavaScript)' };

export function backendName(b: BackendName): string {
  return NAMES[b];
}
