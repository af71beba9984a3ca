import type { GraphQLSchema } from 'graphql';
import type { Context } from '../common/context';
import { buildFederatedSchema } from '../common/schema';
import { ReportingDeadlineResolver } from '../../shared/vocabulary/values';
import { RewardRuleResolver } from '../../shared/vocabulary/reward-rules';
import type { PlansLoaders } from './loaders';
import { CommunePlanResolver } from './resolvers/CommunePlanResolver';
import {
  CommuneKeyPeopleResolver,
  KeyPersonResolver,
  PlanKeyPeopleResolver,
  ReportKeyPeopleResolver,
  VillageKeyPeopleResolver,
} from './resolvers/KeyPeopleResolver';
import { CommunePlansResolver, DirectivePlansResolver } from './resolvers/CommunePlansResolver';
import { CommuneReportRef, ReportPlanResolver } from './resolvers/ReportPlanResolver';
import { PlanTaskResolver, TrainingSessionResolver } from './resolvers/TaskResolver';

type Ctx = Context<PlansLoaders>;

export function buildPlansSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    [
      CommunePlanResolver,
      CommunePlansResolver,
      DirectivePlansResolver,
      PlanTaskResolver,
      TrainingSessionResolver,
      ReportingDeadlineResolver,
      RewardRuleResolver,
      ReportPlanResolver,
      PlanKeyPeopleResolver,
      KeyPersonResolver,
      VillageKeyPeopleResolver,
      ReportKeyPeopleResolver,
      CommuneKeyPeopleResolver,
    ],
    {
      CommunePlan: { __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.plan.load(ref.id) },
      // A Commune or Directive reference carries what plans needs (id, and province { id } when @required).
      Commune: { __resolveReference: (ref: { id: string; province?: { id: string } }) => ref },
      Directive: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      // The village's key people are read by id; where it is, from the area projection.
      Village: { __resolveReference: (ref: { id: string }) => ({ id: ref.id }) },
      CommuneReport: { __resolveReference: (ref: { id: number }) => ({ id: ref.id }) },
    },
    [CommuneReportRef],
  );
}
