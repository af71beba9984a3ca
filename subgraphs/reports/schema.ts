import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '../common/schema';
import { UnitReportResolver } from './resolvers/UnitReportResolver';

export function buildReportsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema([UnitReportResolver]);
}
