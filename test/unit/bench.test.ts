import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadRound, merge, percentile, type Round } from '../../bench/load';
import { layerOf } from '../../bench/profile';
import { serviceOf } from '../../bench/tap';

describe('bench figures', () => {
  it.each([
    [[10, 20, 30, 40], 50, 20],
    [[10, 20, 30, 40], 97.5, 40],
    [[5], 99, 5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90, 9],
  ])('percentile of %j at %d is %d', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('merges rounds: mean RPS, percentiles over every latency, failures kept per round', () => {
    const round = (rps: number, latencies: number[], mismatches: number): Round => ({
      rps,
      latencies,
      errors: { errors: 0, timeouts: 0, non2xx: 0, mismatches },
    });
    const m = merge([round(10, [1, 2, 3], 0), round(20, [4, 5, 6], 3)]);
    expect(m.rps).toBe(15);
    expect(m.perRound).toEqual([10, 20]);
    expect(m.p50).toBe(3);
    expect(m.p99).toBe(6);
    expect(m.failures).toEqual([0, 3]);
  });

  it.each([
    ['/work/x/dist/gateway/main.js', 'gateway'],
    ['/work/x/dist/subgraphs/reports/main.js', 'reports'],
    ['/work/x/dist/bench/hive.js', 'hive'],
  ])('names the process of %s %s', (script, service) => {
    expect(serviceOf(script)).toBe(service);
  });

  it.each([
    ['file:///w/node_modules/@apollo/gateway/dist/resultShaping.js', 'f', '@apollo/gateway'],
    ['file:///w/node_modules/graphql/execution/execute.js', 'f', 'graphql/execution'],
    ['node:internal/deps/undici/undici', 'fetch', 'node:undici'],
    ['file:///w/dist/subgraphs/common/dates.js', 'isIsoDate', 'ours: subgraphs/common/dates'],
    ['', '(garbage collector)', '(garbage collector)'],
    ['', 'writev', '(native) writev'],
  ])('puts %s %s in the layer %s', (url, fn, layer) => {
    expect(layerOf(url, fn)).toBe(layer);
  });
});

describe('a load round against a real HTTP server', () => {
  let server: http.Server;
  let url: string;
  let calls = 0;
  beforeAll(async () => {
    // Every third answer is a GraphQL error with HTTP 200, as a gateway gives one.
    server = http.createServer((_req, res) => {
      calls += 1;
      res.setHeader('content-type', 'application/json');
      res.end(calls % 3 === 0 ? '{"errors":[{"message":"boom"}]}' : '{"data":{"ok":true}}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('counts an answer other than the expected body as a failure, not as throughput', async () => {
    const round = await loadRound(url, '{"query":"{ ok }"}', '{"data":{"ok":true}}', 2, 1);
    expect(round.errors.mismatches).toBeGreaterThan(0);
    const answered = round.latencies.length;
    // About a third of the answers are errors; RPS (over about one second) counts only the good ones.
    const good = answered - round.errors.mismatches;
    expect(round.rps / good).toBeGreaterThan(0.8);
    expect(round.rps / good).toBeLessThan(1.05);
    expect(round.errors.mismatches / answered).toBeGreaterThan(0.25);
    expect(round.errors.mismatches / answered).toBeLessThan(0.42);
  });
});
