/**
 * Notices, from the page, a training worker that is gone or stuck. It only
 * looks while the page waits on the worker (a job, a reset, a request), and
 * it judges two things from what the worker sends:
 *
 * - silent: no message at all for `silentMs`. The worker closed or crashed
 *   without an error event, or its event loop is blocked (an endless loop).
 *   While a job runs the worker beats every second, so silence is not idle.
 *   The limit depends on the engine: a batch, an evaluation chunk or a
 *   shader compile blocks the worker's event loop, and nothing can be posted
 *   then (see WATCHDOG_LIMITS for what was measured). Until a job trains
 *   (the engine chosen and warmed up, the data parsed), any engine gets at
 *   least the start-up allowance.
 * - stalled: beats, but no progress for `stallMs` while the job works (not
 *   paused), judged only while the beats come. After a lost WebGL context tfjs polls a fence that never
 *   signals: the event loop runs and beats, training never moves. Progress is
 *   a heartbeat whose `work` grew, or any event of the job itself.
 *
 * Pure apart from its timer; the page decides what firing means (it replaces
 * the worker).
 */
import type { EngineId } from '../shared/engineIds.ts';
import type { RunPhase, WorkerEvent } from '../worker/protocol.ts';

export type WatchdogCause = 'silent' | 'stalled';

/** What the page waits on: a job (it beats and must progress), or only a reply (it must answer). */
export type Watching = 'job' | 'reply' | null;

export interface WatchdogLimits {
  /**
   * Longest silence per engine while a job trains, ms; `unknown` before the
   * worker has named its engine, and the least allowed to any engine before
   * a job trains (its phase not yet 'training': see silenceLimit).
   */
  silentMs: Record<EngineId | 'unknown', number>;
  /** Longest time without progress while a job trains or evaluates, ms. */
  stallMs: number;
  /**
   * A stall is only judged while the worker is heard from (the last message
   * at most this old, ms: three heartbeats). A silent worker may be compiling:
   * silence has its own, backend-dependent, limit.
   */
  aliveMs: number;
  /** The same while the data downloads (not engine work: no `work` to count), ms. */
  loadingStallMs: number;
  /** How often the watchdog looks, ms. */
  checkMs: number;
}

export const WATCHDOG_LIMITS: WatchdogLimits = {
  // Measured in Chromium on SwiftShader, a load average of 10 on 2 cores, Train pressed while the
  // page-load warm-up compiled, batch 64 and 512: the longest gap between two messages was 1.2 s
  // on WebGL. wasm blocks for one batch or evaluation chunk (≤ 0.2 s at batch 2048), cpu for up
  // to ~2 s (a batch of 2048). Ten times that, at least 6 s.
  // The SIMD engine blocks for less than wasm (a batch of 2048 in ~20 ms, an evaluation chunk in
  // ~10 ms): the same floor of 6 s. What blocks the worker for longer happens before a job trains:
  // the start-up probe makes a WebGL context and compiles its test shader and starts tfjs's wasm,
  // then the data is parsed and the engine warmed up; at a load of 20 on 2 cores the e2e tests saw
  // gaps past 6 s there, on an engine already named 'simd'. Hence `unknown`'s 15 s until the job's
  // phase is 'training', whatever the engine, rather than a laxer limit for the engine itself.
  silentMs: { simd: 6_000, webgl: 15_000, wasm: 6_000, cpu: 15_000, unknown: 15_000 },
  // The slowest single operation: a readback of a 100 ms group of WebGL batches, or a 1,000-image chunk on cpu: ~1 s.
  stallMs: 20_000,
  aliveMs: 3_000,
  loadingStallMs: 120_000,
  checkMs: 500,
};

/** Worker events that mean the job moved on (replies to requests do not: they say nothing of the job). */
const JOB_EVENTS: ReadonlySet<WorkerEvent['type']> = new Set([
  'accepted',
  'phase',
  'data-loaded',
  'losses',
  'epoch',
  'done',
  'hyper-change',
  'race-losses',
  'race-epoch',
  'race-run-end',
  'race-done',
  'range-points',
  'range-done',
  'error',
  'reset-done',
]);

export class Watchdog {
  private watching: Watching = null;
  private backend: EngineId | 'unknown' = 'unknown';
  private timer: ReturnType<typeof setInterval> | null = null;
  /** When the worker was last heard from, when the job last progressed, and when the watchdog last looked (ms). */
  private lastHeard = 0;
  private lastProgress = 0;
  private lastCheck = 0;
  private lastWork: number | null = null;
  private phase: RunPhase | null = null;

  constructor(
    private readonly onFire: (cause: WatchdogCause) => void,
    private readonly limits: WatchdogLimits = WATCHDOG_LIMITS,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Starts, changes or ends the watch. A new watch gives the worker a fresh allowance. */
  watch(what: Watching): void {
    if (what === this.watching) return;
    const was = this.watching;
    this.watching = what;
    if (what === null) {
      this.stopTimer();
      return;
    }
    if (was === null) {
      const t = this.now();
      this.lastHeard = this.lastProgress = this.lastCheck = t;
      this.lastWork = null;
      this.phase = null;
      this.timer = setInterval(() => this.check(), this.limits.checkMs);
    }
  }

  /** The backend the worker runs on, which sets the silence allowed. */
  setBackend(backend: EngineId | null): void {
    this.backend = backend ?? 'unknown';
  }

  /** Every message from the worker. */
  heard(e: WorkerEvent): void {
    const t = this.now();
    this.lastHeard = t;
    if (e.type === 'heartbeat') {
      if (e.work !== this.lastWork || e.phase !== this.phase) this.lastProgress = t;
      this.lastWork = e.work;
      this.phase = e.phase;
      return;
    }
    if (JOB_EVENTS.has(e.type)) this.lastProgress = t;
    if (e.type === 'phase') this.phase = e.phase;
  }

  dispose(): void {
    this.watch(null);
  }

  private check(): void {
    const t = this.now();
    // The page itself was not running (a blocked main thread, a background tab's throttled timers):
    // the worker's messages may be queued behind this check, so judge from now on instead.
    if (t - this.lastCheck > 4 * this.limits.checkMs) this.lastHeard = this.lastProgress = t;
    this.lastCheck = t;
    if (t - this.lastHeard > this.silenceLimit()) {
      this.fire('silent');
      return;
    }
    const stallMs = this.stallLimit();
    if (stallMs !== null && t - this.lastHeard <= this.limits.aliveMs && t - this.lastProgress > stallMs) this.fire('stalled');
  }

  /**
   * The engine's silence limit; before a job trains (no phase yet, data
   * loading, compiling) at least the start-up allowance (`unknown`'s): a run
   * started right after page load waits behind the probe and the warm-up.
   */
  private silenceLimit(): number {
    const engine = this.limits.silentMs[this.backend];
    const starting = this.watching === 'job' && (this.phase === null || this.phase === 'loading-data' || this.phase === 'compiling');
    return starting ? Math.max(engine, this.limits.silentMs.unknown) : engine;
  }

  /** No stall limit while paused or when only a reply is awaited; a longer one while data downloads. */
  private stallLimit(): number | null {
    if (this.watching !== 'job' || this.phase === 'paused') return null;
    if (this.phase === null || this.phase === 'loading-data') return this.limits.loadingStallMs;
    return this.limits.stallMs;
  }

  private fire(cause: WatchdogCause): void {
    this.watch(null);
    this.onFire(cause);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }
}
