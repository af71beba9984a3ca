import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startGateway, type RunningGateway } from '../gateway/main';
import type { GatewayLimits } from '../gateway/limits';
import { resolveAuthSecret } from '../shared/auth';
import { SUBGRAPHS, type SubgraphName } from '../shared/topology';
import { initORM, type Orm } from '../subgraphs/common/orm';
import type { RunningSubgraph, SubgraphDefinition, SubgraphOptions } from '../subgraphs/common/subgraph';
import { directives, start as startDirectives } from '../subgraphs/directives/main';
import { plans, start as startPlans } from '../subgraphs/plans/main';
import { registry, start as startRegistry } from '../subgraphs/registry/main';
import { isEmpty } from '../subgraphs/registry/seed';
import { reports, start as startReports } from '../subgraphs/reports/main';
import { prepareSubgraphRoles, type OutboxReads } from '../subgraphs/common/roles';

export const DEFINITIONS: Record<SubgraphName, SubgraphDefinition<unknown, unknown>> = {
  registry: registry,
  directives: directives,
  plans: plans,
  reports: reports,
};

export const STARTERS: Record<SubgraphName, (o: SubgraphOptions) => Promise<RunningSubgraph>> = {
  registry: startRegistry,
  directives: startDirectives,
  plans: startPlans,
  reports: startReports,
};

/** 'national': the demo data, then generated villages, units and reports for every other province. */
export type SeedMode = 'demo' | 'national' | 'reference' | 'none';

/**
 * Migrates every subgraph's schema and, on the first run (empty registry), seeds the reference data and, in
 * 'demo' mode, the demo data for Quảng Ngãi.
 */
export async function prepareDatabase(
  databaseUrl: string,
  seed: SeedMode,
  log: (line: string) => void = () => undefined,
): Promise<void> {
  const orms: Orm[] = [];
  try {
    for (const name of SUBGRAPHS) {
      const def = DEFINITIONS[name];
      const orm = await initORM({
        subgraph: name,
        clientUrl: databaseUrl,
        entities: def.entities,
        migrations: def.migrations,
        poolMax: 2,
      });
      orms.push(orm);
      const pending = await orm.migrator().getPendingMigrations();
      await orm.migrate();
      if (pending.length > 0) log(`${name}: applied ${pending.length} migration(s)`);
    }
    if (seed === 'none') return;
    const emOf = (i: number) => orms[i].orm.em.fork() as EntityManager;
    if (await isEmpty(emOf(0))) {
      log('first run: loading reference data');
      for (const [i, name] of SUBGRAPHS.entries()) await DEFINITIONS[name].seedReference?.(emOf(i), log);
      if (seed === 'demo' || seed === 'national') {
        // Each subgraph's demo data (registry, directives, plans, reports), in dependency order.
        for (const [i, name] of SUBGRAPHS.entries()) await DEFINITIONS[name].seedDemo?.(emOf(i), log);
      }
    }
    // National data goes on top of the demo, also into a database started before without it; each subgraph skips
    // the provinces it has already seeded, so a second start reuses the data.
    if (seed === 'national')
      for (const [i, name] of SUBGRAPHS.entries()) await DEFINITIONS[name].seedNational?.(emOf(i), log);
  } finally {
    for (const orm of orms) await orm.close();
  }
}

export interface InProcessStack {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** The key shared by the gateway and the subgraphs (to sign test tokens with). */
  authSecret: string;
  /** SQL statements sent by all four subgraphs since the last reset. */
  sqlCount(): number;
  resetSqlCount(): void;
  stop(): Promise<void>;
}

/** All four subgraphs and the gateway in this process on free ports: what tests and benchmarks drive. */
export interface InProcessOptions {
  log?: (line: string) => void;
  gatewayPort?: number;
  /** Default: AUTH_SECRET or the key file under DATA_DIR, resolved once for all five servers. */
  authSecret?: string;
  /** Gateway abuse limits (a test may raise the mutation rate limit). */
  limits?: Partial<GatewayLimits>;
  /**
   * Each subgraph connects as its own PostgreSQL role (subgraphs/common/roles.ts), created here by the owner
   * `databaseUrl`. Off by default in process (tests share one server); `npm start` turns it on (DATABASE_ROLES).
   */
  roles?: boolean;
}

/** The outboxes each subgraph reads, from its consumers (what its database role may select besides its own schema). */
export function outboxReads(): OutboxReads {
  const reads = {} as Record<SubgraphName, SubgraphName[]>;
  for (const name of SUBGRAPHS) reads[name] = (DEFINITIONS[name].consumers ?? []).map((c) => c.producer);
  return reads;
}

export async function startInProcess(databaseUrl: string, options: InProcessOptions = {}): Promise<InProcessStack> {
  const log = options.log ?? (() => undefined);
  const authSecret = options.authSecret ?? resolveAuthSecret();
  const started: Partial<Record<SubgraphName, RunningSubgraph>> = {};
  try {
    const urls = options.roles ? await prepareSubgraphRoles(databaseUrl, outboxReads()) : null;
    // Side by side: each start waits on the database in turns, and the others use that time.
    const starts = await Promise.allSettled(
      SUBGRAPHS.map(async (name) => {
        started[name] = await STARTERS[name]({
          databaseUrl: urls?.[name] ?? databaseUrl,
          port: 0,
          migrate: false,
          authSecret,
          log,
        });
      }),
    );
    const failed = starts.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
    const subgraphs = started as Record<SubgraphName, RunningSubgraph>;
    const gateway = await startGateway({
      port: options.gatewayPort ?? 0,
      authSecret,
      limits: options.limits,
      log,
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((n) => [n, subgraphs[n].url])),
    });
    return {
      gateway,
      subgraphs,
      authSecret,
      sqlCount: () => SUBGRAPHS.reduce((sum, n) => sum + subgraphs[n].orm.sql.count, 0),
      // Counting starts from cold caches, so a count shows what a request costs at worst.
      resetSqlCount: () =>
        SUBGRAPHS.forEach((n) => {
          subgraphs[n].clearCaches?.();
          subgraphs[n].orm.sql.reset();
        }),
      async stop() {
        await gateway.stop();
        for (const name of SUBGRAPHS) await subgraphs[name].stop();
      },
    };
  } catch (error) {
    for (const s of Object.values(started)) await s?.stop();
    throw error;
  }
}
