// `npm start`: database (embedded unless DATABASE_URL), migrations, first-run demo seed, the four subgraphs and
// the gateway each as its own process, and a clean stop on Ctrl-C or SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_EMBEDDED_PORT, startDatabase, type Database } from '../subgraphs/common/database';
import { resolveAuthSecret } from '../shared/auth';
import { DEFAULT_PORTS, SUBGRAPHS, type SubgraphName } from '../shared/topology';
import { prepareDatabase } from './stack';

const env = process.env;
const say = (line: string) => console.log(`[hub] ${line}`);
const children: Array<{ name: string; proc: ChildProcess }> = [];
let database: Database | undefined;
let stopping = false;

function port(name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number, got "${env[name]}"`);
  return value;
}

function spawnService(name: string, script: string, extraEnv: Record<string, string>): void {
  const proc = spawn(process.execPath, [path.join(__dirname, '..', script)], {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  proc.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[hub] ${name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping everything`);
      void shutdown(1);
    }
  });
  children.push({ name, proc });
}

async function waitHealthy(name: string, url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000}s`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const stopAt = Date.now();
  say('stopping…');
  await Promise.all(
    children.map(
      ({ name, proc }) =>
        new Promise<void>((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
          const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
          proc.once('exit', () => {
            if (env.HUB_DEBUG) say(`${name} exited after ${Date.now() - stopAt} ms`);
            clearTimeout(timer);
            resolve();
          });
          proc.kill('SIGTERM');
        }),
    ),
  );
  if (database) await database.stop().catch((e: unknown) => console.error(e));
  say('stopped');
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  const gatewayPort = port('PORT', 4000);
  const ports = Object.fromEntries(
    SUBGRAPHS.map((n) => [n, port(`${n.toUpperCase()}_PORT`, DEFAULT_PORTS[n])]),
  ) as Record<SubgraphName, number>;

  say(
    env.DATABASE_URL
      ? 'using the PostgreSQL server at DATABASE_URL'
      : `starting embedded PostgreSQL (data in ${env.DATA_DIR ?? '.data'}/)`,
  );
  database = await startDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    port: port('PG_PORT', DEFAULT_EMBEDDED_PORT),
  });
  await prepareDatabase(database.url, env.SEED === 'reference' ? 'reference' : 'demo', say);
  // One key for the gateway and every subgraph (and `npm run token`): resolved here once, handed to each child.
  env.AUTH_SECRET = resolveAuthSecret(env);

  const host = '127.0.0.1';
  for (const name of SUBGRAPHS) {
    spawnService(name, `subgraphs/${name}/main.js`, {
      DATABASE_URL: database.url,
      [`${name.toUpperCase()}_PORT`]: String(ports[name]),
      HOST: host,
    });
  }
  await Promise.all(SUBGRAPHS.map((n) => waitHealthy(n, `http://${host}:${ports[n]}/health`)));
  spawnService('gateway', 'gateway/main.js', {
    PORT: String(gatewayPort),
    HOST: env.HOST ?? host,
    ...Object.fromEntries(SUBGRAPHS.map((n) => [`${n.toUpperCase()}_URL`, `http://${host}:${ports[n]}/graphql`])),
  });
  await waitHealthy('gateway', `http://127.0.0.1:${gatewayPort}/health`);
  say(`ready: open http://localhost:${gatewayPort}/graphql (Ctrl-C stops everything)`);
}

main().catch((error: unknown) => {
  console.error(`[hub] could not start: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
