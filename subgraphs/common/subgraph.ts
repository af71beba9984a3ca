import type { EntityManager } from '@mikro-orm/postgresql';
import type { Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Viewer } from '../../shared/pure/viewer';
import type { EntityManager as Em } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { isUnavailable } from '../../shared/availability';
import { backoff } from '../../shared/pure/backoff';
import { startConsumer, type ConsumerOptions, type RunningConsumer } from './events';
import { DEFAULT_PORTS, type SubgraphName } from '../../shared/topology';
import { initORM, type Orm, type OrmOptions } from './orm';
import type { RunningServer } from '../../shared/http';
import { startSubgraphServer } from './server';
import { createLogger, describeError, lineLogger } from '../../shared/logging';
import { createObservability } from '../../shared/metrics';
import { registerOutboxLag } from './outbox-lag';

/**
 * What a running subgraph shares between its requests (caches, the live hub): made when it starts, kept fresh while
 * it runs, dropped on demand.
 */
export interface SharedState<S> {
  create(options: SubgraphOptions): S;
  /** Starts what keeps the state fresh (LISTEN for writes, the live hub) once the server is up; stopped after it. */
  start?(state: S, options: SubgraphOptions): Promise<{ stop(): Promise<void> }>;
  /**
   * Fills the state with what the first visitors would otherwise wait for, in the background after the start (only
   * with `warm`). Its failure is logged, never fatal.
   */
  warm?(state: S, em: EntityManager, log: (line: string) => void): Promise<void>;
  /** Forgets the answers shared between requests (so a test can measure a cold request). */
  clear(state: S): void;
  /** Also clear after each committed batch of consumed events (they change what the answers are built from). */
  clearAfterEvents?: boolean;
}

export interface SubgraphDefinition<L, S = undefined> {
  name: SubgraphName;
  entities: OrmOptions['entities'];
  migrations: OrmOptions['migrations'];
  buildSchema(): Promise<GraphQLSchema>;
  /** A request's loaders, given the subgraph's shared state (undefined when it has none). */
  createLoaders(em: EntityManager, state: S): L;
  state?: SharedState<S>;
  /** Reference data every installation needs, on the first run before any demo data (the registry's areas). */
  seedReference?(em: Em, log: (line: string) => void): Promise<void>;
  /** Demo data for `npm start`'s first run, after every subgraph is migrated and the reference data is seeded. */
  seedDemo?(em: Em, log: (line: string) => void): Promise<void>;
  /** `SEED=national`: generated demo data for every other province, after every subgraph's seedDemo. */
  seedNational?(em: Em, log: (line: string) => void): Promise<void>;
  /** Events from other subgraphs' outboxes that this subgraph keeps up with while it runs. */
  consumers?: Array<Omit<ConsumerOptions, 'consumer' | 'log'>>;
  /** True when the subgraph serves subscriptions (graphql-ws on /graphql). */
  subscriptions?: boolean;
  /** Internal HTTP routes beside /graphql; `identify` reads the gateway's internal token (x-hub-identity). */
  routes?(
    app: Express,
    deps: { em: () => EntityManager; identify: (header: string | string[] | undefined) => Promise<Viewer> },
  ): void;
}

export interface SubgraphOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  /** Apply migrations before serving (default true): each subgraph owns and migrates its own schema. */
  migrate?: boolean;
  /** The shared key for internal identity tokens; default: AUTH_SECRET or the key file under DATA_DIR. */
  authSecret?: string;
  log?: (line: string) => void;
  /** Warm the shared state after the start (SharedState.warm): `npm start` does, tests do not. */
  warm?: boolean;
}

export interface RunningSubgraph<S = unknown> extends RunningServer {
  orm: Orm;
  consumers: RunningConsumer[];
  state: S;
  /** Forgets answers shared between requests (so a test can measure a cold request). */
  clearCaches?(): void;
}

/**
 * Starts one subgraph: ORM on its own schema, migrations, consumers, shared state, HTTP server. Tests and
 * `npm start` share it.
 */
export async function startSubgraph<L, S>(
  def: SubgraphDefinition<L, S>,
  options: SubgraphOptions,
): Promise<RunningSubgraph<S>> {
  const state = def.state?.create(options) as S;
  const clear = def.state ? () => def.state!.clear(state) : undefined;
  const orm = await initORM({
    subgraph: def.name,
    clientUrl: options.databaseUrl,
    entities: def.entities,
    migrations: def.migrations,
  });
  const obs = createObservability(def.name, createLogger(def.name));
  const log = options.log ?? lineLogger(obs.logger);
  const consumers: RunningConsumer[] = [];
  // Consumers get an ORM of their own, so background event work never mixes with a request's connections or its
  // SQL statement count.
  let eventsOrm: Orm | undefined;
  let keeper: { stop(): Promise<void> } | undefined;
  try {
    if (options.migrate !== false) await orm.migrate();
    if (def.consumers?.length) {
      eventsOrm = await initORM({
        subgraph: def.name,
        clientUrl: options.databaseUrl,
        entities: def.entities,
        migrations: def.migrations,
        poolMax: 3,
      });
      for (const c of def.consumers) {
        consumers.push(
          await startConsumer(eventsOrm, options.databaseUrl, {
            ...c,
            ...(def.state?.clearAfterEvents && !c.leavesAnswers ? { afterCommit: clear } : {}),
            consumer: def.name,
            log,
          }),
        );
      }
      const lagOrm = eventsOrm;
      registerOutboxLag(
        obs,
        (sql, params) => (lagOrm.orm.em.fork() as EntityManager).execute(sql, params),
        def.consumers.map((c) => ({ ...c, consumer: def.name })),
      );
    }
    const server = await startSubgraphServer({
      name: def.name,
      port: options.port ?? 0,
      host: options.host,
      schema: await def.buildSchema(),
      orm,
      createLoaders: (em: EntityManager) => def.createLoaders(em, state),
      subscriptions: def.subscriptions,
      routes: def.routes ? (app, identify) => def.routes!(app, { em: () => orm.orm.em.fork(), identify }) : undefined,
      authSecret: options.authSecret,
      log,
      observability: obs,
    });
    try {
      keeper = await def.state?.start?.(state, options);
    } catch (error) {
      await server.stop();
      throw error;
    }
    let warming: Promise<void> | undefined;
    if (options.warm && def.state?.warm) {
      const began = Date.now();
      warming = def.state.warm(state, orm.orm.em.fork() as EntityManager, log).then(
        () => log(`caches warm in ${Date.now() - began} ms`),
        (error: unknown) => log(`warming the caches failed: ${describeError(error)}`),
      );
    }
    return {
      ...server,
      orm,
      consumers,
      state,
      clearCaches: clear,
      async stop() {
        await server.stop();
        await warming;
        await keeper?.stop();
        for (const c of consumers) await c.stop();
        await eventsOrm?.close();
        await orm.close();
      },
    };
  } catch (error) {
    for (const c of consumers) await c.stop();
    await eventsOrm?.close();
    await orm.close();
    throw error;
  }
}

/**
 * Resolves once PostgreSQL answers, waiting with back-off while it cannot be reached: a subgraph restarted during a
 * database outage comes up when the database does, instead of crashing until its supervisor gives up.
 */
export async function waitForDatabase(
  databaseUrl: string,
  log: (line: string) => void = (line) => console.error(line),
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('select 1');
      return;
    } catch (error) {
      if (!isUnavailable(error)) throw error;
      const delay = backoff(attempt, { firstMs: 500, maxMs: 5000 });
      log(`database unavailable (${describeError(error)}); retrying in ${delay} ms`);
      await new Promise((r) => setTimeout(r, delay));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

/**
 * For `node dist/subgraphs/<name>/main.js`: read the environment (DATABASE_URL, <NAME>_PORT, HOST), start, stop
 * cleanly on SIGINT/SIGTERM.
 */
export function runFromEnvironment<L, S>(def: SubgraphDefinition<L, S>): void {
  const envPort = `${def.name.toUpperCase()}_PORT`;
  const defaultPort = DEFAULT_PORTS[def.name];
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is required to run one subgraph alone (npm start sets it for you).');
    process.exit(2);
  }
  const port = Number(process.env[envPort] ?? defaultPort);
  waitForDatabase(databaseUrl)
    .then(() =>
      startSubgraph(def, {
        databaseUrl,
        port,
        host: process.env.HOST ?? '127.0.0.1',
        warm: process.env.WARM_CACHES !== '0',
      }),
    )
    .then((server) => {
      createLogger(server.name).info({ url: server.url }, 'ready');
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        server.stop().then(
          () => process.exit(0),
          (e: unknown) => {
            console.error(e);
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      // Started by `npm start` with an IPC channel: if the launcher dies, do not linger as an orphan.
      process.on('disconnect', stop);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
