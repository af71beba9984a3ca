import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');

/** Whether nothing listens on the port (on 127.0.0.1) right now. */
function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

/**
 * Ports for processes the tests launch, taken below the system's ephemeral range (32768–60999 on Linux): the
 * in-process stacks of the other worker listen on port 0, which the system answers from that range, and one of them
 * could otherwise take a port between this choice and the launched process binding it (its subgraph would then be
 * restarted in vain until the test gives up).
 */
export async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!ports.has(port) && (await isFree(port))) ports.add(port);
  }
  return [...ports];
}

/**
 * Compiles the server when any server source is newer than its last build (scripts/build-if-stale.mjs, as `npm start`
 * does; the launcher runs compiled code). Under `npm test` the runner's type check has just emitted dist/ and stamped
 * it, so this finds it fresh.
 */
export function buildServer(): void {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.mjs'), 'server'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export interface Launched {
  child: ChildProcess;
  ports: { gateway: number; registry: number; directives: number; plans: number; reports: number; pg: number };
  env: NodeJS.ProcessEnv;
  output(): string;
  /** Resolves when the output matches (or rejects with the output after `ms`, or when the launcher exits). */
  waitFor(pattern: RegExp | string, ms?: number): Promise<void>;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM (a clean stop, database included), SIGKILL to the group after 20 s. */
  stop(): Promise<void>;
}

/** `node dist/scripts/start.js` as `npm start` runs it, on free ports, in its own process group. */
export async function launch(extraEnv: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Launched> {
  const [gateway, registry, directives, plans, reports, pg] = await freePorts(6);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(gateway),
    REGISTRY_PORT: String(registry),
    DIRECTIVES_PORT: String(directives),
    PLANS_PORT: String(plans),
    REPORTS_PORT: String(reports),
    PG_PORT: String(pg),
    // A data folder of its own unless the test names one (then none is made, to be left behind empty).
    DATA_DIR: extraEnv.DATA_DIR ?? mkdtempSync(path.join(os.tmpdir(), 'hub-launch-')),
    ...extraEnv,
  };
  if (!extraEnv.DATABASE_URL) delete env.DATABASE_URL;
  const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'scripts', 'start.js')], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own group, as a terminal gives it: a Ctrl-C is a SIGINT to the whole group.
    detached: true,
  });
  let output = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    output += d.toString();
    waiters.forEach((w) => w());
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => waiters.forEach((w) => w()));
  return {
    child,
    ports: {
      gateway: Number(env.PORT),
      registry: Number(env.REGISTRY_PORT),
      directives: Number(env.DIRECTIVES_PORT),
      plans: Number(env.PLANS_PORT),
      reports: Number(env.REPORTS_PORT),
      pg: Number(env.PG_PORT),
    },
    env,
    output: () => output,
    exited,
    kill: (signal = 'SIGTERM') => child.kill(signal),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 20_000);
        child.kill('SIGTERM');
        await exited;
        clearTimeout(timer);
      }
      // The data folder this launch made (not one the test named) goes with it: each holds a whole database.
      if (!extraEnv.DATA_DIR) rmSync(env.DATA_DIR!, { recursive: true, force: true });
    },
    waitFor(pattern, ms = 90_000) {
      const matches = () => (typeof pattern === 'string' ? output.includes(pattern) : pattern.test(output));
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => done(new Error(`no ${String(pattern)} within ${ms} ms:\n${output}`)), ms);
        const check = () => {
          if (matches()) done();
          else if (child.exitCode !== null) done(new Error(`launcher exited (${child.exitCode}):\n${output}`));
        };
        const done = (error?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (error) reject(error);
          else resolve();
        };
        waiters.add(check);
        check();
      });
    },
  };
}
