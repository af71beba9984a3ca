import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePorts } from '../support/launch';

/**
 * The README's first command, as a newcomer runs it: `npm start` builds, starts an embedded PostgreSQL, migrates,
 * seeds the demo data, starts four subgraphs and the gateway as processes, answers, and stops cleanly on SIGTERM.
 */
let child: ChildProcess | undefined;
let output = '';
// The launched hub's data folder: a whole database (~90 MB), removed once it has stopped.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hub-start-'));
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

it('npm start serves the demo province through the gateway, then stops on SIGTERM', async () => {
  const [gateway, registry, directives, plans, reports, pg] = await freePorts(6);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(gateway),
    REGISTRY_PORT: String(registry),
    DIRECTIVES_PORT: String(directives),
    PLANS_PORT: String(plans),
    REPORTS_PORT: String(reports),
    PG_PORT: String(pg),
    DATA_DIR: dataDir,
  };
  delete env.DATABASE_URL; // the embedded database is what a fresh machine gets
  const started = Date.now();
  child = spawn('npm', ['start', '--silent'], {
    cwd: path.join(__dirname, '..', '..'),
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));

  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes('[hub] ready')) {
        clearInterval(timer);
        resolve();
      } else if (child!.exitCode !== null || Date.now() - started > 140_000) {
        clearInterval(timer);
        reject(
          new Error(
            `npm start did not get ready within 150 s (the first start builds the pages and the server):\n${output}`,
          ),
        );
      }
    }, 200);
  });
  expect(output).toContain(`http://localhost:${gateway}/graphql`);

  const res = await fetch(`http://127.0.0.1:${gateway}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query:
        '{ province(code: "23") { name communes { name kind villages { name formerCommune } population { adults } } } }',
    }),
  });
  const body = (await res.json()) as {
    data: { province: { name: string; communes: Array<{ name: string; villages: unknown[] }> } };
  };
  expect(body.data.province.name).toBe('Quảng Ngãi');
  expect(body.data.province.communes).toHaveLength(96);
  expect(body.data.province.communes.find((c) => c.name === 'Ba Tô')?.villages).toHaveLength(14);

  // A browser opening the root lands on the GraphQL Sandbox page.
  const page = await fetch(`http://127.0.0.1:${gateway}/`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<!doctype html>/i);

  const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
  const stopAt = Date.now();
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(Date.now() - stopAt).toBeLessThan(15_000);
  expect(output).toContain('[hub] stopped');
  // Nothing is left listening.
  await expect(fetch(`http://127.0.0.1:${gateway}/health`)).rejects.toThrow();
}, 150_000);
