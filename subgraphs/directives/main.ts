import 'reflect-metadata';
import { directivesMigrations } from '../../migrations/directives';
import { runFromEnvironment, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { Directive } from './entities/Directive';
import { createLoaders, type DirectivesLoaders } from './loaders';
import { buildDirectivesSchema } from './schema';

export const directives: SubgraphDefinition<DirectivesLoaders> = {
  name: 'directives',
  entities: [Directive],
  migrations: directivesMigrations,
  buildSchema: buildDirectivesSchema,
  createLoaders,
};

export const start = (options: SubgraphOptions) => startSubgraph(directives, options);

if (require.main === module) runFromEnvironment(start, 4002, 'DIRECTIVES_PORT');
