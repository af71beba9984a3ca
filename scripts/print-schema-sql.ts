// Developer aid: prints the DDL MikroORM would create for a subgraph's entities, as a start for a migration.
import 'reflect-metadata';
import { MikroORM, ReflectMetadataProvider } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { SUBGRAPHS, type SubgraphName } from '../shared/topology';

async function main() {
  const name = process.argv[2] as SubgraphName;
  if (!SUBGRAPHS.includes(name)) throw new Error(`usage: print-schema-sql <${SUBGRAPHS.join('|')}>`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the subgraph is named on the command line
  const mod = require(`../subgraphs/${name}/main`) as Record<string, { entities: unknown[] }>;
  const orm = await MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    schema: name,
    entities: mod[name].entities as never,
    metadataProvider: ReflectMetadataProvider,
    connect: false,
  });
  console.log(await orm.getSchemaGenerator().getCreateSchemaSQL({ wrap: false }));
  await orm.close();
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
