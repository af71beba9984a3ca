import 'reflect-metadata';
import { startSubgraph, runFromEnvironment, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { registryMigrations } from '../../migrations/registry';
import { REGISTRY_CONSUMERS } from './audit-log';
import { Commune } from './entities/Commune';
import { PopulationRevision } from './entities/PopulationRevision';
import { Province } from './entities/Province';
import { Unit } from './entities/Unit';
import { Village } from './entities/Village';
import { listenForWrites } from '../common/notify';
import { SharedCache } from '../common/loaders';
import { createLoaders, type RegistryLoaders } from './loaders';
import { buildRegistrySchema } from './schema';

export const registry: SubgraphDefinition<RegistryLoaders> = {
  name: 'registry',
  entities: [Province, Commune, Village, Unit, PopulationRevision],
  migrations: registryMigrations,
  buildSchema: buildRegistrySchema,
  createLoaders: (em) => createLoaders(em),
  consumers: REGISTRY_CONSUMERS,
};

/** Starts the registry with one cache shared by its requests, retired on every registry write (here or elsewhere). */
export async function start(options: SubgraphOptions) {
  const cache = new SharedCache();
  const running = await startSubgraph<RegistryLoaders>(
    { ...registry, createLoaders: (em) => createLoaders(em, cache) },
    options,
  );
  const listener = await listenForWrites(options.databaseUrl, 'registry', () => cache.bump(), options.log);
  return {
    ...running,
    clearCaches: () => cache.bump(),
    async stop() {
      await listener.stop();
      await running.stop();
    },
  };
}

if (require.main === module) runFromEnvironment(start, 4001, 'REGISTRY_PORT');
