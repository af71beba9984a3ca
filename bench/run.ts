// `npm run bench`: starts the whole stack as `npm start` does (separate processes, embedded PostgreSQL in a
// temporary folder unless DATABASE_URL is set) and prints latency figures for the requests people make most.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { DEFAULT_PORTS } from '../gateway/supergraph';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { signToken } from '../subgraphs/common/auth';
import { collect, wsClient } from '../scripts/ws-client';
import { COMMUNE_BREAKDOWN, PROVINCE_DASHBOARD } from './queries';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors[0].message);
}

export async function measure(
  label: string,
  url: string,
  query: string,
  variables: Record<string, unknown>,
  n = REQUESTS,
  concurrency = CONCURRENCY,
) {
  for (let i = 0; i < 10; i++) await post(url, query, variables); // warm up
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next += 1;
        const t = performance.now();
        await post(url, query, variables);
        times.push(performance.now() - t);
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  const row = {
    label,
    requests: n,
    concurrency,
    median: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    perSecond: n / wall,
  };
  console.log(
    `${label.padEnd(34)} ${String(n).padStart(5)} req  c=${concurrency}  median ${row.median.toFixed(1).padStart(7)} ms  p95 ${row.p95.toFixed(1).padStart(7)} ms  p99 ${row.p99.toFixed(1).padStart(7)} ms  ${row.perSecond.toFixed(0).padStart(5)} req/s`,
  );
  return row;
}

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);

async function health(
  url: string,
): Promise<{ rssBytes: number; heapUsedBytes: number; subscriptionClients: number; upstreamSubscriptions: number }> {
  return (await (await fetch(url.replace('/graphql', '/health'))).json()) as never;
}

/**
 * Live events at scale: SUBSCRIBERS clients (one WebSocket each) watch Ba Tô's progress through the gateway; each
 * round submits a report and times, for every client, the arrival of its event after the mutation's response.
 */
async function measureLive(url: string, secret: string): Promise<void> {
  const token = await signToken(secret, { sub: 'bench', name: 'Bench', role: 'PROVINCE_ADMIN', area: 'P23' });
  global.gc?.();
  const idle = await health(url);
  const clients = Array.from({ length: SUBSCRIBERS }, () => wsClient(url));
  const arrivals: number[][] = [];
  const subs = clients.map((c, i) => {
    arrivals[i] = [];
    const s = collect<{ progressUpdated: { eventId: string } }>(
      c,
      `subscription { progressUpdated(areaId: "C02949") { eventId progress { learners participationRate } commune { name } } }`,
    );
    const push = s.events.push.bind(s.events);
    s.events.push = (...items) => {
      arrivals[i].push(performance.now());
      return push(...items);
    };
    return s;
  });
  for (let i = 0; i < 100; i++) {
    const h = await health(url);
    if (h.subscriptionClients >= SUBSCRIBERS && h.upstreamSubscriptions >= 1) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const loaded = await health(url);
  const perSubscription = (loaded.rssBytes - idle.rssBytes) / SUBSCRIBERS;
  const latencies: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const before = arrivals.map((a) => a.length);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($i: UnitReportInput!) { submitUnitReport(input: $i) { id } }',
        variables: {
          i: {
            reporterId: 'V02949-08',
            reportDate: '2025-12-20',
            groups: [{ group: 'RESIDENTS', registered: 1000 + round, completed: 0, certified: 0 }],
          },
        },
      }),
    });
    const body = (await res.json()) as { errors?: Array<{ message: string }> };
    const answered = performance.now();
    if (body.errors?.length) throw new Error(body.errors[0].message);
    const deadline = Date.now() + 10_000;
    while (arrivals.some((a, i) => a.length <= before[i]) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < arrivals.length; i++)
      if (arrivals[i].length > before[i]) latencies.push(Math.max(0, arrivals[i][before[i]] - answered));
  }
  latencies.sort((a, b) => a - b);
  const expected = SUBSCRIBERS * ROUNDS;
  console.log(
    `${'live event to ' + SUBSCRIBERS + ' subscribers'.padEnd(1)}`.padEnd(34) +
      ` ${String(ROUNDS).padStart(5)} rnd  delivered ${latencies.length}/${expected}  median ${percentile(latencies, 50).toFixed(1).padStart(7)} ms  p99 ${percentile(latencies, 99).toFixed(1).padStart(7)} ms`,
  );
  console.log(
    `${'gateway memory per idle subscription'.padEnd(34)} ${(perSubscription / 1024).toFixed(1)} KiB  (RSS ${(idle.rssBytes / 2 ** 20).toFixed(0)} MiB → ${(loaded.rssBytes / 2 ** 20).toFixed(0)} MiB with ${loaded.subscriptionClients} clients, ${loaded.upstreamSubscriptions} upstream)`,
  );
  subs.forEach((s) => s.stop());
  await Promise.all(clients.map((c) => c.dispose()));
}

/**
 * The same read requests through Hive Gateway over the same subgraphs and supergraph (our bar: at least as fast).
 * Both gateways are separate processes answering the same load generator.
 */
async function compareWithHive(ours: string, subgraphPorts: Record<string, number>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-hive-'));
  let sdl = readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
  for (const [name, port] of Object.entries(subgraphPorts))
    sdl = sdl.replace(
      `url: "http://localhost:${DEFAULT_PORTS[name as keyof typeof DEFAULT_PORTS]}/graphql"`,
      `url: "http://127.0.0.1:${port}/graphql"`,
    );
  const file = path.join(dir, 'supergraph.graphql');
  writeFileSync(file, sdl);
  const port = await freePort();
  const hive = spawn(process.execPath, [path.join(__dirname, 'hive.js'), String(port), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  hive.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 30_000;
  while (!out.includes('[hive] ready')) {
    if (hive.exitCode !== null || Date.now() > deadline) throw new Error(`Hive Gateway did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const hiveUrl = `http://127.0.0.1:${port}/graphql`;
  try {
    // Alternate the two gateways (ours, Hive, ours, Hive) so that neither gains from going second.
    console.log(
      '[bench] the same requests through our gateway and Hive Gateway, alternately, over the same subgraphs:',
    );
    const medians: Record<string, number[]> = {};
    for (let round = 0; round < 2; round++) {
      for (const [label, target] of [
        ['our gateway', ours],
        ['Hive Gateway', hiveUrl],
      ] as const) {
        const d = await measure(`${label}: province dashboard`, target, PROVINCE_DASHBOARD, { code: '23' });
        const c = await measure(`${label}: commune breakdown`, target, COMMUNE_BREAKDOWN, { id: 'C02949' });
        (medians[label] ??= []).push(d.median, c.median);
      }
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(
      `[bench] mean of medians, ours / Hive: ${(mean(medians['our gateway']) / mean(medians['Hive Gateway'])).toFixed(2)} (below 1: ours is faster)`,
    );
  } finally {
    hive.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  const ports = await Promise.all(Array.from({ length: 6 }, freePort));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(ports[0]),
    REGISTRY_PORT: String(ports[1]),
    DIRECTIVES_PORT: String(ports[2]),
    PLANS_PORT: String(ports[3]),
    REPORTS_PORT: String(ports[4]),
    PG_PORT: String(ports[5]),
    DATA_DIR: dataDir,
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    // The benchmark is one caller sending thousands of queries: not what the read rate limit is for.
    GATEWAY_READS_PER_WINDOW: '100000000',
  };
  console.log('[bench] starting the stack (embedded PostgreSQL, demo data for Quảng Ngãi)…');
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'scripts', 'start.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const deadline = Date.now() + 120_000;
  while (!out.includes('[hub] ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`stack did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const url = `http://127.0.0.1:${ports[0]}/graphql`;
  try {
    console.log(`[bench] ${REQUESTS} requests each, ${CONCURRENCY} at a time, through the gateway at ${url}`);
    await measure('province dashboard (96 communes)', url, PROVINCE_DASHBOARD, { code: '23' });
    await measure('commune village breakdown (Ba Tô)', url, COMMUNE_BREAKDOWN, { id: 'C02949' });
    await measure(
      'province dashboard, one at a time',
      url,
      PROVINCE_DASHBOARD,
      { code: '23' },
      Math.min(REQUESTS, 100),
      1,
    );
    await measureLive(url, env.AUTH_SECRET!);
    await compareWithHive(url, { registry: ports[1], directives: ports[2], plans: ports[3], reports: ports[4] });
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`[bench] failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
