import { AsyncLocalStorage } from 'node:async_hooks';
import { MikroORM, type Options, ReflectMetadataProvider } from '@mikro-orm/core';
import type { Constructor } from '@mikro-orm/core';
import type { Migration, Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import './pg-types';
import type { SubgraphName } from '../../shared/topology';

export type MigrationList = Array<{ name: string; class: Constructor<Migration> }>;

export interface OrmOptions {
  subgraph: SubgraphName;
  clientUrl: string;
  // MikroORM's own signature for entity classes and schemas.
  entities: Options['entities'];
  /**
   * The subgraph's migrations, asked for only when it migrates: they and MikroORM's migrator (umzug and its command
   * line, about 900 modules) are not loaded by a process that does not migrate, such as every test stack.
   */
  migrations: () => MigrationList;
  poolMax?: number;
}

const background = new AsyncLocalStorage<true>();

/**
 * Runs work that is nobody's request (an outbox consumer's poll or wake-up): its statements are counted apart, so a
 * timer firing during a measured request does not change that request's count.
 */
export function inBackground<T>(fn: () => Promise<T>): Promise<T> {
  return background.run(true, fn);
}

/** Counts the SQL statements an ORM sends: tests use it to show a request's count does not grow with the data. */
export class SqlCounter {
  count = 0;
  /** Statements sent by background work (inBackground), not part of any request's count. */
  backgroundCount = 0;
  readonly statements: string[] = [];
  record(sql: string): void {
    if (background.getStore()) {
      this.backgroundCount += 1;
      return;
    }
    this.count += 1;
    if (this.statements.length < 500) this.statements.push(sql);
  }
  reset(): void {
    this.count = 0;
    this.statements.length = 0;
  }
}

export interface Orm {
  orm: MikroORM<PostgreSqlDriver>;
  sql: SqlCounter;
  /** MikroORM's migrator over this subgraph's migrations (loaded on the first call). */
  migrator(): Migrator;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One MikroORM per subgraph, bound to its own Postgres schema (`registry`, `directives`, ...). A subgraph never
 * reads another's tables: each ORM knows only its own entities and schema.
 */
export async function initORM(options: OrmOptions): Promise<Orm> {
  const orm = await MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: options.clientUrl,
    schema: options.subgraph,
    entities: options.entities,
    metadataProvider: ReflectMetadataProvider,
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: {
      tableName: `${options.subgraph}.mikro_orm_migrations`,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Dates are calendar days: keep them as 'YYYY-MM-DD' strings, never shifted by a time zone.
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
  });
  let listed = false;
  const migrator = (): Migrator => {
    // MikroORM loads @mikro-orm/migrations itself on first use; the list must be there before it does.
    if (!listed) orm.config.get('migrations').migrationsList = options.migrations();
    listed = true;
    return orm.migrator as Migrator;
  };
  const sql = new SqlCounter();
  orm.em
    .getConnection()
    .getKnex()
    .on('query', (q: { sql: string }) => sql.record(q.sql));
  return {
    orm,
    sql,
    migrator,
    async migrate() {
      await migrator().up();
    },
    close: () => orm.close(true),
  };
}
