import 'reflect-metadata';
import { reportsMigrations } from '../../migrations/reports';
import { runFromEnvironment, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { UnitReport } from './entities/UnitReport';
import { createLoaders, type ReportsLoaders } from './loaders';
import { buildReportsSchema } from './schema';

export const reports: SubgraphDefinition<ReportsLoaders> = {
  name: 'reports',
  entities: [UnitReport],
  migrations: reportsMigrations,
  buildSchema: buildReportsSchema,
  createLoaders,
};

export const start = (options: SubgraphOptions) => startSubgraph(reports, options);

if (require.main === module) runFromEnvironment(start, 4004, 'REPORTS_PORT');
