/**
 * A TCP proxy in front of the e2e server that counts the bytes it carries,
 * and that can be cut: every connection closed and new ones refused, as if
 * the network were gone. Counting on the wire measures what a visit really
 * moves (headers, compression, the service worker's own downloads), which
 * the page's view of its requests does not.
 */
import net from 'node:net';

export interface CountingProxy {
  /** The proxied origin with a trailing slash (another port: a fresh origin for the browser). */
  url: string;
  /** Bytes from the server to the browser, and from the browser to the server, so far. */
  bytes(): { down: number; up: number };
  /** Connections the browser tried after cut(), each refused. */
  refusedAfterCut(): number;
  /** Closes every connection and refuses new ones. */
  cut(): void;
  close(): Promise<void>;
}

export async function countingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  let down = 0;
  let up = 0;
  let refused = 0;
  let cutOff = false;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (cutOff) {
      refused++;
      client.destroy();
      return;
    }
    const upstream = net.connect(Number(port), hostname);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (d: Buffer) => (up += d.length));
    upstream.on('data', (d: Buffer) => (down += d.length));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${own}/`,
    bytes: () => ({ down, up }),
    refusedAfterCut: () => refused,
    cut() {
      cutOff = true;
      for (const s of open) s.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
