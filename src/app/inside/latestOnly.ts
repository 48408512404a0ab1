/**
 * Asks the worker for the latest thing wanted, never a queue of them: while
 * the student drags the Epoch slider through twenty epochs, at most one
 * request is on its way; when its answer comes, it is shown (it is newer than
 * what is on screen) and, if the slider has moved on meanwhile, the one
 * position it is at now is asked next. A short wait before each request
 * folds the moves made during it into one, so a drag gets an answer every
 * ~50 ms at most, for wherever the slider is then. Nothing is blanked while waiting: the
 * caller keeps showing the last answer until the next one arrives.
 */
export interface LatestOnlyOptions<K, R> {
  /** Asks for `key`; resolves with the answer (null when none came, e.g. the worker was replaced). */
  ask(key: K): Promise<R | null>;
  /** Shows an answer; not called for answers that arrive after cancel(). */
  apply(key: K, answer: R | null): void;
  same(a: K, b: K): boolean;
  /** Wait before asking, so a burst of wants becomes one request, ms. */
  settleMs?: number;
}

export interface LatestOnly<K> {
  want(key: K): void;
  /** Wants nothing any more: a pending request is not sent and an answer on its way is not applied. */
  cancel(): void;
  /** Whether a request is on its way (for tests). */
  readonly busy: boolean;
}

export function latestOnly<K, R>(o: LatestOnlyOptions<K, R>): LatestOnly<K> {
  const settleMs = o.settleMs ?? 40;
  let wanted: { key: K } | null = null;
  /** The key of the request on its way, if any. */
  let asking: { key: K } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const schedule = () => {
    if (timer !== null || asking) return;
    timer = setTimeout(() => {
      timer = null;
      const next = wanted;
      if (next) void send(next);
    }, settleMs);
  };

  async function send(next: { key: K }): Promise<void> {
    asking = next;
    let answer: R | null = null;
    try {
      answer = await o.ask(next.key);
    } catch {
      answer = null;
    }
    asking = null;
    // Cancelled meanwhile: the answer is for something nobody wants now.
    if (wanted === null) return;
    o.apply(next.key, answer);
    if (!o.same(wanted.key, next.key)) schedule();
    else wanted = null;
  }

  return {
    want(key) {
      if (wanted && o.same(wanted.key, key)) return;
      wanted = { key };
      schedule();
    },
    cancel() {
      wanted = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    get busy() {
      return asking !== null;
    },
  };
}
