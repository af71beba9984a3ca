import { Arg, Ctx, FieldResolver, Resolver, Root, Directive as GqlDirective } from 'type-graphql';
import type { Context } from '../../common/context';
import { todayInVietnam } from '../../../shared/pure/dates';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { PlanTask } from '../entities/PlanTask';
import { TrainingSession } from '../entities/TrainingSession';
import type { PlansLoaders } from '../loaders';
import { AssigneeLevel, TaskStatus } from './types';
import { UnitRef, VillageRef } from './refs';
import { listSize, VILLAGES_PER_COMMUNE } from '../../common/list-size';

type Ctx = Context<PlansLoaders>;

@Resolver(() => PlanTask)
export class PlanTaskResolver {
  @FieldResolver(() => UnitRef, { nullable: true, description: 'The unit it is assigned to, if a unit.' })
  unit(@Root() task: PlanTask): UnitRef | null {
    return task.assigneeLevel === AssigneeLevel.UNIT ? { id: task.assigneeId } : null;
  }

  @FieldResolver(() => VillageRef, { nullable: true, description: 'The village it is assigned to, if a village.' })
  village(@Root() task: PlanTask): VillageRef | null {
    return task.assigneeLevel === AssigneeLevel.VILLAGE ? { id: task.assigneeId } : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The assignee’s name, as the registry published it.' })
  async assigneeName(@Root() task: PlanTask, @Ctx() { loaders }: Ctx): Promise<string | null> {
    return (await loaders.area.load(task.assigneeId))?.name ?? null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Not done (nor cancelled) and past its deadline as of the date (default today).',
  })
  overdue(@Root() task: PlanTask, @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null): boolean {
    return (
      task.status !== TaskStatus.DONE && task.status !== TaskStatus.CANCELLED && task.dueOn < (asOf ?? todayInVietnam())
    );
  }
}

@Resolver(() => TrainingSession)
export class TrainingSessionResolver {
  @GqlDirective(listSize(VILLAGES_PER_COMMUNE))
  @FieldResolver(() => [VillageRef], { description: 'The villages it serves.' })
  villages(@Root() session: TrainingSession): VillageRef[] {
    return session.villageIds.map((id) => ({ id }));
  }
}
