// `npm run seed`: migrates; on an empty database loads the 34 provinces and 3,320 communes from data/ and (unless
// --reference-only) the demo data of every subgraph (--national: for every province); later runs add new reference rows only. Safe to run again.
import 'reflect-metadata';
import { DEFAULT_EMBEDDED_PORT, startDatabase } from '../subgraphs/common/database';
import { initORM } from '../subgraphs/common/orm';
import { registry } from '../subgraphs/registry/main';
import { seedReference } from '../subgraphs/registry/seed';
import { prepareDatabase } from './stack';

async function main(): Promise<void> {
  const referenceOnly = process.argv.includes('--reference-only');
  const national = process.argv.includes('--national');
  const say = (line: string) => console.log(`[seed] ${line}`);
  const db = await startDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir: process.env.DATA_DIR,
    port: Number(process.env.PG_PORT ?? DEFAULT_EMBEDDED_PORT),
  });
  try {
    // First run: migrations, reference data and (unless --reference-only) every subgraph's demo data, as npm start.
    await prepareDatabase(db.url, referenceOnly ? 'reference' : national ? 'national' : 'demo', say);
    // Later runs: the reference lists again (new rows only), so an updated data/ folder can be loaded.
    const orm = await initORM({
      subgraph: 'registry',
      clientUrl: db.url,
      entities: registry.entities,
      migrations: registry.migrations,
      poolMax: 2,
    });
    try {
      await seedReference(orm.orm.em.fork(), say);
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
