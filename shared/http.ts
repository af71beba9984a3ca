/** What the gateway and each subgraph server share: binding a port and the handle of a running server. */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningServer {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Listens on the port (0 = any free one) and resolves to the port bound. */
export async function listen(server: http.Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}
