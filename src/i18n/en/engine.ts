/**
 * Which engine trains, and why: the worker sends codes and numbers
 * (shared/engineIds.ts), app/engineWords.ts words them with these. An
 * engine is the hand-written WebAssembly SIMD engine or tfjs on one of its
 * backends; a software renderer is never called a GPU.
 */
export default {
  starting: 'choosing the fastest engine…',
  /** The engine's name on the backend line; {{count}} threads. */
  names: {
    simd_one: 'WebAssembly SIMD, {{count}} thread',
    simd_other: 'WebAssembly SIMD, {{count}} threads',
    /** {{name}} is simd_*; {{threads}} the threads a comparison trains on. */
    simdComparison: '{{name}} ({{threads}} for a comparison)',
    webgl: 'WebGL',
    webglGpu: 'WebGL (GPU)',
    webglSoftware: 'WebGL (software renderer)',
    webglSoftwareNamed: 'WebGL (software renderer: {{renderer}})',
    wasm: 'wasm (WebAssembly, CPU)',
    wasmThreads_one: 'wasm (WebAssembly, CPU, {{count}} thread)',
    wasmThreads_other: 'wasm (WebAssembly, CPU, {{count}} threads)',
    cpu: 'cpu (plain JavaScript)',
  },
  /** How an engine is called inside a sentence ("faster than tfjs wasm"). */
  short: { simd: 'WebAssembly SIMD', webgl: 'WebGL', wasm: 'tfjs wasm', cpu: 'tfjs cpu' },
  /** {{ratio}} is formatted: "9", "1.4". */
  times: '{{ratio}}×',
  fasterThan: '{{times}} faster than {{engine}}',
  /** The SIMD engine against itself on another number of threads: "1.3× faster than on 1 thread". */
  fasterThanThreads_one: '{{times}} faster than on {{count}} thread',
  fasterThanThreads_other: '{{times}} faster than on {{count}} threads',
  /** Why this engine trains, after its name; clauses are joined with "; ". */
  reason: {
    /** {{compared}}: "9× faster than tfjs wasm and 110× faster than WebGL". */
    measured: '{{compared}} here',
    only: 'the only engine that ran in the start-up test',
    default: 'tfjs chose its first working backend',
    forced: 'chosen in the page address (?backend={{id}})',
    forcedUnavailable: 'the page address asked for {{engine}} (?backend={{id}}), but {{why}}',
  },
  /** WebGL on a renderer that computes on the CPU; {{renderer}}: SwiftShader, llvmpipe. */
  software: {
    timed: 'WebGL runs on a software renderer, which computes on the CPU',
    timedNamed: 'WebGL runs on a software renderer ({{renderer}}), which computes on the CPU',
    notTimed: 'WebGL runs on a software renderer, which computes on the CPU, and was not timed',
    notTimedNamed: 'WebGL runs on a software renderer ({{renderer}}), which computes on the CPU, and was not timed',
  },
  /** Why an engine is not used; {{engine}} is its short name. */
  unavailable: {
    'no-simd': '{{engine}} is not available in this browser',
    failed: '{{engine}} did not start',
    'failed-earlier': '{{engine}} failed earlier in this session',
  },
  /** The start-up test's own figures; the numbers are formatted. */
  probe: 'Start-up test {{seconds}} s · ms per batch of {{batch}}: {{timings}}',
  probeTiming: '{{engine}} {{ms}}',
  /** The SIMD engine timed on one thread and on two: "WebAssembly SIMD (2 threads) 0.30". */
  probeTimingThreads_one: '{{engine}} ({{count}} thread) {{ms}}',
  probeTimingThreads_other: '{{engine}} ({{count}} threads) {{ms}}',
  relaxed: 'the SIMD engine uses relaxed SIMD’s fused multiply-add',
  /** A job that trains on tfjs although the SIMD engine was chosen. */
  fallback: 'This run trains on {{engine}}: {{why}}.',
  fallbackWhy: {
    memory: 'the WebAssembly SIMD engine cannot hold this network in its memory',
    failed: 'the WebAssembly SIMD engine could not be started for it',
  },
} as const;
