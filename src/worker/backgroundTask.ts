/**
 * Work the worker does between jobs (accuracy by rotation after a run, or
 * for a loaded model), which gives way to anything that would change what
 * it reads: `settle()` asks it to stop at its next check and resolves once
 * it has ended (at once when none runs). One runs at a time: a new one asks
 * the previous to stop and starts after it. Every work given to `run` is
 * called, abandoned or not, so it can always free what it owns.
 */
export interface BackgroundTask {
  /** Runs `work` once the previous has ended; `abandoned()` turns true when settle() (or the next run) is called. */
  run(work: (abandoned: () => boolean) => Promise<void>): Promise<void>;
  running(): boolean;
  /** Asks the running work to stop and resolves when it has. */
  settle(): Promise<void>;
}

interface Task {
  done: Promise<void>;
  abandon: boolean;
}

export function backgroundTask(): BackgroundTask {
  let current: Task | null = null;
  const quiet = (p: Promise<void>) => p.catch(() => {});
  return {
    run(work) {
      const previous = current;
      if (previous) previous.abandon = true;
      const task: Task = { done: Promise.resolve(), abandon: false };
      current = task;
      task.done = (previous ? quiet(previous.done) : Promise.resolve())
        .then(() => work(() => task.abandon))
        .finally(() => {
          if (current === task) current = null;
        });
      return task.done;
    },
    running: () => current !== null,
    settle() {
      if (!current) return Promise.resolve();
      current.abandon = true;
      return quiet(current.done);
    },
  };
}
