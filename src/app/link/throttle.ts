/**
 * At most one call per `intervalMs`, and the last one always made: the
 * first call in a quiet spell runs at once, later ones within the interval
 * are folded into one call at its end, with the latest arguments. Safari
 * refuses more than 100 history.replaceState calls in 30 s; a slider
 * dragged across its range asks for hundreds.
 */
export interface Throttled<A extends unknown[]> {
  (...args: A): void;
  /** Makes the pending call now, if there is one. */
  flush(): void;
  /** Drops the pending call. */
  cancel(): void;
}

export function throttle<A extends unknown[]>(fn: (...args: A) => void, intervalMs: number): Throttled<A> {
  let last = Number.NEGATIVE_INFINITY;
  let pending: A | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const run = (args: A) => {
    last = Date.now();
    pending = null;
    fn(...args);
  };
  const fire = () => {
    timer = null;
    if (pending) run(pending);
  };
  const throttled = (...args: A) => {
    const wait = last + intervalMs - Date.now();
    if (wait <= 0 && timer === null) {
      run(args);
      return;
    }
    pending = args;
    timer ??= setTimeout(fire, Math.max(0, wait));
  };
  throttled.flush = () => {
    if (timer !== null) clearTimeout(timer);
    fire();
  };
  throttled.cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    pending = null;
  };
  return throttled;
}
