/**
 * The heartbeat's evidence of progress: engine operations that finished.
 *
 * A timer in the worker keeps beating while a job awaits a GPU readback that
 * will never come back (after a lost WebGL context tfjs polls its fence
 * forever), so a beat alone proves only that the worker's event loop runs.
 * Progress is proved by the engine: a batch queued, a readback or an
 * evaluation chunk resolved. Wrapping the engine counts those for every job
 * (run, race, range test, warm-up) without the training loops knowing.
 */

/**
 * `engine` with `onDone` called after each of its methods returns, or, for
 * a method returning a promise, after that promise resolves. Properties and
 * getters are passed through; methods run with the engine itself as `this`.
 */
export function countingEngine<T extends object>(engine: T, onDone: () => void): T {
  return new Proxy(engine, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise)
          return result.then((r: unknown) => {
            onDone();
            return r;
          });
        onDone();
        return result;
      };
    },
  });
}
