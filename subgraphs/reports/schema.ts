import type { GraphQLSchema } from 'graphql';
import { ApprovalResolver, CommunePeriodsResolver, ProgressApprovalResolver } from './approval/resolvers';
import { buildFederatedSchema } from '../common/schema';
import {
  CommuneProgressResolver,
  ProvinceProgressResolver,
  UnitProgressResolver,
  VillageProgressResolver,
} from './progress/resolvers';
import { CommuneChaseResolver, ProvinceChaseResolver } from './chase/resolvers';
import {
  CommuneReportResolver,
  CommuneReportsResolver,
  ProvinceReportFollowUpResolver,
} from './commune-report/resolvers';
import { LiveResolver } from './live/resolvers';
import { NationResolver } from './nation/resolvers';
import { ReportResolver } from './intake/resolvers';
import { CommuneTargetResolver, ProvinceTargetResolver } from './targets/resolvers';
import { CommuneReportTargetsResolver } from './commune-report/targets';
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
      CommuneReportResolver,
      CommuneReportsResolver,
      ProvinceReportFollowUpResolver,
      CommuneReportTargetsResolver,
    ],
    {},
    [ProvinceRef, CommuneRef, VillageRef, UnitRef],
  );
}
