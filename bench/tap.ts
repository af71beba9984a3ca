// Preloaded into every process of the bench's stack (NODE_OPTIONS=--require dist/bench/tap.js, BENCH_TAP_DIR set):
// it lets the bench see inside a process without changing its code. Each process writes its pid to
// $BENCH_TAP_DIR/pid-<service>; on SIGUSR2 it starts recording, on the next SIGUSR2 it stops and writes what it saw:
// - mode "count" (the default): every SQL statement sent through `pg` (text and parameters) and every POST /graphql
//   it answered, to $BENCH_TAP_DIR/<service>.json;
// - mode "profile" ($BENCH_TAP_DIR/mode holds "profile"): a V8 CPU profile taken with the inspector, to
//   $BENCH_TAP_DIR/<service>.cpuprofile.
// When not recording it costs one boolean test per statement and per request.
import diagnosticsChannel from 'node:diagnostics_channel';
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Session } from 'node:inspector';
import path from 'node:path';

export interface TapRecord {
  service: string;
  httpRequests: number;
  /** Statements sent while answering a POST /graphql (its async context). */
  statements: Array<{ text: string; values: unknown[] }>;
  /** Statements sent outside any request in the same window: event consumers, outbox relays, listeners. */
  background: number;
}

const dir = process.env.BENCH_TAP_DIR;

/** Which process this is, from its script's path: gateway, registry, …, hive, start. */
export function serviceOf(script: string): string {
  const m = /(gateway|registry|directives|plans|reports)[/\\]main\.js$/.exec(script);
  if (m) return m[1];
  return path.basename(script, '.js');
}

function install(tapDir: string): void {
  const service = serviceOf(process.argv[1] ?? 'node');
  let recording: TapRecord | null = null;
  let profiler: Session | null = null;
  // Marks the work done for a request (and what it starts), so that background statements are told apart.
  const inRequest = new AsyncLocalStorage<true>();

  // Every statement the process sends: MikroORM (knex) and raw pg calls all end in pg's Client.prototype.query.
  try {
    // A plain require: the preload must patch the very `pg` module the process will load.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const pg = require('pg') as typeof import('pg');
    const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    const original = proto.query;
    proto.query = function (this: unknown, ...args: unknown[]) {
      if (recording) {
        const [config, values] = args as [string | { text?: string; values?: unknown[] }, unknown];
        const text = typeof config === 'string' ? config : (config?.text ?? '');
        const vals = Array.isArray(values) ? values : typeof config === 'object' ? (config?.values ?? []) : [];
        if (inRequest.getStore()) recording.statements.push({ text, values: vals });
        else recording.background += 1;
      }
      return original.apply(this, args);
    };
  } catch {
    // No pg in this process (Hive Gateway): nothing to count.
  }
  diagnosticsChannel.subscribe('http.server.request.start', (message) => {
    const req = (message as { request: IncomingMessage }).request;
    if (!req.url?.startsWith('/graphql')) return;
    // Published just before the server emits 'request': what the handler does from here on carries the mark.
    inRequest.enterWith(true);
    if (recording && req.method === 'POST') recording.httpRequests += 1;
  });

  const write = (file: string, body: string) => {
    // Written then renamed, so the bench never reads half a file.
    writeFileSync(`${file}.part`, body);
    renameSync(`${file}.part`, file);
  };
  process.on('SIGUSR2', () => {
    const modeFile = path.join(tapDir, 'mode');
    const mode = existsSync(modeFile) ? readFileSync(modeFile, 'utf8').trim() : 'count';
    if (mode === 'profile') {
      if (!profiler) {
        profiler = new Session();
        profiler.connect();
        profiler.post('Profiler.enable', () => profiler?.post('Profiler.start'));
      } else {
        const session = profiler;
        profiler = null;
        session.post('Profiler.stop', (error, result) => {
          if (!error) write(path.join(tapDir, `${service}.cpuprofile`), JSON.stringify(result.profile));
          session.disconnect();
        });
      }
      return;
    }
    if (!recording) recording = { service, httpRequests: 0, statements: [], background: 0 };
    else {
      write(path.join(tapDir, `${service}.json`), JSON.stringify(recording));
      recording = null;
    }
  });
  writeFileSync(path.join(tapDir, `pid-${service}`), String(process.pid));
}

if (dir) install(dir);
