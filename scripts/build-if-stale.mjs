// The build: compiles the server (tsc) and builds the pages (vite). `npm start` builds each only when one of its
// sources is newer than what was last built (as make does), so a second start, and the tests that launch it, do not
// spend half a minute compiling what has not changed; `npm run build` (--force) always builds both.
//   node scripts/build-if-stale.mjs [--force] [server] [web]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => path.join(ROOT, ...p);

/** The newest modification time under these paths; folders count too, so a removed or renamed file does. */
function newest(paths, skip) {
  let latest = 0;
  const visit = (p) => {
    if (skip.has(p) || path.basename(p) === 'node_modules') return;
    let stat;
    try {
      stat = statSync(p);
    } catch {
      return;
    }
    latest = Math.max(latest, stat.mtimeMs);
    if (stat.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  for (const p of paths) visit(at(p));
  return latest;
}

const webOut = process.env.HUB_WEB_OUT ? path.resolve(process.env.HUB_WEB_OUT) : at('dist', 'web');
const TARGETS = {
  server: {
    // What tsc -p tsconfig.build.json reads (the pages under gateway/ are the web target's), and the lock file.
    sources: [
      'shared',
      'gateway',
      'subgraphs',
      'migrations',
      'scripts',
      'bench',
      'tsconfig.json',
      'tsconfig.build.json',
      'package-lock.json',
    ],
    skip: [at('gateway', 'web')],
    stamp: at('dist', '.server-built'),
    command: [at('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
  },
  web: {
    sources: ['gateway/web', 'shared/pure', 'package-lock.json'],
    skip: [at('gateway', 'web', 'dist')],
    stamp: path.join(webOut, '.web-built'),
    command: [at('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'gateway/web/vite.config.ts'],
  },
};

/** Marks a target built as of `time` (the build's start: a source saved while it ran still counts as newer). */
export function stamp(name, time = new Date()) {
  const file = TARGETS[name].stamp;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${time.toISOString()}\n`);
  utimesSync(file, time, time);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const wanted = args.filter((a) => a !== '--force');
  for (const [name, target] of Object.entries(TARGETS)) {
    if (wanted.length && !wanted.includes(name)) continue;
    const builtAt = existsSync(target.stamp) ? statSync(target.stamp).mtimeMs : 0;
    if (!force && builtAt > newest(target.sources, new Set(target.skip))) continue;
    const started = new Date();
    const result = spawnSync(process.execPath, target.command, { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
    stamp(name, started);
  }
}
