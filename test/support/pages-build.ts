import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

/**
 * Builds the pages into a temporary folder and returns it; the gateway serves HUB_WEB_ROOT (read when it starts),
 * so tests never race with `npm start` rebuilding dist/web.
 */
export function buildPages(): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'hub-web-'));
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'gateway/web/vite.config.ts'],
    { cwd: ROOT, env: { ...process.env, HUB_WEB_OUT: out }, stdio: 'pipe' },
  );
  return out;
}
