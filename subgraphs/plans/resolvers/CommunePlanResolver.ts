import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Directive as GqlDirective } from 'type-graphql';
import type { Context } from '../../common/context';
import { bilingual, NotFoundError } from '../../../shared/pure/errors';
import { Target, targetView } from '../../../shared/vocabulary/values';
import { CommunePlan } from '../entities/CommunePlan';
import { PlanTask } from '../entities/PlanTask';
import { TrainingSession } from '../entities/TrainingSession';
import type { PlansLoaders } from '../loaders';
import { adoptPlan, setTaskStatus } from '../plan-store';
import { AdoptPlanInput, TaskStatus } from './types';
import { CommuneRef, DirectiveRef } from './refs';
import { DIRECTIVES_PER_PLAN, listSize, ITEMS_PER_DOCUMENT } from '../../common/list-size';

type Ctx = Context<PlansLoaders>;

@Resolver(() => CommunePlan)
export class CommunePlanResolver {
  @Query(() => CommunePlan, { nullable: true })
  async communePlan(@Arg('id', () => ID) id: string, @Ctx() { loaders }: Ctx): Promise<CommunePlan> {
    const found = await loaders.plan.load(id);
    if (!found)
      throw new NotFoundError(bilingual(`Không tìm thấy kế hoạch có mã "${id}"`, `no commune plan has id ${id}`));
    return found;
  }

  @FieldResolver(() => CommuneRef)
  commune(@Root() plan: CommunePlan): CommuneRef {
    return { id: plan.communeId };
  }

  @GqlDirective(listSize(DIRECTIVES_PER_PLAN))
  @FieldResolver(() => [DirectiveRef], { description: 'The province directives this plan implements (thực hiện).' })
  implements(@Root() plan: CommunePlan): DirectiveRef[] {
    return plan.directiveIds.map((id) => ({ id }));
  }

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [Target], { description: 'The commune’s own targets in this plan (threshold 0.8 = 80%).' })
  targets(@Root() plan: CommunePlan): Target[] {
    return plan.targets.map((t) => targetView(t, { planId: plan.id, document: plan.number }));
  }

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [PlanTask], { description: 'Its tasks, by deadline.' })
  tasks(@Root() plan: CommunePlan, @Ctx() { loaders }: Ctx): Promise<PlanTask[]> {
    return loaders.tasksOfPlan.load(plan.id);
  }

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [TrainingSession], { description: 'Its guided sessions, by date.' })
  sessions(@Root() plan: CommunePlan, @Ctx() { loaders }: Ctx): Promise<TrainingSession[]> {
    return loaders.sessionsOfPlan.load(plan.id);
  }

  @Mutation(() => CommunePlan, {
    description:
      'Records a commune plan (kế hoạch) implementing province directives, with its own targets, tasks, sessions, ' +
      'reporting schedule and reward rules; all or nothing.',
  })
  adoptPlan(
    @Arg('input', () => AdoptPlanInput) input: AdoptPlanInput,
    @Ctx() { em, viewer }: Ctx,
  ): Promise<CommunePlan> {
    return adoptPlan(em, viewer, {
      ...input,
      directiveIds: input.implements,
      replacesNumber: input.replacesNumber ?? null,
    });
  }

  @Mutation(() => PlanTask, { description: 'Moves a task to another status.' })
  setTaskStatus(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('status', () => TaskStatus) status: TaskStatus,
    @Ctx() { em, viewer }: Ctx,
  ): Promise<PlanTask> {
    return setTaskStatus(em, viewer, taskId, status);
  }
}
