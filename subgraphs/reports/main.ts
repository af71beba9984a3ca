import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { reportsMigrations } from '../../migrations/reports';
import { runFromEnvironment, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { REGISTRY_CONSUMER, seedDemoReports } from './demo-seed';
import { Area, PopulationFact, PortalStatistic, ReportPerson, UnitReport } from './entities';
import { createLoaders, type ReportsLoaders } from './loaders';
import { applyRegistryEvent, REGISTRY_TOPICS } from './projections';
import { buildReportsSchema } from './schema';

export const reports: SubgraphDefinition<ReportsLoaders> = {
  name: 'reports',
  entities: [Area, PopulationFact, UnitReport, ReportPerson, PortalStatistic],
  migrations: reportsMigrations,
  buildSchema: buildReportsSchema,
  createLoaders,
  seedDemo: (em: EntityManager, log) => seedDemoReports(em, log),
  consumers: [{ producer: REGISTRY_CONSUMER.producer, name: REGISTRY_CONSUMER.name, topics: REGISTRY_TOPICS, handle: applyRegistryEvent }],
};

export const start = (options: SubgraphOptions) => startSubgraph(reports, options);

if (require.main === module) runFromEnvironment(start, 4004, 'REPORTS_PORT');
