import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../common/schema';
import type { Context } from '../common/context';
import type { RegistryLoaders } from './loaders';
import { AccountResolver } from './resolvers/AccountResolver';
import { AuditLogResolver } from './resolvers/AuditLogResolver';
import { CommuneResolver } from './resolvers/CommuneResolver';
import { KeepingResolver } from './resolvers/KeepingResolver';
import { PopulationResolver } from './resolvers/PopulationResolver';
import { ProvinceResolver } from './resolvers/ProvinceResolver';
import { UnitResolver } from './resolvers/UnitResolver';
import { VillageResolver } from './resolvers/VillageResolver';

type Ref = { id: string };
type Ctx = Context<RegistryLoaders>;

/** The registry's SDL and resolvers; needs no database, so `npm run compose` can print it. */
export function buildRegistrySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    [
      ProvinceResolver,
      CommuneResolver,
      VillageResolver,
      UnitResolver,
      KeepingResolver,
      PopulationResolver,
      AuditLogResolver,
      AccountResolver,
    ],
    {
      Province: { __resolveReference: (ref: Ref, ctx: Ctx) => ctx.loaders.province.load(ref.id) },
      Commune: { __resolveReference: (ref: Ref, ctx: Ctx) => ctx.loaders.commune.load(ref.id) },
      Village: { __resolveReference: (ref: Ref, ctx: Ctx) => ctx.loaders.village.load(ref.id) },
      Unit: { __resolveReference: (ref: Ref, ctx: Ctx) => ctx.loaders.unit.load(ref.id) },
    },
  );
}
