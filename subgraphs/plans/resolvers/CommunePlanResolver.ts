import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../common/context';
import { bilingual, NotFoundError } from '../../common/errors';
import { CommunePlan } from '../entities/CommunePlan';
import type { PlansLoaders } from '../loaders';
import { CommuneRef, DirectiveRef } from './refs';

type Ctx = Context<PlansLoaders>;

@Resolver(() => CommunePlan)
export class CommunePlanResolver {
  @Query(() => CommunePlan, { nullable: true })
  async communePlan(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Ctx): Promise<CommunePlan> {
    const found = await loaders.plan.load(id);
    if (!found) throw new NotFoundError(bilingual(`Không tìm thấy kế hoạch có mã "${id}"`, `no commune plan has id ${id}`));
    return found;
  }

  @FieldResolver(() => CommuneRef)
  commune(@Root() plan: CommunePlan): CommuneRef {
    return { id: plan.communeId };
  }

  @FieldResolver(() => [DirectiveRef], { description: 'The province directives this plan implements.' })
  implements(@Root() plan: CommunePlan): DirectiveRef[] {
    return plan.directiveIds.map((id) => ({ id }));
  }
}

@Resolver(() => CommuneRef)
export class CommunePlansResolver {
  @FieldResolver(() => [CommunePlan], { description: 'The commune’s plans, newest first.' })
  plans(@Root() commune: CommuneRef, @Ctx() { loaders }: Ctx): Promise<CommunePlan[]> {
    return loaders.plansOfCommune.load(commune.id);
  }
}
