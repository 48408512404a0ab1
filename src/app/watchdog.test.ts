import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RunPhase, WorkerEvent } from '../worker/protocol.ts';
import type { WatchdogCause } from './watchdog.ts';
import { WATCHDOG_LIMITS, Watchdog } from './watchdog.ts';

const beat = (work: number, phase: RunPhase = 'training'): WorkerEvent => ({ type: 'heartbeat', runId: 1, phase, work });

/** A watchdog on fake timers, and a worker that beats every second with `work` as the test says. */
function setup() {
  const fired: WatchdogCause[] = [];
  const dog = new Watchdog((c) => fired.push(c));
  /** Advances `ms`, the worker beating each second with `work(second)` (null: silent that second). */
  const run = (ms: number, work: (s: number) => number | null, phase: RunPhase = 'training') => {
    for (let s = 1; s * 1000 <= ms; s++) {
      vi.advanceTimersByTime(1000);
      const w = work(s);
      if (w !== null) dog.heard(beat(w, phase));
    }
  };
  return { dog, fired, run };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the watchdog', () => {
  it('stays quiet while a job beats and progresses, for as long as it runs', () => {
    const { dog, fired, run } = setup();
    dog.setBackend('wasm');
    dog.watch('job');
    run(120_000, (s) => s);
    expect(fired).toEqual([]);
  });

  it('calls a worker that stops sending anything silent after the backend’s limit, not before', () => {
    const { dog, fired, run } = setup();
    dog.setBackend('wasm');
    dog.watch('job');
    run(5_000, (s) => s);
    run(WATCHDOG_LIMITS.silentMs.wasm - 1_000, () => null);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1_500);
    expect(fired).toEqual(['silent']);
    // It fires once, then waits for a new watch.
    vi.advanceTimersByTime(60_000);
    expect(fired).toEqual(['silent']);
  });

  it('allows WebGL a longer silence: a shader compile blocks the worker for seconds', () => {
    const { dog, fired, run } = setup();
    dog.setBackend('webgl');
    dog.watch('job');
    run(3_000, (s) => s);
    run(WATCHDOG_LIMITS.silentMs.wasm + 5_000, () => null);
    expect(fired).toEqual([]);
    run(3_000, (s) => 100 + s);
    run(WATCHDOG_LIMITS.silentMs.webgl + 1_000, () => null);
    expect(fired).toEqual(['silent']);
  });

  it('gives a run started right after page load the start-up allowance until it trains, then the SIMD engine’s own limit', () => {
    const { dog, fired, run } = setup();
    dog.setBackend('simd');
    dog.watch('job');
    // Accepted while the probe, the data and the warm-up are still under way: no phase yet, then loading the data.
    run(WATCHDOG_LIMITS.silentMs.unknown - 1_000, () => null);
    dog.heard({ type: 'phase', runId: 1, phase: 'loading-data' });
    run(WATCHDOG_LIMITS.silentMs.unknown - 1_000, () => null);
    expect(fired).toEqual([]);
    expect(WATCHDOG_LIMITS.silentMs.simd).toBeLessThan(WATCHDOG_LIMITS.silentMs.unknown);
    dog.heard({ type: 'phase', runId: 1, phase: 'training' });
    run(WATCHDOG_LIMITS.silentMs.simd - 1_000, () => null);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(1_500);
    expect(fired).toEqual(['silent']);
  });

  it('calls a job that beats without progress stalled (a lost GPU), but not while it is paused', () => {
    const { dog, fired, run } = setup();
    dog.setBackend('webgl');
    dog.watch('job');
    run(3_000, (s) => s);
    run(WATCHDOG_LIMITS.stallMs - 1_000, () => 3);
    expect(fired).toEqual([]);
    run(2_000, () => 3);
    expect(fired).toEqual(['stalled']);

    const paused = setup();
    paused.dog.watch('job');
    paused.run(3_000, (s) => s);
    paused.run(10 * WATCHDOG_LIMITS.stallMs, () => 3, 'paused');
    expect(paused.fired).toEqual([]);
  });

  it('counts the job’s own events as progress, and gives a download longer than training', () => {
    const { dog, fired, run } = setup();
    dog.watch('job');
    dog.heard({ type: 'phase', runId: 1, phase: 'loading-data' });
    run(WATCHDOG_LIMITS.loadingStallMs - 2_000, () => 0, 'loading-data');
    expect(fired).toEqual([]);
    dog.heard({ type: 'phase', runId: 1, phase: 'training' });
    for (let s = 0; s < 60; s++) {
      vi.advanceTimersByTime(1000);
      dog.heard(beat(0));
      dog.heard({
        type: 'losses',
        runId: 1,
        points: [],
        progress: { epoch: 1, epochs: 1, batch: s, batchesPerEpoch: 100, step: s, samplesPerSec: 1, etaSec: 1 },
      });
    }
    expect(fired).toEqual([]);
  });

  it('only needs an answer, not progress, when the page waits on a reply', () => {
    const { dog, fired } = setup();
    dog.setBackend('cpu');
    dog.watch('reply');
    vi.advanceTimersByTime(WATCHDOG_LIMITS.silentMs.cpu - 1_000);
    dog.heard({ type: 'reset-done' });
    vi.advanceTimersByTime(WATCHDOG_LIMITS.silentMs.cpu - 1_000);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(2_000);
    expect(fired).toEqual(['silent']);
  });

  it('does not look when nothing is awaited, and a new watch starts a fresh allowance', () => {
    const { dog, fired } = setup();
    dog.setBackend('wasm');
    dog.watch('job');
    vi.advanceTimersByTime(WATCHDOG_LIMITS.silentMs.wasm - 1_000);
    dog.watch(null);
    vi.advanceTimersByTime(10 * WATCHDOG_LIMITS.silentMs.wasm);
    dog.watch('job');
    vi.advanceTimersByTime(WATCHDOG_LIMITS.silentMs.wasm - 1_000);
    expect(fired).toEqual([]);
  });

  it('does not blame the worker for time the page itself did not run (a blocked main thread, a throttled tab)', () => {
    const { dog, fired } = setup();
    dog.setBackend('wasm');
    dog.watch('job');
    dog.heard(beat(1));
    // The page's timers were held for a minute; the worker's beats wait in the queue behind the check.
    vi.setSystemTime(Date.now() + 60_000);
    vi.advanceTimersByTime(WATCHDOG_LIMITS.checkMs);
    expect(fired).toEqual([]);
    dog.heard(beat(2));
    vi.advanceTimersByTime(WATCHDOG_LIMITS.silentMs.wasm + 1_000);
    expect(fired).toEqual(['silent']);
  });
});
