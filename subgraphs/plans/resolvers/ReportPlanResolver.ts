import { Ctx, Directive, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import type { Context } from '../../common/context';
import type { KeyPeoplePart } from '../key-people-certification';
import type { PlansLoaders } from '../loaders';
import { listSize, ITEMS_PER_DOCUMENT, PLANS_PER_COMMUNE } from '../../common/list-size';
import { Target } from '../../../shared/vocabulary/values';

@ObjectType('ReportPlanLine', { description: 'One plan of the commune in a report: tasks done, sessions held.' })
export class ReportPlanLine {
  @Field(() => String) planId!: string;
  @Field(() => String, { description: 'The plan’s number, e.g. 125/KH-UBND.' }) number!: string;
  @Field(() => String) title!: string;
  @Field(() => Int) tasksDone!: number;
  @Field(() => Int, { description: 'Tasks of the plan, cancelled ones not counted.' }) tasksTotal!: number;
  @Field(() => Int, { description: 'Training sessions held by the report’s date.' }) sessionsHeld!: number;
}

@ObjectType('ReportPlanPart', { description: 'The plan part of a commune report, as frozen at its submission.' })
export class ReportPlanPart {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Date, { description: 'The submission it was frozen for.' }) frozenAt!: Date;
  @Directive(listSize(PLANS_PER_COMMUNE))
  @Field(() => [ReportPlanLine])
  plans!: ReportPlanLine[];
  /** Not fields: what `keyPeople` (KeyPeopleResolver) is resolved from. */
  communeId?: string;
  keyPeopleFrozen?: KeyPeoplePart | null;
}

/** The reports subgraph's CommuneReport, extended here with the plan part frozen when it was submitted. */
@ObjectType('CommuneReport')
@Directive('@key(fields: "id")')
export class CommuneReportRef {
  @Field(() => Int) id!: number;
}

@Resolver(() => CommuneReportRef)
export class ReportPlanResolver {
  @FieldResolver(() => ReportPlanPart, {
    nullable: true,
    description:
      'Sessions held and tasks done per plan, frozen when the report was (last) submitted; null before its first ' +
      'submission reaches plans (a moment after submitting). The report itself follows the reports’ access rules.',
  })
  planPart(@Root() r: CommuneReportRef, @Ctx() { loaders }: Context<PlansLoaders>) {
    return loaders.reportPlan.load(r.id);
  }

  @Directive(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [Target], {
    nullable: true,
    description:
      'The commune’s effective targets as they stood when the report was (last) submitted, with their letters: what ' +
      'its `targetStatus` judges. Null before the submission reaches plans, or for a report submitted before targets ' +
      'were frozen.',
  })
  async frozenTargets(@Root() r: CommuneReportRef, @Ctx() { loaders }: Context<PlansLoaders>) {
    return (await loaders.reportPlan.load(r.id))?.targets ?? null;
  }
}
