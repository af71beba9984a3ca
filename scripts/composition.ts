// Composition of the four subgraphs' schemas (npm run compose, the schema test); only scripts and tests load it:
// the running gateway reads the committed schema/supergraph.graphql.
import 'reflect-metadata';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { DEFAULT_PORTS, type SubgraphName } from '../shared/topology';
import { buildDirectivesSchema } from '../subgraphs/directives/schema';
import { buildPlansSchema } from '../subgraphs/plans/schema';
import { buildRegistrySchema } from '../subgraphs/registry/schema';
import { buildReportsSchema } from '../subgraphs/reports/schema';

const BUILDERS = {
  registry: buildRegistrySchema,
  directives: buildDirectivesSchema,
  plans: buildPlansSchema,
  reports: buildReportsSchema,
} as const;

export interface ComposedSchemas {
  subgraphs: Array<{ name: SubgraphName; sdl: string }>;
  supergraphSdl: string;
}

/** Prints each subgraph's SDL and composes the supergraph, exactly as `npm run compose` writes them to schema/. */
export async function composeSupergraph(): Promise<ComposedSchemas> {
  const subgraphs: ComposedSchemas['subgraphs'] = [];
  for (const [name, build] of Object.entries(BUILDERS) as Array<
    [SubgraphName, () => Promise<import('graphql').GraphQLSchema>]
  >) {
    subgraphs.push({ name, sdl: printSubgraphSchema(await build()) });
  }
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      typeDefs: parse(s.sdl),
      url: `http://localhost:${DEFAULT_PORTS[s.name]}/graphql`,
    })),
  );
  if (result.errors) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { subgraphs, supergraphSdl: result.supergraphSdl };
}
