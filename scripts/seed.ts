// `npm run seed`: migrates, then loads the 34 provinces and 3,320 communes from data/ and (unless
// --reference-only) the generated demo data for Quảng Ngãi. Safe to run again: existing rows are kept.
import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_EMBEDDED_PORT, startDatabase } from '../subgraphs/common/database';
import { initORM } from '../subgraphs/common/orm';
import { registry } from '../subgraphs/registry/main';
import { seedDemo, seedReference } from '../subgraphs/registry/seed';
import { prepareDatabase } from './stack';

async function main(): Promise<void> {
  const referenceOnly = process.argv.includes('--reference-only');
  const say = (line: string) => console.log(`[seed] ${line}`);
  const db = await startDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DATA_DIR, port: Number(process.env.PG_PORT ?? DEFAULT_EMBEDDED_PORT) });
  try {
    await prepareDatabase(db.url, 'none', say);
    const orm = await initORM({ subgraph: 'registry', clientUrl: db.url, entities: registry.entities, migrations: registry.migrations, poolMax: 2 });
    try {
      const em = orm.orm.em.fork() as EntityManager;
      await seedReference(em, say);
      if (!referenceOnly) await seedDemo(em, say);
    } finally {
      await orm.close();
    }
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
