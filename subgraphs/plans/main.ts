import 'reflect-metadata';
import type { MigrationList } from '../common/orm';
import { runFromEnvironment, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { PLANS_CONSUMERS } from './events';
import { CommunePlan } from './entities/CommunePlan';
import { PlanTask } from './entities/PlanTask';
import { AreaProjection } from './entities/AreaProjection';
import { DirectiveProjection } from './entities/DirectiveProjection';
import { TrainingSession } from './entities/TrainingSession';
import { KeyPerson } from './entities/KeyPerson';
import { createLoaders, type PlansLoaders } from './loaders';
import { buildPlansSchema } from './schema';
import { seedDemo } from './seed';

export const plans: SubgraphDefinition<PlansLoaders> = {
  name: 'plans',
  entities: [CommunePlan, PlanTask, TrainingSession, AreaProjection, DirectiveProjection, KeyPerson],
  migrations: () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only to migrate (OrmOptions.migrations)
    (require('../../migrations/plans') as { plansMigrations: MigrationList }).plansMigrations,
  buildSchema: buildPlansSchema,
  createLoaders,
  seedDemo,
  consumers: PLANS_CONSUMERS,
};

export const start = (options: SubgraphOptions) => startSubgraph(plans, options);

if (require.main === module) runFromEnvironment(plans);
