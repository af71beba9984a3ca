import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { EntityManager as Em } from '@mikro-orm/postgresql';
import { startConsumer, type ConsumerOptions, type RunningConsumer } from './events';
import { initORM, type Orm, type OrmOptions, type SubgraphName } from './orm';
import { startSubgraphServer, type RunningServer } from './server';
import { createLogger, lineLogger } from './logging';
import { createObservability } from './metrics';
import { registerOutboxLag } from './outbox-lag';

export interface SubgraphDefinition<L> {
  name: SubgraphName;
  entities: OrmOptions['entities'];
  migrations: OrmOptions['migrations'];
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders(em: EntityManager): L;
  /** Demo data for `npm start`'s first run, after every subgraph is migrated and the registry is seeded. */
  seedDemo?(em: Em, log: (line: string) => void): Promise<void>;
  /** Events from other subgraphs' outboxes that this subgraph keeps up with while it runs. */
  consumers?: Array<Omit<ConsumerOptions, 'consumer' | 'log'>>;
  /** True when the subgraph serves subscriptions (graphql-ws on /graphql). */
  subscriptions?: boolean;
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
}

export interface RunningSubgraph extends RunningServer {
  orm: Orm;
  consumers: RunningConsumer[];
  /** Forgets answers shared between requests (so a test can measure a cold request). */
  clearCaches?(): void;
}

/** Starts one subgraph: ORM on its own schema, migrations, schema, HTTP server. Tests and `npm start` share it. */
export async function startSubgraph<L>(def: SubgraphDefinition<L>, options: SubgraphOptions): Promise<RunningSubgraph> {
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
        consumers.push(await startConsumer(eventsOrm, options.databaseUrl, { ...c, consumer: def.name, log }));
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
      createLoaders: def.createLoaders,
      subscriptions: def.subscriptions,
      authSecret: options.authSecret,
      log,
      observability: obs,
    });
    return {
      ...server,
      orm,
      consumers,
      async stop() {
        await server.stop();
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

/** For `node dist/subgraphs/<name>/main.js`: read the environment, start, stop cleanly on SIGINT/SIGTERM. */
export function runFromEnvironment(
  start: (options: SubgraphOptions) => Promise<RunningServer>,
  defaultPort: number,
  envPort: string,
): void {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is required to run one subgraph alone (npm start sets it for you).');
    process.exit(2);
  }
  const port = Number(process.env[envPort] ?? defaultPort);
  start({ databaseUrl, port, host: process.env.HOST ?? '127.0.0.1' })
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
