// The processes the bench measures: the whole stack as `npm start` runs it (separate processes, embedded PostgreSQL
// in a temporary folder unless DATABASE_URL is set, free ports only), Hive Gateway over the same subgraphs and the
// same committed supergraph, and the tap (bench/tap.ts) preloaded into each of them to count and profile.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_PORTS, type SubgraphName } from '../shared/topology';
import type { TapRecord } from './tap';

export interface Stack {
  /** Our gateway's /graphql. */
  url: string;
  subgraphPorts: Record<SubgraphName, number>;
  /** The database the subgraphs use: DATABASE_URL, else the embedded server's `hub` database. */
  databaseUrl: string;
  authSecret: string;
  tapDir: string;
  stop(): Promise<void>;
}

/**
 * As deployed (the Dockerfile sets it): graphql-js checks every `instanceof` the slow, cross-realm way unless
 * NODE_ENV is production, which costs the subgraphs and both gateways alike. BENCH_NODE_ENV=development measures that.
 */
const NODE_ENV = process.env.BENCH_NODE_ENV ?? 'production';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitFor(child: ChildProcess, output: () => string, marker: string, what: string, ms: number) {
  const deadline = Date.now() + ms;
  while (!output().includes(marker)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${what} did not start:\n${output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const stopChild = async (child: ChildProcess) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
};

export async function startStack(): Promise<Stack> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  const tapDir = mkdtempSync(path.join(os.tmpdir(), 'hub-tap-'));
  const ports = await Promise.all(Array.from({ length: 6 }, freePort));
  const subgraphPorts = { registry: ports[1], directives: ports[2], plans: ports[3], reports: ports[4] };
  const authSecret = randomBytes(32).toString('base64url');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(ports[0]),
    REGISTRY_PORT: String(ports[1]),
    DIRECTIVES_PORT: String(ports[2]),
    PLANS_PORT: String(ports[3]),
    REPORTS_PORT: String(ports[4]),
    PG_PORT: String(ports[5]),
    DATA_DIR: dataDir,
    AUTH_SECRET: authSecret,
    // The benchmark is one caller sending thousands of queries: not what the read rate limit is for.
    GATEWAY_READS_PER_WINDOW: '100000000',
    // Nor is the mutation limit for the burst, which sends thousands of reports with a few hundred tokens.
    GATEWAY_MUTATIONS_PER_WINDOW: '100000000',
    BENCH_TAP_DIR: tapDir,
    NODE_ENV: NODE_ENV,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'tap.js')}`.trim(),
  };
  console.log(
    `[bench] starting the stack (NODE_ENV=${NODE_ENV}; ${process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : 'embedded PostgreSQL'}; demo data for Quảng Ngãi)…`,
  );
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'scripts', 'start.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  try {
    // The national demo data takes minutes to generate on the first start.
    await waitFor(child, () => out, '[hub] ready', 'the stack', process.env.SEED === 'national' ? 600_000 : 180_000);
  } catch (e) {
    await stopChild(child);
    throw e;
  }
  return {
    url: `http://127.0.0.1:${ports[0]}/graphql`,
    subgraphPorts,
    databaseUrl: process.env.DATABASE_URL ?? `postgres://postgres:postgres@127.0.0.1:${ports[5]}/hub`,
    authSecret,
    tapDir,
    async stop() {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(tapDir, { recursive: true, force: true });
    },
  };
}

/** Hive Gateway (bench/hive.ts) over the stack's subgraphs and the committed supergraph, with the tap preloaded. */
export async function startHive(stack: Stack): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-hive-'));
  let sdl = readFileSync(path.join(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
  for (const [name, port] of Object.entries(stack.subgraphPorts))
    sdl = sdl.replace(
      `url: "http://localhost:${DEFAULT_PORTS[name as SubgraphName]}/graphql"`,
      `url: "http://127.0.0.1:${port}/graphql"`,
    );
  const file = path.join(dir, 'supergraph.graphql');
  writeFileSync(file, sdl);
  const port = await freePort();
  const hive = spawn(process.execPath, [path.join(__dirname, 'hive.js'), String(port), file], {
    env: {
      ...process.env,
      BENCH_TAP_DIR: stack.tapDir,
      HIVE_DEDUPE: process.env.BENCH_HIVE_DEDUPE ?? 'on',
      NODE_ENV: NODE_ENV,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'tap.js')}`.trim(),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  hive.stdout.on('data', (d: Buffer) => (out += d.toString()));
  try {
    await waitFor(hive, () => out, '[hive] ready', 'Hive Gateway', 30_000);
  } catch (e) {
    await stopChild(hive);
    throw e;
  }
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await stopChild(hive);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The tapped processes by service (gateway, registry, directives, plans, reports, hive). */
function pids(tapDir: string, services: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const s of services) {
    const file = path.join(tapDir, `pid-${s}`);
    if (existsSync(file)) found.set(s, Number(readFileSync(file, 'utf8')));
  }
  return found;
}

function toggle(tapDir: string, services: readonly string[], ext: string, mode: string): string[] {
  writeFileSync(path.join(tapDir, 'mode'), mode);
  const targets = pids(tapDir, services);
  const files = [...targets.keys()].map((s) => path.join(tapDir, `${s}.${ext}`));
  for (const f of files) if (existsSync(f)) unlinkSync(f);
  for (const pid of targets.values()) process.kill(pid, 'SIGUSR2');
  return files;
}

async function waitFiles(files: string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (files.some((f) => !existsSync(f))) {
    if (Date.now() > deadline)
      throw new Error(`the tap wrote nothing to ${files.filter((f) => !existsSync(f)).join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What each service did (SQL statements, POST /graphql answered) while `work` ran. */
export async function record(
  tapDir: string,
  services: readonly string[],
  work: () => Promise<void>,
): Promise<Map<string, TapRecord>> {
  toggle(tapDir, services, 'json', 'count');
  await new Promise((r) => setTimeout(r, 100)); // the signals are delivered asynchronously
  await work();
  const files = toggle(tapDir, services, 'json', 'count');
  await waitFiles(files);
  return new Map(
    files.map((f) => {
      const r = JSON.parse(readFileSync(f, 'utf8')) as TapRecord;
      return [r.service, r];
    }),
  );
}

/** CPU profiles of each service taken while `work` ran: the paths of the .cpuprofile files. */
export async function profile(tapDir: string, services: readonly string[], work: () => Promise<void>) {
  toggle(tapDir, services, 'cpuprofile', 'profile');
  await new Promise((r) => setTimeout(r, 200));
  await work();
  const files = toggle(tapDir, services, 'cpuprofile', 'profile');
  await waitFiles(files);
  return files;
}
