/**
 * One run's step on two threads. The training worker and a helper worker
 * each hold an instance of the engine's shared build (build-wasm.mjs: its
 * memory is imported and shared), on the same memory, and share a control
 * block besides. network.ts splits a product's columns, or a weight
 * gradient's rows, between them: the helper makes its part while this
 * thread makes the other. Each sum is the single thread's, in the same
 * order, so the numbers are the same to the bit (team.test.ts).
 *
 * The control block (a SharedArrayBuffer of CONTROL_BYTES):
 * - int32 [0] job: raised by this thread for each job it posts;
 * - int32 [1] done: the last job the helper finished;
 * - int32 [2] state: running, quit (this thread lets the helper go), or
 *   failed (a kernel threw in the helper: this thread throws too);
 * - int32 [3] the job's number of calls;
 * - from byte 64, per call, CALL_WIDTH float64: the kernel's index in
 *   KERNELS, then its arguments (pointers, counts and f32 values are all
 *   exact in a float64).
 *
 * Waiting: each side spins for a fraction of a millisecond before it sleeps
 * in Atomics.wait, because the parts of one step come tens of microseconds
 * apart, and waking a sleeping thread costs about as much.
 */
import type { Kernels } from './kernels.ts';
import { instantiateKernels } from './kernels.ts';

/** The kernels a helper makes (their exports in assembly/index.as). */
export const KERNELS = ['gemmRows', 'gradCols', 'gemmPacked', 'gradPacked', 'setStep'] as const satisfies readonly (keyof Kernels)[];
export type KernelName = (typeof KERNELS)[number];
/** A call of one kernel: its name and arguments (a boolean as 0 or 1). */
export type KernelCall = readonly [KernelName, ...number[]];

export interface Team {
  /** Has the helper make `theirs`, in order, while this thread runs `mine`; returns when both are done. */
  split(theirs: readonly KernelCall[], mine: () => void): void;
  /** Lets the helper go (it may serve another team); splits after this throw. */
  dispose(): void;
}

/** The helper did not answer in time, or failed: the run cannot go on with this engine. */
export class TeamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamError';
  }
}

const JOB = 0;
const DONE = 1;
const STATE = 2;
const COUNT = 3;
const RUNNING = 0;
const QUIT = 1;
const FAILED = 2;
const CALLS_AT = 64;
const CALL_WIDTH = 16;
const MAX_CALLS = 8;
export const CONTROL_BYTES = CALLS_AT + MAX_CALLS * CALL_WIDTH * 8;

/** How long a side spins before it sleeps, ms. */
const SPIN_MS = 0.3;
/**
 * How long this thread waits for a job before it gives up, ms: a helper
 * that starts late (its first job waits for its script and instance) takes
 * a few hundred ms on a busy machine; one that never answers has died.
 */
const TIMEOUT_MS = 10_000;

const now = (): number => performance.now();

/** This thread's side of a control block. `released`: called once, when the team is disposed. */
export function leadTeam(control: SharedArrayBuffer, released: () => void = () => {}, timeoutMs = TIMEOUT_MS): Team {
  const flags = new Int32Array(control, 0, 4);
  const calls = new Float64Array(control, CALLS_AT);
  let job = 0;
  let live = true;
  return {
    split(theirs, mine) {
      if (!live) throw new TeamError('this team has been disposed');
      writeCalls(flags, calls, theirs);
      Atomics.store(flags, JOB, ++job);
      Atomics.notify(flags, JOB);
      mine();
      const start = now();
      while (Atomics.load(flags, DONE) !== job) {
        if (Atomics.load(flags, STATE) === FAILED) throw new TeamError('the helper thread failed');
        if (now() - start < SPIN_MS) continue;
        if (now() - start > timeoutMs) throw new TeamError(`the helper thread did not answer in ${timeoutMs} ms`);
        Atomics.wait(flags, DONE, job - 1, timeoutMs);
      }
    },
    dispose() {
      if (!live) return;
      live = false;
      Atomics.store(flags, STATE, QUIT);
      Atomics.notify(flags, JOB);
      released();
    },
  };
}

/**
 * The helper's side: makes each job's calls on `kernels` (an instance on
 * the shared memory) until the team lets it go. Blocks its thread, which
 * serves nothing else meanwhile.
 */
export function serveTeam(control: SharedArrayBuffer, kernels: Kernels): void {
  const flags = new Int32Array(control, 0, 4);
  const calls = new Float64Array(control, CALLS_AT);
  let seen = Atomics.load(flags, DONE);
  for (;;) {
    const start = now();
    while (Atomics.load(flags, JOB) === seen && Atomics.load(flags, STATE) === RUNNING) {
      if (now() - start > SPIN_MS) Atomics.wait(flags, JOB, seen);
    }
    if (Atomics.load(flags, STATE) !== RUNNING) return;
    seen = Atomics.load(flags, JOB);
    try {
      makeCalls(flags, calls, kernels);
    } catch (e) {
      Atomics.store(flags, STATE, FAILED);
      Atomics.notify(flags, DONE);
      throw e;
    }
    Atomics.store(flags, DONE, seen);
    Atomics.notify(flags, DONE);
  }
}

/** What a helper is sent to serve a team: the shared build, the engine's memory and the team's control block. */
export interface TeamBinding {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: SharedArrayBuffer;
}

/**
 * A helper's whole part for one team: an instance of the build on the
 * engine's memory, serving until the team lets it go. An instance that
 * cannot be made, or a kernel that throws, marks the team failed (its
 * step throws a TeamError) and returns, so the helper can serve the next.
 * `adapt`: tests put throwing kernels in place of the instance's.
 */
export function serveBinding({ module, memory, control }: TeamBinding, adapt: (k: Kernels) => Kernels = (k) => k): void {
  let kernels: Kernels;
  try {
    kernels = adapt(instantiateKernels(module, memory));
  } catch {
    const flags = new Int32Array(control, 0, 4);
    Atomics.store(flags, STATE, FAILED);
    Atomics.notify(flags, DONE);
    return;
  }
  try {
    serveTeam(control, kernels);
  } catch {
    // serveTeam has marked the team failed.
  }
}

/**
 * A team whose "helper" is a second instance on the same memory, called in
 * this thread before `mine`: the same calls through the same control block,
 * for tests of the split's numbers where there are no threads to wait on.
 */
export function inlineTeam(helper: Kernels): Team {
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const flags = new Int32Array(control, 0, 4);
  const calls = new Float64Array(control, CALLS_AT);
  let live = true;
  return {
    split(theirs, mine) {
      if (!live) throw new TeamError('this team has been disposed');
      writeCalls(flags, calls, theirs);
      makeCalls(flags, calls, helper);
      mine();
    },
    dispose() {
      live = false;
    },
  };
}

function writeCalls(flags: Int32Array, calls: Float64Array, theirs: readonly KernelCall[]): void {
  if (theirs.length > MAX_CALLS) throw new RangeError(`a job holds at most ${MAX_CALLS} calls, got ${theirs.length}`);
  theirs.forEach(([name, ...args], i) => {
    if (args.length >= CALL_WIDTH) throw new RangeError(`${name}: at most ${CALL_WIDTH - 1} arguments`);
    const at = i * CALL_WIDTH;
    calls[at] = KERNELS.indexOf(name);
    for (let a = 0; a < args.length; a++) calls[at + 1 + a] = args[a];
  });
  flags[COUNT] = theirs.length;
}

function makeCalls(flags: Int32Array, calls: Float64Array, kernels: Kernels): void {
  const table = kernels as unknown as Record<KernelName, (...args: number[]) => unknown>;
  for (let i = 0; i < flags[COUNT]; i++) {
    const at = i * CALL_WIDTH;
    const kernel = table[KERNELS[calls[at]]];
    kernel(...calls.subarray(at + 1, at + CALL_WIDTH));
  }
}
