import type { GraphQLSchema } from 'graphql';
import type { Context } from '../common/context';
import { buildFederatedSchema } from '../common/schema';
import type { PlansLoaders } from './loaders';
import { CommunePlanResolver, CommunePlansResolver } from './resolvers/CommunePlanResolver';

type Ctx = Context<PlansLoaders>;

export function buildPlansSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema([CommunePlanResolver, CommunePlansResolver], {
    CommunePlan: { __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.plan.load(ref.id) },
  });
}
