// `npm run bench`: starts the whole stack as `npm start` does (separate processes, embedded PostgreSQL in a
// temporary folder unless DATABASE_URL is set) and prints latency figures for the requests people make most.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
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
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors[0].message);
}

export async function measure(label: string, url: string, query: string, variables: Record<string, unknown>, n = REQUESTS, concurrency = CONCURRENCY) {
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
  const row = { label, requests: n, concurrency, median: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), perSecond: n / wall };
  console.log(
    `${label.padEnd(34)} ${String(n).padStart(5)} req  c=${concurrency}  median ${row.median.toFixed(1).padStart(7)} ms  p95 ${row.p95.toFixed(1).padStart(7)} ms  p99 ${row.p99.toFixed(1).padStart(7)} ms  ${row.perSecond.toFixed(0).padStart(5)} req/s`,
  );
  return row;
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
  };
  console.log('[bench] starting the stack (embedded PostgreSQL, demo data for Quảng Ngãi)…');
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'scripts', 'start.js')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
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
    await measure('province dashboard, one at a time', url, PROVINCE_DASHBOARD, { code: '23' }, Math.min(REQUESTS, 100), 1);
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
