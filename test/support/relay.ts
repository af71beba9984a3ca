import net from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay in front of the gateway that can lose its signal: `down()` cuts every open connection and refuses new
 * ones, as a phone out of coverage does; `up()` brings it back on the same address (the browser's storage is per
 * address, so the pages keep what they saved).
 */
export interface Relay {
  url: string;
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startRelay(target: string): Promise<Relay> {
  const { hostname, port } = new URL(target);
  let signal = true;
  const open = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (!signal) return void client.destroy();
    const upstream = net.connect(Number(port), hostname);
    open.add(client);
    open.add(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    down() {
      signal = false;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    up() {
      signal = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
