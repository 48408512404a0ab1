/**
 * The helpers for one run's step on two threads: offered only where a
 * shared memory can be made and there is a second core, waited for once
 * (not past a deadline), one helper bound per engine and kept for the next
 * once the engine lets it go. The helpers here are fakes; team.test.ts runs
 * a real one.
 */
import { describe, expect, it } from 'vitest';
import type { TeamBinding } from '../../engine/wasm/team.ts';
import { teamPool } from './teams.ts';

/** A worker that records what it is sent and says 'ready' when told to. */
class FakeHelper extends EventTarget {
  sent: TeamBinding[] = [];
  postMessage(m: TeamBinding) {
    this.sent.push(m);
  }
  say(data: unknown) {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
}

const isolated = { crossOriginIsolated: true, navigator: { hardwareConcurrency: 4 } };
const module = {} as WebAssembly.Module;
const memory = {} as WebAssembly.Memory;

describe('the team pool', () => {
  it('is offered only on a cross-origin isolated page with more than one core', () => {
    const spawn = () => new FakeHelper() as unknown as Worker;
    expect(teamPool({ crossOriginIsolated: false, navigator: { hardwareConcurrency: 8 } }, spawn)).toBeNull();
    expect(teamPool({ crossOriginIsolated: true, navigator: { hardwareConcurrency: 1 } }, spawn)).toBeNull();
    expect(teamPool(isolated, spawn)).not.toBeNull();
  });

  it('is ready once its first helper says so, or not at all past the deadline', async () => {
    const helpers: FakeHelper[] = [];
    const pool = teamPool(isolated, () => helpers[helpers.push(new FakeHelper()) - 1] as unknown as Worker)!;
    const ready = pool.ready(1_000);
    helpers[0].say('ready');
    await expect(ready).resolves.toBe(true);
    // Asked again: the same answer, no second helper.
    await expect(pool.ready()).resolves.toBe(true);
    expect(helpers).toHaveLength(1);

    const silent = teamPool(isolated, () => new FakeHelper() as unknown as Worker)!;
    await expect(silent.ready(20)).resolves.toBe(false);
  });

  it('binds one helper per engine, and gives a disposed engine’s helper to the next', async () => {
    const helpers: FakeHelper[] = [];
    const pool = teamPool(isolated, () => helpers[helpers.push(new FakeHelper()) - 1] as unknown as Worker)!;
    const ready = pool.ready(1_000);
    helpers[0].say('ready');
    await ready;
    const a = pool.make(module, memory);
    const b = pool.make(module, memory);
    // The ready helper serves the first engine; the second engine, made while the first lives, gets a new helper.
    expect(helpers).toHaveLength(2);
    expect(helpers.map((h) => h.sent.length)).toEqual([1, 1]);
    expect(helpers[0].sent[0]).toMatchObject({ module, memory });
    expect(helpers[0].sent[0].control).toBeInstanceOf(SharedArrayBuffer);
    a.dispose();
    pool.make(module, memory);
    expect(helpers).toHaveLength(2);
    expect(helpers[0].sent).toHaveLength(2);
    // Its control block is a new one: the old team's is done with.
    expect(helpers[0].sent[1].control).not.toBe(helpers[0].sent[0].control);
    b.dispose();
  });
});
