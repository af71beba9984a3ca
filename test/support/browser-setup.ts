import { existsSync } from 'node:fs';
import databaseSetup from './global-setup';
import { CHROMIUM } from './chromium';
import { buildPages } from './pages-build';

/** The browser project: the database (shared with the stack project), Chromium, and the pages built once per run. */
export default async function browserSetup(): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  await databaseSetup();
  // `npm test` builds them beside its static checks and names the folder (HUB_TEST_WEB_PREBUILT); it removes it.
  if (process.env.HUB_TEST_WEB_PREBUILT) {
    process.env.HUB_WEB_ROOT = process.env.HUB_TEST_WEB_PREBUILT;
    return;
  }
  const started = Date.now();
  process.env.HUB_WEB_ROOT = process.env.HUB_TEST_WEB_BUILT = buildPages();
  console.log(`[test] pages built once for the browser tests in ${Date.now() - started} ms`);
}
