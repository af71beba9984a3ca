import 'reflect-metadata';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SubgraphName } from '../subgraphs/common/orm';
import { projectRoot } from '../subgraphs/common/paths';
import { buildDirectivesSchema } from '../subgraphs/directives/schema';
import { buildPlansSchema } from '../subgraphs/plans/schema';
import { buildRegistrySchema } from '../subgraphs/registry/schema';
import { buildReportsSchema } from '../subgraphs/reports/schema';

/** Default subgraph ports; the supergraph records these URLs, and the gateway overrides them at run time. */
export const DEFAULT_PORTS: Record<SubgraphName, number> = {
  registry: 4001,
  directives: 4002,
  plans: 4003,
  reports: 4004,
};

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

export const schemaDir = () => path.join(projectRoot(), 'schema');

export function readCommittedSupergraph(): string {
  return readFileSync(path.join(schemaDir(), 'supergraph.graphql'), 'utf8');
}
