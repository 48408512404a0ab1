import { describe, expect, it } from 'vitest';
import { backgroundTask } from './backgroundTask.ts';

const tick = () => new Promise((r) => setTimeout(r, 0));

/** Work that checks `abandoned` every tick, for up to `ticks` ticks; records how it ended. */
function work(log: string[], name: string, ticks = 1000) {
  return async (abandoned: () => boolean) => {
    for (let i = 0; i < ticks; i++) {
      if (abandoned()) {
        log.push(`${name} gave way`);
        return;
      }
      await tick();
    }
    log.push(`${name} done`);
  };
}

describe('backgroundTask', () => {
  it('settles at once when nothing runs, and otherwise once the work has given way', async () => {
    const task = backgroundTask();
    const log: string[] = [];
    await task.settle();
    void task.run(work(log, 'a'));
    expect(task.running()).toBe(true);
    await tick();
    await task.settle();
    expect(log).toEqual(['a gave way']);
    expect(task.running()).toBe(false);
  });

  it('runs one at a time: a new work asks the previous to give way and starts after it; every work is called', async () => {
    const task = backgroundTask();
    const log: string[] = [];
    void task.run(work(log, 'a'));
    void task.run(work(log, 'b'));
    const last = task.run(work(log, 'c', 2));
    await last;
    // b was abandoned before it began, and still called (so it can free what it owns).
    expect(log).toEqual(['a gave way', 'b gave way', 'c done']);
    expect(task.running()).toBe(false);
  });

  it('survives a work that throws', async () => {
    const task = backgroundTask();
    await task
      .run(async () => {
        throw new Error('boom');
      })
      .catch(() => {});
    expect(task.running()).toBe(false);
    await task.settle();
  });
});
