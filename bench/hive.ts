// Hive Gateway (@graphql-hive/gateway-runtime) over the same subgraphs and the same supergraph, for comparison in
// `npm run bench` only: `node dist/bench/hive.js <port> <supergraph file>`. Reads only; it forwards no identity.
// Default configuration, as a new user runs it; HIVE_DEDUPE=off turns off its sharing of identical in-flight
// subgraph requests (executor-http's deduplicateInflightRequests), to measure what that sharing is worth.
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [port, file] = process.argv.slice(2);
const gateway = createGatewayRuntime({
  supergraph: readFileSync(file, 'utf8'),
  logging: false,
  landingPage: false,
  ...(process.env.HIVE_DEDUPE === 'off'
    ? { transportEntries: { '*.http': { options: { deduplicateInflightRequests: false } } } }
    : {}),
});
// The runtime is a fetch-API handler, which node:http can serve directly.
const server = http.createServer(gateway as unknown as http.RequestListener);
server.listen(Number(port), '127.0.0.1', () =>
  console.log(`[hive] ready on ${port}${process.env.HIVE_DEDUPE === 'off' ? ' (in-flight sharing off)' : ''}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
