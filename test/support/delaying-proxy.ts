import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGateway, type RunningGateway } from '../../gateway/main';
import { IDENTITY_HEADER } from '../../shared/auth';
import { SUBGRAPHS, type SubgraphName } from '../../shared/topology';
import type { GraphQLResponse, TestStack } from './stack';

/** One POST a subgraph answered through the proxy: which subgraph, and the identity it carried ('' for none). */
export interface SeenRequest {
  subgraph: SubgraphName;
  identity: string;
}

export interface ProxiedGateway {
  gateway: RunningGateway;
  /** Every POST the subgraphs answered, in order; tests empty it with `seen.length = 0`. */
  seen: SeenRequest[];
  gql<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/**
 * A second gateway over a test stack's subgraphs, each behind a proxy that counts the POSTs it forwards and holds
 * the answer of each read `delayMs` after the subgraph gave it, so that concurrent gateway requests surely overlap,
 * and a read answered late may have read the data before a write that was answered meanwhile.
 */
export async function startProxiedGateway(stack: TestStack, delayMs = 150): Promise<ProxiedGateway> {
  const seen: SeenRequest[] = [];
  const proxies: http.Server[] = [];
  const urls: Partial<Record<SubgraphName, string>> = {};
  for (const subgraph of SUBGRAPHS) {
    const target = stack.subgraphs[subgraph].url;
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (req.method === 'POST') seen.push({ subgraph, identity: String(req.headers[IDENTITY_HEADER] ?? '') });
        // Reads are answered late: their subgraph has already read the data when the answer is held.
        const hold = req.method === 'POST' && !/^\{"query":"\s*mutation\b/.test(body.toString('utf8'));
        const headers = { ...req.headers };
        delete headers.host;
        const upstream = http.request(target, { method: req.method, headers }, (answer) => {
          const parts: Buffer[] = [];
          answer.on('data', (c: Buffer) => parts.push(c));
          answer.on('end', () =>
            setTimeout(
              () => {
                res.writeHead(answer.statusCode ?? 502, answer.headers);
                res.end(Buffer.concat(parts));
              },
              hold ? delayMs : 0,
            ),
          );
        });
        upstream.on('error', () => res.destroy());
        upstream.end(body);
      });
    });
    proxies.push(server);
    urls[subgraph] = await new Promise<string>((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`),
      ),
    );
  }
  const gateway = await startGateway({
    port: 0,
    authSecret: stack.authSecret,
    subgraphUrls: urls,
    // The tests send reads back to back from one address: not what the read rate limit is for.
    limits: { readsPerWindow: 1_000_000 },
    log: () => undefined,
  });
  return {
    gateway,
    seen,
    async gql<T>(query: string, variables: Record<string, unknown>, token?: string) {
      const res = await fetch(gateway.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse<T>;
    },
    async stop() {
      await gateway.stop();
      for (const p of proxies) await new Promise((r) => p.close(r));
    },
  };
}
