import 'reflect-metadata';
import { startSubgraph, runFromEnvironment, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { registryMigrations } from '../../migrations/registry';
import { REGISTRY_CONSUMERS } from './audit-log';
import { Commune } from './entities/Commune';
import { PopulationRevision } from './entities/PopulationRevision';
import { Province } from './entities/Province';
import { Unit } from './entities/Unit';
import { Village } from './entities/Village';
import { createLoaders, type RegistryLoaders } from './loaders';
import { buildRegistrySchema } from './schema';

export const registry: SubgraphDefinition<RegistryLoaders> = {
  name: 'registry',
  entities: [Province, Commune, Village, Unit, PopulationRevision],
  migrations: registryMigrations,
  buildSchema: buildRegistrySchema,
  createLoaders,
  consumers: REGISTRY_CONSUMERS,
};

export const start = (options: SubgraphOptions) => startSubgraph(registry, options);

if (require.main === module) runFromEnvironment(start, 4001, 'REGISTRY_PORT');
