/**
 * A submitted commune report's targets, judged as the report stands: the targets in force at its submission (frozen
 * by plans, @required here) against the commune's measures frozen with its figures, as of the figures' date. What the
 * .docx, the printable page and the province read; a later report or plan cannot change it.
 */
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { authorize, requireIdentity } from '../../../shared/pure/auth-rules';
import type { Context } from '../../common/context';
import { listSize, ITEMS_PER_DOCUMENT } from '../../common/list-size';
import type { CommuneReport } from '../entities/CommuneReport';
import type { ReportsLoaders } from '../loaders';
import { judgeTargets, measuresOf } from '../targets/status';
import { TargetStatus, type TargetFields } from '../targets/types';
import type { ReportFiguresValue } from './figures';
import { findReport } from './store';
import { CommuneReportType } from './types';

type ReportRoot = CommuneReportType & { raw?: CommuneReport; frozenTargets?: TargetFields[] | null };

@Resolver(() => CommuneReportType)
export class CommuneReportTargetsResolver {
  @Directive(listSize(ITEMS_PER_DOCUMENT))
  @Directive(
    '@requires(fields: "frozenTargets { indicator group threshold dueOn strict source document citation demo studentLevels }")',
  )
  @FieldResolver(() => [TargetStatus], {
    nullable: true,
    description:
      'Each target in force when the report was submitted, judged as of its figures’ date from the measures frozen ' +
      'with it: what the report states, whatever comes later. Null for a draft, and for a moment after submitting ' +
      '(until plans has frozen the targets); then `Commune.targetStatus(asOf:)` is the live equivalent.',
  })
  async targetStatus(@Root() t: ReportRoot, @Ctx() { em, viewer, loaders }: Context<ReportsLoaders>) {
    // Reached as an entity too (the gateway fetches it with the frozen targets): the report's own access rule holds.
    requireIdentity(viewer, 'READ_AUDIT');
    const report = t.raw ?? (await findReport(em, t.id));
    authorize(viewer, 'READ_AUDIT', { provinceId: report.provinceId, communeId: report.communeId });
    const figures = report.figures as ReportFiguresValue | null;
    if (!figures || !t.frozenTargets) return null;
    const points = figures.targetSeries ?? (await measuresOf(loaders, report.communeId, figures.asOf));
    const targets = t.frozenTargets.map((x) => ({
      ...x,
      document: x.document ?? null,
      citation: x.citation ?? null,
      demo: x.demo ?? false,
      studentLevels: x.studentLevels ?? null,
    }));
    return judgeTargets(targets, points, figures.asOf);
  }
}
