/**
 * Asks before the page is left while something trains: a reload or a closed
 * tab ends the run (its record keeps the curves up to its last epoch, as
 * 'interrupted'; the weights and the epoch under way are lost). The browser
 * shows its own words; a page cannot choose them any more.
 *
 * The handler is attached only while a run, a race or a range test is going:
 * a page with a `beforeunload` handler is kept out of the back/forward cache.
 */
import type { LabState } from './store/index.ts';
import { useLab, workerBusy } from './store/index.ts';

/** Whether leaving now would lose work under way. */
export const shouldWarnOnLeave = (s: LabState): boolean => workerBusy(s);

function onBeforeUnload(e: BeforeUnloadEvent): void {
  e.preventDefault();
  // Older Chromium and Safari ask only when returnValue is set.
  e.returnValue = true;
}

/** Watches the store from now on; returns the unsubscribe. Call once, at start-up. */
export function startLeaveGuard(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window): () => void {
  let on = false;
  const follow = (s: LabState) => {
    const want = shouldWarnOnLeave(s);
    if (want === on) return;
    on = want;
    if (on) target.addEventListener('beforeunload', onBeforeUnload);
    else target.removeEventListener('beforeunload', onBeforeUnload);
  };
  follow(useLab.getState());
  const stop = useLab.subscribe(follow);
  return () => {
    stop();
    if (on) target.removeEventListener('beforeunload', onBeforeUnload);
    on = false;
  };
}
