import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { reportsMigrations } from '../../migrations/reports';
import { runFromEnvironment, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { listenForReportWrites, SnapshotCache } from './cache';
import { LiveHub } from './live-hub';
import { DIRECTIVES_CONSUMER, REGISTRY_CONSUMER, seedDemoReports } from './demo-seed';
import { Area, DirectiveTarget, PopulationFact, PortalStatistic, ReportPerson, UnitReport } from './entities';
import { createLoaders, type ReportsLoaders } from './loaders';
import { applyRegistryEvent, publishPopulationChanges, REGISTRY_TOPICS } from './projections';
import { buildReportsSchema } from './schema';

export const reports: SubgraphDefinition<ReportsLoaders> = {
  name: 'reports',
  entities: [Area, PopulationFact, UnitReport, ReportPerson, PortalStatistic, DirectiveTarget],
  migrations: reportsMigrations,
  buildSchema: buildReportsSchema,
  createLoaders: (em) => createLoaders(em),
  subscriptions: true,
  seedDemo: (em: EntityManager, log) => seedDemoReports(em, log),
  consumers: [
    {
      producer: REGISTRY_CONSUMER.producer,
      name: REGISTRY_CONSUMER.name,
      topics: REGISTRY_TOPICS,
      handle: applyRegistryEvent,
      afterBatch: publishPopulationChanges,
    },
    {
      producer: DIRECTIVES_CONSUMER.producer,
      name: DIRECTIVES_CONSUMER.name,
      topics: DIRECTIVES_CONSUMER.topics,
      handle: DIRECTIVES_CONSUMER.handle,
    },
  ],
};

/** Starts the subgraph with one snapshot cache shared by its requests, kept fresh by its consumer and listener. */
export async function start(options: SubgraphOptions) {
  const cache = new SnapshotCache();
  const hub = new LiveHub(options.databaseUrl, options.log);
  const running = await startSubgraph<ReportsLoaders>(
    {
      ...reports,
      createLoaders: (em) => createLoaders(em, cache, hub),
      consumers: reports.consumers!.map((c) => ({ ...c, afterCommit: () => cache.bump() })),
    },
    options,
  );
  const listener = await listenForReportWrites(options.databaseUrl, cache, options.log ?? console.log);
  await hub.start();
  return {
    ...running,
    clearCaches: () => cache.bump(),
    hub,
    async stop() {
      await running.stop();
      await hub.stop();
      await listener.stop();
    },
  };
}

if (require.main === module) runFromEnvironment(start, 4004, 'REPORTS_PORT');
