import { readFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../../scripts/composition';
import { schemaDir } from '../../shared/topology';

describe('committed schema/', () => {
  it('matches what `npm run compose` prints from the code (run it and commit schema/ when this fails)', async () => {
    const { subgraphs, supergraphSdl } = await composeSupergraph();
    for (const s of subgraphs) {
      expect(readFileSync(path.join(schemaDir(), `${s.name}.graphql`), 'utf8')).toBe(s.sdl + '\n');
    }
    expect(readFileSync(path.join(schemaDir(), 'supergraph.graphql'), 'utf8')).toBe(supergraphSdl + '\n');
  });

  it('keeps the public contract names of DESIGN.md', async () => {
    const { supergraphSdl } = await composeSupergraph();
    for (const name of [
      'type Province',
      'type Commune',
      'type Village',
      'type Unit',
      'type Population',
      'enum CommuneKind',
      'populationHistory: [PopulationRevision!]!',
      'formerCommune: String',
      'staff: Int!',
    ]) {
      expect(supergraphSdl).toContain(name);
    }
    const mutation = /recordPopulation\(([^)]*)\): PopulationRevision!/.exec(supergraphSdl);
    expect(mutation?.[1].split(', ').sort()).toEqual([
      'areaId: ID!',
      'population: PopulationInput!',
      'reason: String!',
    ]);
  });
});
