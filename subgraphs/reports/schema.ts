import type { GraphQLSchema } from 'graphql';
import { ApprovalResolver, CommunePeriodsResolver, ProgressApprovalResolver } from './resolvers/ApprovalResolvers';
import { buildFederatedSchema } from '../common/schema';
import {
  CommuneProgressResolver,
  ProvinceProgressResolver,
  UnitProgressResolver,
  VillageProgressResolver,
} from './resolvers/ProgressResolvers';
import { CommuneChaseResolver, ProvinceChaseResolver } from './resolvers/ChaseResolvers';
import { LiveResolver } from './resolvers/LiveResolver';
import { NationResolver } from './resolvers/NationResolver';
import { ReportResolver } from './resolvers/ReportResolver';
import { CommuneTargetResolver, ProvinceTargetResolver } from './resolvers/TargetResolvers';
import { CommuneRef, ProvinceRef, UnitRef, VillageRef } from './resolvers/refs';

export function buildReportsSchema(): Promise<GraphQLSchema> {
  // Entities this subgraph only extends are listed as orphans: type-graphql emits only types it can reach.
  return buildFederatedSchema(
    [
      ReportResolver,
      ProvinceProgressResolver,
      CommuneProgressResolver,
      VillageProgressResolver,
      UnitProgressResolver,
      CommuneChaseResolver,
      ProvinceChaseResolver,
      CommuneTargetResolver,
      ProvinceTargetResolver,
      LiveResolver,
      NationResolver,
      ApprovalResolver,
      CommunePeriodsResolver,
      ProgressApprovalResolver,
    ],
    {},
    [ProvinceRef, CommuneRef, VillageRef, UnitRef],
  );
}
