// `npm start`: database (embedded unless DATABASE_URL), migrations, first-run demo seed, the four subgraphs and
// the gateway each as its own supervised process (restarted with back-off if it dies), and a clean stop on Ctrl-C
// or SIGTERM.
import path from 'node:path';
import { DEFAULT_EMBEDDED_PORT, startDatabase, type Database } from '../subgraphs/common/database';
import { resolveAuthSecret } from '../shared/auth';
import { DEFAULT_PORTS, SUBGRAPHS, type SubgraphName } from '../shared/topology';
import { checkPorts, type PortNeed } from './ports';
import { outboxReads, prepareDatabase } from './stack';
import { databaseRolesEnabled, prepareSubgraphRoles } from '../subgraphs/common/roles';
import { warmedPaths, warmPages } from './warm-pages';
import { findWebRoot } from '../gateway/pages';
import { Supervised } from './supervisor';

const env = process.env;
const say = (line: string) => console.log(`[hub] ${line}`);
const children: Supervised[] = [];
let database: Database | undefined;
let stopDatabase: (() => Promise<void>) | undefined;
let stopping = false;

function port(name: string, fallback: number): number {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number, got "${env[name]}"`);
  return value;
}

function supervise(name: string, script: string, extraEnv: Record<string, string>, healthUrl: string): Supervised {
  const child = new Supervised({
    name,
    command: process.execPath,
    args: [path.join(__dirname, '..', script)],
    // graphql-js skips its slow cross-realm instanceof checks in production (~9 % of a subgraph's CPU under load,
    // docs/performance.md); NODE_ENV set by the operator wins.
    env: { NODE_ENV: 'production', ...env, ...extraEnv },
    say,
    waitReady: () => waitHealthy(name, healthUrl),
    onGiveUp: (message) => {
      console.error(`[hub] ${message}; stopping everything`);
      void shutdown(1);
    },
  });
  child.start();
  children.push(child);
  return child;
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
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000}s`);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  // The gateway first (clients see it go), then the subgraphs, the database last.
  const gateway = children.filter((c) => c.name === 'gateway');
  await Promise.all(gateway.map((c) => c.stop()));
  await Promise.all(children.filter((c) => c.name !== 'gateway').map((c) => c.stop()));
  await (database?.stop ?? stopDatabase)?.().catch((e: unknown) => console.error(e));
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
  const pgPort = port('PG_PORT', DEFAULT_EMBEDDED_PORT);
  const host = '127.0.0.1';

  // Before any set-up: a busy port is named now, not after a minute of migrations.
  const needs: PortNeed[] = [
    { variable: 'PORT', port: gatewayPort, host: env.HOST ?? host },
    ...SUBGRAPHS.map((n) => ({ variable: `${n.toUpperCase()}_PORT`, port: ports[n], host })),
    ...(env.DATABASE_URL ? [] : [{ variable: 'PG_PORT', port: pgPort, host }]),
  ];
  const problems = await checkPorts(needs);
  if (problems.length > 0) throw new Error(problems.join('\n[hub] '));

  say(
    env.DATABASE_URL
      ? 'using the PostgreSQL server at DATABASE_URL'
      : `starting embedded PostgreSQL (data in ${env.DATA_DIR ?? '.data'}/)`,
  );
  database = await startDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    port: pgPort,
    log: say,
    onStarting: (stop) => (stopDatabase = stop),
  });
  if (stopping) return;
  await prepareDatabase(
    database.url,
    env.SEED === 'reference' ? 'reference' : env.SEED === 'national' ? 'national' : 'demo',
    say,
  );
  if (stopping) return;
  // One key for the gateway and every subgraph (and `npm run token`): resolved here once, handed to each child.
  env.AUTH_SECRET = resolveAuthSecret(env);

  // Each subgraph connects as its own PostgreSQL role, limited to its schema (subgraphs/common/roles.ts): made here
  // with fresh passwords when DATABASE_ROLES is on (the default with the embedded server), or given as
  // <NAME>_DATABASE_URL by the owner of an external server (docs/operations.md).
  const roleUrls = databaseRolesEnabled(env, database.embedded)
    ? await prepareSubgraphRoles(database.url, outboxReads())
    : null;
  if (roleUrls) say('each subgraph connects as its own database role');
  if (stopping) return;
  for (const name of SUBGRAPHS) {
    const url = env[`${name.toUpperCase()}_DATABASE_URL`] ?? roleUrls?.[name] ?? database.url;
    supervise(
      name,
      `subgraphs/${name}/main.js`,
      { DATABASE_URL: url, [`${name.toUpperCase()}_PORT`]: String(ports[name]), HOST: host },
      `http://${host}:${ports[name]}/health`,
    );
  }
  await Promise.all(SUBGRAPHS.map((n) => waitHealthy(n, `http://${host}:${ports[n]}/health`)));
  if (stopping) return;
  const gatewayHealth = `http://127.0.0.1:${gatewayPort}/health`;
  supervise(
    'gateway',
    'gateway/main.js',
    {
      PORT: String(gatewayPort),
      HOST: env.HOST ?? host,
      ...Object.fromEntries(SUBGRAPHS.map((n) => [`${n.toUpperCase()}_URL`, `http://${host}:${ports[n]}/graphql`])),
    },
    gatewayHealth,
  );
  await waitHealthy('gateway', gatewayHealth);
  if (stopping) return;
  const webRoot = findWebRoot();
  if (webRoot && env.WARM_CACHES !== '0')
    await warmPages(`http://127.0.0.1:${gatewayPort}/graphql`, webRoot, warmedPaths(env), say);
  if (stopping) return;
  say(
    `ready: open http://localhost:${gatewayPort}/ (the API: POST http://localhost:${gatewayPort}/graphql; Ctrl-C stops everything)`,
  );
}

main().catch((error: unknown) => {
  if (stopping) return; // stopped by Ctrl-C during start-up: what failed was our own stop
  console.error(`[hub] could not start: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
});
