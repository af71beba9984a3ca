// `npm run compose`: regenerates schema/<subgraph>.graphql and schema/supergraph.graphql from the code.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { schemaDir } from '../shared/topology';
import { composeSupergraph } from './composition';

async function main() {
  const { subgraphs, supergraphSdl } = await composeSupergraph();
  mkdirSync(schemaDir(), { recursive: true });
  for (const s of subgraphs) {
    writeFileSync(path.join(schemaDir(), `${s.name}.graphql`), s.sdl + '\n');
    console.log(`schema/${s.name}.graphql (${s.sdl.split('\n').length} lines)`);
  }
  writeFileSync(path.join(schemaDir(), 'supergraph.graphql'), supergraphSdl + '\n');
  console.log(`schema/supergraph.graphql composed from ${subgraphs.length} subgraphs`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
