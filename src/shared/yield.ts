/**
 * Gives the event loop one turn, so that a pause or stop message posted to
 * the worker is seen before the next batch. setTimeout(0) is clamped to 4 ms
 * after a few nested calls (≈3 s lost per epoch); a MessageChannel round trip
 * costs microseconds. Node (tests) uses setImmediate, which does not keep the
 * process alive the way an open MessagePort would.
 */
let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  if (typeof g.setImmediate === 'function') {
    return new Promise((resolve) => g.setImmediate!(resolve));
  }
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel!.port2.postMessage(null);
  });
}
