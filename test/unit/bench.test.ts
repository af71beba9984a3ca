import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkDelivery, firstAfter, latencyFigures, parseBurstArgs } from '../../bench/burst-stats';
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

describe('the burst bench: arguments and delivery check', () => {
  it('takes the defaults of issue 14 without arguments', () => {
    expect(parseBurstArgs([])).toEqual({ reports: 20_000, submitters: 50, subscribers: 1000, province: '23' });
  });

  it('reads --name value and --name=value', () => {
    expect(parseBurstArgs(['--reports', '2000', '--submitters=20', '--subscribers', '0', '--province=01'])).toEqual({
      reports: 2000,
      submitters: 20,
      subscribers: 0,
      province: '01',
    });
  });

  it.each([
    [['--reports', '0'], /--reports must be a whole number from 1/],
    [['--reports', '1.5'], /whole number/],
    [['--submitters'], /needs a value/],
    [['--province', '123'], /two-digit code/],
    [['--speed', '3'], /unknown option --speed/],
    [['2000'], /unexpected argument "2000"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseBurstArgs(argv)).toThrow(message);
  });

  it('counts every expected event once, and flags missing, repeated, unexpected and reordered ones', () => {
    const outbox = new Map([
      ['progress.updated|C1', [3, 5, 9]],
      ['rank.changed|P23', [4]],
    ]);
    const all = checkDelivery(
      [
        { key: 'progress.updated|C1', eventIds: [3, 5, 9] },
        { key: 'rank.changed|P23', eventIds: [4] },
      ],
      outbox,
    );
    expect(all).toEqual({ expected: 4, delivered: 4, missing: 0, extra: 0, outOfOrder: 0 });
    const bad = checkDelivery(
      [
        { key: 'progress.updated|C1', eventIds: [5, 3, 3] }, // 9 missing, 3 twice, out of order
        { key: 'rank.changed|P23', eventIds: [4, 7] }, // 7 is not this key's
      ],
      outbox,
    );
    expect(bad).toEqual({ expected: 4, delivered: 5, missing: 1, extra: 2, outOfOrder: 1 });
  });

  it('finds the first event after a report, and the latency percentiles', () => {
    expect(firstAfter([3, 5, 9], 4)).toBe(5);
    expect(firstAfter([3, 5, 9], 5)).toBe(9);
    expect(firstAfter([3, 5, 9], 0)).toBe(3);
    expect(firstAfter([3, 5, 9], 9)).toBeUndefined();
    expect(latencyFigures([30, 10, 20, 40])).toEqual({ n: 4, p50: 20, p99: 40 });
  });
});
