import 'reflect-metadata';
import type { MigrationList } from '../common/orm';
import { runFromEnvironment, startSubgraph, type SubgraphDefinition, type SubgraphOptions } from '../common/subgraph';
import { Directive } from './entities/Directive';
import { DirectiveRevision } from './entities/DirectiveRevision';
import { createLoaders, type DirectivesLoaders } from './loaders';
import { buildDirectivesSchema } from './schema';
import { seedDemo } from './seed';

export const directives: SubgraphDefinition<DirectivesLoaders> = {
  name: 'directives',
  entities: [Directive, DirectiveRevision],
  migrations: () =>
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only to migrate (OrmOptions.migrations)
    (require('../../migrations/directives') as { directivesMigrations: MigrationList }).directivesMigrations,
  buildSchema: buildDirectivesSchema,
  createLoaders,
  seedDemo,
};

export const start = (options: SubgraphOptions) => startSubgraph(directives, options);

if (require.main === module) runFromEnvironment(directives);
