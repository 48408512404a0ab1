/**
 * The page's end of a MessageChannel whose other end runs the worker's host,
 * for the host's tests: every event it receives, a way to send commands, and
 * `next(type, pred)`, which resolves with the first matching event (one
 * already received, or the next to come).
 */
import type { HostDeps } from '../worker/host.ts';
import { attachHost } from '../worker/host.ts';
import type { Command, Endpoint, WorkerEvent } from '../worker/protocol.ts';

export interface HostChannel {
  events: WorkerEvent[];
  sendCmd(c: Command): void;
  next<T extends WorkerEvent['type']>(type: T, pred?: (e: Extract<WorkerEvent, { type: T }>) => boolean): Promise<Extract<WorkerEvent, { type: T }>>;
  close(): void;
}

export function connectHost(deps: HostDeps): HostChannel {
  const channel = new MessageChannel();
  const host = attachHost(channel.port2 as unknown as Endpoint, deps);
  const events: WorkerEvent[] = [];
  const waiters: Array<{ pred: (e: WorkerEvent) => boolean; resolve: (e: WorkerEvent) => void }> = [];
  channel.port1.onmessage = (ev) => {
    const e = ev.data as WorkerEvent;
    events.push(e);
    for (const w of waiters.filter((w) => w.pred(e))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(e);
    }
  };
  const sendCmd = (c: Command) => channel.port1.postMessage(c);
  const next = <T extends WorkerEvent['type']>(type: T, pred: (e: Extract<WorkerEvent, { type: T }>) => boolean = () => true) =>
    new Promise<Extract<WorkerEvent, { type: T }>>((resolve) => {
      const found = events.find((e) => e.type === type && pred(e as Extract<WorkerEvent, { type: T }>));
      if (found) return resolve(found as Extract<WorkerEvent, { type: T }>);
      waiters.push({ pred: (e) => e.type === type && pred(e as Extract<WorkerEvent, { type: T }>), resolve: resolve as (e: WorkerEvent) => void });
    });
  const close = () => {
    host.dispose();
    channel.port1.close();
    channel.port2.close();
  };
  return { events, sendCmd, next, close };
}
