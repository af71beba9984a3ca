import 'reflect-metadata';
import NodeEnvironment from 'jest-environment-node';
import { backupDatabase } from '../../scripts/backup';
import { restoreDatabase } from '../../scripts/restore';
import { DEFINITIONS, prepareDatabase, startInProcess } from '../../scripts/stack';
import { advanceClock, resetClock } from '../../shared/clock';
import { logTo } from '../../shared/logging';
import { SUBGRAPHS } from '../../shared/topology';

// Jest compiles TypeScript for this module only while it loads: the migrations, which a subgraph loads only when it
// migrates (OrmOptions.migrations), are loaded now, so that migrating later finds them already loaded.
for (const name of SUBGRAPHS) DEFINITIONS[name].migrations();

/**
 * The stack and browser projects' test environment. Jest gives every test file a sandbox of its own, with its own
 * copy of every module: loading the whole server there (about 2,500 modules) and starting it cost ~3 s a file. This
 * environment is loaded once per worker, outside the sandboxes, and with it the server's code: each file's stack is
 * started from here (test/support/stack.ts), on its own fresh database as before, in about half a second.
 *
 * What the sandbox and the stack share is what a client has: HTTP, WebSocket, SQL. Reaching into the stack's objects
 * (`stack.subgraphs.reports.state`) works too; the gateway's clock is the stack's (`stack.advanceClock`), reset after
 * every file. A file's `process.env` is the worker's own, as the stack reads it (a test may set a limit before it
 * starts one); whatever a file changed there is put back when it ends.
 */
export interface OuterModules {
  startInProcess: typeof startInProcess;
  /** Migrating, seeding, backing up and restoring a database, at the worker's speed (not re-loaded per file). */
  prepareDatabase: typeof prepareDatabase;
  backupDatabase: typeof backupDatabase;
  restoreDatabase: typeof restoreDatabase;
  advanceClock: typeof advanceClock;
  /** Where the stack's log lines go (tests that read them); null: back to standard output. */
  logTo: typeof logTo;
}

export default class StackEnvironment extends NodeEnvironment {
  private readonly envBefore = { ...process.env };

  override async setup(): Promise<void> {
    await super.setup();
    Object.defineProperty(this.global.process, 'env', { value: process.env, configurable: true, writable: true });
    const outer: OuterModules = {
      startInProcess,
      prepareDatabase,
      backupDatabase,
      restoreDatabase,
      advanceClock,
      logTo,
    };
    (this.global as { __hubOuter?: OuterModules }).__hubOuter = outer;
  }

  override async teardown(): Promise<void> {
    resetClock();
    logTo(null);
    for (const name of Object.keys(process.env)) if (!(name in this.envBefore)) delete process.env[name];
    Object.assign(process.env, this.envBefore);
    await super.teardown();
  }
}
