import type { GraphQLSchema } from 'graphql';
import type { Context } from '../common/context';
import { buildFederatedSchema } from '../common/schema';
import type { DirectivesLoaders } from './loaders';
import { DirectiveResolver, DirectiveRevisionResolver } from './resolvers/DirectiveResolver';
import { ProvinceDirectivesResolver } from './resolvers/ProvinceDirectives';
import { ReportingDeadlineResolver } from '../../shared/vocabulary/values';

type Ctx = Context<DirectivesLoaders>;

export function buildDirectivesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    [DirectiveResolver, DirectiveRevisionResolver, ProvinceDirectivesResolver, ReportingDeadlineResolver],
    {
      Directive: { __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.directive.load(ref.id) },
    },
  );
}
