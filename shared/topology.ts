/**
 * The hub's parts as every process knows them without loading any subgraph's code: the subgraphs' names, their
 * default ports (which the committed supergraph records) and where the composed supergraph is committed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './paths';

export type SubgraphName = 'registry' | 'directives' | 'plans' | 'reports';
export const SUBGRAPHS: readonly SubgraphName[] = ['registry', 'directives', 'plans', 'reports'];

/** Default subgraph ports; the supergraph records these URLs, and the gateway overrides them at run time. */
export const DEFAULT_PORTS: Record<SubgraphName, number> = {
  registry: 4001,
  directives: 4002,
  plans: 4003,
  reports: 4004,
};

/** schema/: each subgraph's SDL and the supergraph, as `npm run compose` writes them. */
export const schemaDir = () => path.join(projectRoot(), 'schema');

export function readCommittedSupergraph(): string {
  return readFileSync(path.join(schemaDir(), 'supergraph.graphql'), 'utf8');
}
