import 'reflect-metadata';
import type { MigrationList } from '../common/orm';
import { SharedCache } from '../common/loaders';
import { listenForWrites } from '../common/notify';
import { runFromEnvironment, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { Commune } from './entities/Commune';
import { PopulationRevision } from './entities/PopulationRevision';
import { Province } from './entities/Province';
import { StaffRevision } from './entities/StaffRevision';
import { Unit } from './entities/Unit';
import { Village } from './entities/Village';
import { REGISTRY_CONSUMERS } from './events';
import { registryRoutes } from './internal-routes';
import { createLoaders, type RegistryLoaders } from './loaders';
import { buildRegistrySchema } from './schema';
import { seedNational } from './national-seed';
import { seedDemo, seedReference } from './seed';
import { RegistryState } from './state';
import { resolveAuthSecret } from '../../shared/auth';

export const registry: SubgraphDefinition<RegistryLoaders, SharedCache> = {
  name: 'registry',
  entities: [Province, Commune, Village, Unit, PopulationRevision, StaffRevision],
  migrations: () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only to migrate (OrmOptions.migrations)
    (require('../../migrations/registry') as { registryMigrations: MigrationList }).registryMigrations,
  buildSchema: buildRegistrySchema,
  createLoaders,
  // One cache shared by the registry's requests, retired on every registry write (here or in another process).
  state: {
    create: (options) => new RegistryState(options.authSecret ?? resolveAuthSecret()),
    start: (cache, options) => listenForWrites(options.databaseUrl, 'registry', () => cache.bump(), options.log),
    clear: (cache) => cache.bump(),
  },
  seedReference,
  seedDemo,
  seedNational,
  consumers: REGISTRY_CONSUMERS,
  routes: registryRoutes,
};

export const start = (options: SubgraphOptions) => startSubgraph(registry, options);

if (require.main === module) runFromEnvironment(registry);
