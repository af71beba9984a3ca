// `npm test`: the browser first (so a missing one stops the run in its first seconds), the server build and the pages,
// then the three jest projects in one run with lint, format and the pages' type check beside it; every step timed,
// the whole run's time printed against its target, and the closing line ("tests: N passed, N failed", a failed check
// counted as a failure) printed last for any CI log reader.
//   npm test                       everything
//   npm test -- test/unit/x.test.ts   jest alone, with these arguments (no static checks)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { stamp } from '../../scripts/build-if-stale.mjs';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGET_SECONDS = 300;
const bin = (name) => path.join(ROOT, 'node_modules', '.bin', name);
const seconds = (ms) => `${(ms / 1000).toFixed(0)} s`;

/**
 * Debian's Chromium drives the browser tests (no browser download: this network reaches Debian's packages and npm
 * only). When it is missing and we are root with apt-get (CI, a fresh machine here), install it; otherwise stop now
 * with the one command to run.
 */
function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return;
  const command = 'apt-get update && apt-get install -y chromium';
  const canInstall = process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (!canInstall || process.env.CHROMIUM_PATH) {
    console.error(
      `npm test needs Chromium for the browser tests and found none at ${chromium}.\n` +
        `Run:  sudo sh -c '${command}'   (or set CHROMIUM_PATH to a Chromium binary), then npm test again.`,
    );
    process.exit(1);
  }
  console.log(`[test] Chromium missing: installing Debian's package (${command}) …`);
  const started = Date.now();
  const result = spawnSync('sh', ['-c', `${command} >/dev/null`], { stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(chromium)) {
    console.error(`[test] installing Chromium failed; run: ${command}`);
    process.exit(1);
  }
  console.log(`[test] Chromium installed in ${seconds(Date.now() - started)}`);
}

/** Runs a command; resolves with its exit code and how long it took. Output goes straight to ours. */
function run(label, command, args, env = {}) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve({ label, code: code ?? (signal ? 1 : 0), ms: Date.now() - started }));
  });
}

/** Runs the tasks at most `size` at a time, in order; resolves with their results in the same order. */
async function pool(size, tasks) {
  const results = [];
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: size }, lane));
  return results;
}

const started = Date.now();
const jestArgs = process.argv.slice(2);
const summaryDir = mkdtempSync(path.join(os.tmpdir(), 'hub-summary-'));
const summaryFile = path.join(summaryDir, 'summary');
const steps = [];

if (jestArgs.length === 0 || jestArgs.some((a) => a.includes('browser'))) ensureChromium();

const pagesDir = jestArgs.length === 0 ? mkdtempSync(path.join(os.tmpdir(), 'hub-web-')) : undefined;
const pagesEnv = pagesDir ? { HUB_WEB_OUT: pagesDir, HUB_WEB_ROOT: pagesDir, HUB_TEST_WEB_PREBUILT: pagesDir } : {};

const lint = () => run('lint', bin('eslint'), ['--cache', '--cache-location', 'node_modules/.cache/eslint/', '.']);
const format = () => run('format', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
const pagesTypes = () =>
  run('type check (pages)', 'sh', [
    '-c',
    `${bin('tsc')} -p gateway/web/tsconfig.json && ${bin('tsc')} -p gateway/web/sw/tsconfig.json`,
  ]);

// What jest needs first, on both cores: the server build the process tests launch and the pages the browser tests
// serve. The other checks (lint, format, the pages' types) then run on one lane beside jest, whose two workers leave
// a core idle part of the time (waiting on the database, the browser, launched processes).
let besideJest = Promise.resolve([]);
if (jestArgs.length === 0) {
  const buildStarted = new Date();
  const needed = await pool(2, [
    // Emitting into dist/ is the server build: stamped as built, `npm start` and test/support/launch.ts find it
    // fresh instead of compiling it again.
    () =>
      run('type check and build (server)', bin('tsc'), ['-p', 'tsconfig.json']).then((r) => {
        if (r.code === 0) stamp('server', buildStarted);
        return r;
      }),
    // Stamped too: the launcher test's `npm start` finds them built (HUB_WEB_OUT) and serves them (HUB_WEB_ROOT).
    () => run('build (pages)', process.execPath, [path.join(ROOT, 'scripts', 'build-if-stale.mjs'), 'web'], pagesEnv),
  ]);
  steps.push(...needed);
  if (needed.some((c) => c.code !== 0)) {
    for (const c of needed) console.log(`[test] ${c.label}: ${c.code === 0 ? 'ok' : 'FAILED'} in ${seconds(c.ms)}`);
    console.log(`tests: 0 passed, ${needed.filter((c) => c.code !== 0).length} failed`);
    rmSync(pagesDir, { recursive: true, force: true });
    process.exit(1);
  }
  besideJest = pool(1, [lint, format, pagesTypes]);
}

const [jest, checks] = await Promise.all([
  run('jest', bin('jest'), jestArgs, { ...pagesEnv, HUB_TEST_SUMMARY_FILE: summaryFile }),
  besideJest,
]);
if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
steps.push(...checks, jest);
const failedChecks = checks.filter((c) => c.code !== 0);
const total = Date.now() - started;
console.log(`\n[test] ${steps.map((s) => `${s.label} ${s.code === 0 ? '' : 'FAILED '}${seconds(s.ms)}`).join(' · ')}`);
if (jestArgs.length === 0)
  console.log(
    `[test] npm test took ${seconds(total)} on ${os.cpus().length} cores (target: under ${TARGET_SECONDS} s) — ${
      total <= TARGET_SECONDS * 1000 ? 'within' : 'OVER'
    } target`,
  );
// The last line counts a failed check as a failure too, so that a reader of the log's end sees it.
let summary = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8') : '';
if (failedChecks.length)
  summary = summary
    ? summary.replace(/(\d+) failed/, (_, n) => `${Number(n) + failedChecks.length} failed`)
    : `tests: 0 passed, ${failedChecks.length} failed\n`;
process.stdout.write(summary);
rmSync(summaryDir, { recursive: true, force: true });
process.exit(jest.code !== 0 ? jest.code : failedChecks.length ? 1 : 0);
