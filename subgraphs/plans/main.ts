import 'reflect-metadata';
import { plansMigrations } from '../../migrations/plans';
import { runFromEnvironment, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { CommunePlan } from './entities/CommunePlan';
import { createLoaders, type PlansLoaders } from './loaders';
import { buildPlansSchema } from './schema';

export const plans: SubgraphDefinition<PlansLoaders> = {
  name: 'plans',
  entities: [CommunePlan],
  migrations: plansMigrations,
  buildSchema: buildPlansSchema,
  createLoaders,
};

export const start = (options: SubgraphOptions) => startSubgraph(plans, options);

if (require.main === module) runFromEnvironment(start, 4003, 'PLANS_PORT');
