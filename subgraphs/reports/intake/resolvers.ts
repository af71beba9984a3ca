import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, Directive } from 'type-graphql';
import { areaPath, authorize } from '../../../shared/pure/auth-rules';
import type { Context } from '../../common/context';
import { UnitReport } from '../entities/UnitReport';
import type { ReportsLoaders } from '../loaders';
import { figuresOf } from './figures';
import { importPortalStatistics } from './portal-store';
import { submitUnitReport } from './store';
import { CommuneRef, UnitRef, VillageRef } from '../resolvers/refs';
import {
  GroupProgress,
  groupsOf,
  PortalImportResult,
  PortalStatisticInput,
  ReportedPerson,
  UnitReportInput,
  PersonRole,
} from '../resolvers/types';
import { listSize, FIGURE_GROUPS, PEOPLE_PER_REPORT } from '../../common/list-size';

type Ctx = Context<ReportsLoaders>;

@Resolver(() => UnitReport)
export class ReportResolver {
  @Mutation(() => UnitReport, {
    description:
      'Submits a village’s or unit’s cumulative figures for a date (nộp báo cáo). ' +
      'Resubmitting for the same date adds a version (history kept, the latest counts); ' +
      'the same idempotencyKey again returns the first submission unchanged.',
  })
  async submitUnitReport(
    @Arg('input', () => UnitReportInput) input: UnitReportInput,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<UnitReport> {
    const report = await submitUnitReport(em, viewer, input);
    loaders.retire([{ provinceId: report.provinceId, from: report.reportDate }]);
    return report;
  }

  @Mutation(() => PortalImportResult, {
    description:
      'Imports rows of published statistics: the province portal’s statistics page (source PORTAL) and the ' +
      'national platform binhdanhocvuso.gov.vn (source NATIONAL_PLATFORM), whose rows say how many of their ' +
      'learners are also on the portal; only the others are added to progress, so each learner counts once. ' +
      'Every row is checked first; one bad row rejects the import with its row number and nothing is written. ' +
      '`npm run import:portal -- file.csv` does the same from a CSV (docs/imports.md).',
  })
  async importPortalStatistics(
    @Arg('rows', () => [PortalStatisticInput]) rows: PortalStatisticInput[],
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<PortalImportResult> {
    const result = await importPortalStatistics(em, viewer, rows);
    loaders.retire();
    return result;
  }

  @Directive(listSize(FIGURE_GROUPS))
  @FieldResolver(() => [GroupProgress])
  groups(@Root() report: UnitReport): GroupProgress[] {
    return groupsOf(figuresOf(report));
  }

  @FieldResolver(() => CommuneRef)
  commune(@Root() report: UnitReport): CommuneRef {
    return { id: report.communeId };
  }

  @FieldResolver(() => VillageRef, { nullable: true, description: 'The reporter, when a village.' })
  village(@Root() report: UnitReport): VillageRef | null {
    return report.reporterLevel === 'VILLAGE' ? { id: report.reporterId } : null;
  }

  @FieldResolver(() => UnitRef, { nullable: true, description: 'The reporter, when a unit.' })
  unit(@Root() report: UnitReport): UnitRef | null {
    return report.reporterLevel === 'UNIT' ? { id: report.reporterId } : null;
  }

  @Directive(listSize(PEOPLE_PER_REPORT))
  @FieldResolver(() => [ReportedPerson], {
    nullable: true,
    description:
      'People named in the report for the reward rules: personal data, readable only within the caller’s area.',
  })
  async people(@Root() report: UnitReport, @Ctx() { loaders, viewer }: Ctx): Promise<ReportedPerson[]> {
    authorize(viewer, 'READ_PERSONAL', areaPath(report.reporterId, report.provinceId)!);
    return (await loaders.peopleOf.load(report.id)).map((p) => ({ ...p, role: p.role as PersonRole }));
  }
}
