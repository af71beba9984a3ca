import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  InputType,
  Field,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  Directive,
} from 'type-graphql';
import { authorize, requireIdentity } from '../../../shared/pure/auth-rules';
import { todayInVietnam } from '../../../shared/pure/dates';
import type { DeadlineData } from '../../../shared/vocabulary/model';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import type { Context } from '../../common/context';
import { dueInstant, figureDifferences, followUpState, type FollowUpState } from './rules';
import { changeCommuneReport, findReport, saveCommuneReport } from './store';
import { draftFigures, findReportingRequest, type ReportFiguresValue } from './figures';
import { CommuneReport } from '../entities/CommuneReport';
import type { ReportsLoaders } from '../loaders';
import { CommuneReportStatusEnum, CommuneReportType, FollowUpStateEnum, ReportFigures, RequestFollowUp } from './types';
import { CommuneRef, ProvinceRef } from '../resolvers/refs';
import { listSize, COMMUNE_REPORTS_PER_COMMUNE, ITEMS_PER_DOCUMENT, LABELS } from '../../common/list-size';

type Ctx = Context<ReportsLoaders>;

@InputType('CommuneReportInput', { description: 'A section left out keeps its saved text; an empty one clears it.' })
class CommuneReportInput {
  @Field(() => ID) communeId!: string;
  @Field(() => String, { description: 'The directive that asks for the report, e.g. 639-skhcn-bcvt-cds-2025.' })
  directiveId!: string;
  @Field(() => DateScalar, { description: 'The due date of its one-off reporting deadline, e.g. 2025-11-20.' })
  dueOn!: string;
  @Field(() => String, { nullable: true }) number?: string | null;
  @Field(() => String, { nullable: true, description: 'Khó khăn, vướng mắc.' }) difficulties?: string | null;
  @Field(() => String, { nullable: true, description: 'Đề xuất, kiến nghị.' }) proposals?: string | null;
}

/** The directive's number and the request's deadline, from the province's directives (one statement per province). */
async function requestOf(loaders: ReportsLoaders, r: CommuneReport) {
  const directive = (await loaders.directiveTargets.load(r.provinceId)).find((d) => d.directiveId === r.directiveId);
  const deadline = ((directive?.deadlines ?? []) as unknown as DeadlineData[]).find(
    (d) => d.recurrence === 'ONCE' && d.dueOn === r.dueOn,
  ) ?? { reporter: '', subject: '', recurrence: 'ONCE', dueOn: r.dueOn, before: false };
  return { number: directive?.number ?? r.directiveId, deadline };
}

async function toType(loaders: ReportsLoaders, r: CommuneReport): Promise<CommuneReportType & { raw: CommuneReport }> {
  const { number, deadline } = await requestOf(loaders, r);
  const due = dueInstant(deadline);
  return {
    raw: r,
    id: r.id,
    commune: { id: r.communeId },
    directiveId: r.directiveId,
    directiveNumber: number,
    dueOn: r.dueOn,
    deadline: due,
    status: r.status as CommuneReportStatusEnum,
    number: r.number,
    difficulties: r.difficulties,
    proposals: r.proposals,
    firstSubmittedAt: r.firstSubmittedAt,
    submittedAt: r.submittedAt,
    submittedBy: r.submittedBy,
    onTime: r.firstSubmittedAt ? r.firstSubmittedAt.getTime() <= due.getTime() : null,
    reviewedAt: r.reviewedAt,
    reviewedBy: r.reviewedBy,
    reviewNote: r.reviewNote,
    revision: r.revision,
    updatedAt: r.updatedAt,
  };
}

type Typed = CommuneReportType & { raw?: CommuneReport };

async function currentOf(loaders: ReportsLoaders, t: Typed): Promise<ReportFiguresValue> {
  const r = t.raw!;
  return draftFigures(loaders, r.provinceId, r.communeId, (await requestOf(loaders, r)).deadline);
}

@Resolver(() => CommuneReportType)
export class CommuneReportResolver {
  @Query(() => CommuneReportType, {
    description: 'A commune report, for the commune’s officer and the province (READ_AUDIT roles within the area).',
  })
  async communeReport(@Arg('id', () => Int) id: number, @Ctx() { em, viewer, loaders }: Ctx) {
    requireIdentity(viewer, 'READ_AUDIT');
    const r = await findReport(em, id);
    authorize(viewer, 'READ_AUDIT', { provinceId: r.provinceId, communeId: r.communeId });
    return toType(loaders, r);
  }

  @FieldResolver(() => ReportFigures, {
    description: 'The figures as submitted (frozen at the last submission); for a draft, today’s draft of them.',
  })
  async figures(@Root() t: Typed, @Ctx() { loaders }: Ctx): Promise<ReportFiguresValue> {
    return (t.raw?.figures as ReportFiguresValue | null) ?? currentOf(loaders, t);
  }

  @FieldResolver(() => ReportFigures, { description: 'The figures the hub would draft today.' })
  currentFigures(@Root() t: Typed, @Ctx() { loaders }: Ctx): Promise<ReportFiguresValue> {
    return currentOf(loaders, t);
  }

  @Directive(listSize(LABELS))
  @FieldResolver(() => [String], {
    description: 'How today’s figures differ from the submitted ones, in words; empty when equal or not submitted.',
  })
  async figureDifferences(@Root() t: Typed, @Ctx() { loaders }: Ctx): Promise<string[]> {
    const frozen = t.raw?.figures as ReportFiguresValue | null;
    return frozen ? figureDifferences(frozen, await currentOf(loaders, t)) : [];
  }

  @Mutation(() => CommuneReportType, {
    description:
      'Creates the commune’s draft report for a request, or saves its sections (DRAFT or RETURNED only). ' +
      'COMMUNE_OFFICER of the commune or PROVINCE_ADMIN.',
  })
  async saveCommuneReport(@Arg('input', () => CommuneReportInput) input: CommuneReportInput, @Ctx() ctx: Ctx) {
    const r = await saveCommuneReport(ctx.em, ctx.viewer, input);
    return toType(ctx.loaders, r);
  }

  @Mutation(() => CommuneReportType, {
    description: 'Submits a DRAFT or RETURNED report; its figures are frozen as of now. Same roles as saving.',
  })
  async submitCommuneReport(@Arg('id', () => Int) id: number, @Ctx() { em, viewer, loaders }: Ctx) {
    return toType(loaders, await changeCommuneReport(em, loaders, viewer, id, 'SUBMIT'));
  }

  @Mutation(() => CommuneReportType, {
    description: 'Returns a SUBMITTED report to the commune with a reason (PROVINCE_ADMIN).',
  })
  async returnCommuneReport(
    @Arg('id', () => Int) id: number,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, viewer, loaders }: Ctx,
  ) {
    return toType(loaders, await changeCommuneReport(em, loaders, viewer, id, 'RETURN', reason));
  }

  @Mutation(() => CommuneReportType, { description: 'Accepts a SUBMITTED report (PROVINCE_ADMIN).' })
  async acceptCommuneReport(
    @Arg('id', () => Int) id: number,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() { em, viewer, loaders }: Ctx,
  ) {
    return toType(loaders, await changeCommuneReport(em, loaders, viewer, id, 'ACCEPT', note));
  }
}

@Resolver(() => CommuneRef)
export class CommuneReportsResolver {
  @Directive(listSize(COMMUNE_REPORTS_PER_COMMUNE))
  @FieldResolver(() => [CommuneReportType], {
    description: 'Its periodic reports to the province, newest request first (READ_AUDIT roles within the area).',
  })
  async communeReports(@Root() c: CommuneRef, @Ctx() { viewer, loaders }: Ctx) {
    requireIdentity(viewer, 'READ_AUDIT');
    const area = await loaders.area.load(c.id);
    if (!area) return [];
    authorize(viewer, 'READ_AUDIT', { provinceId: area.provinceId, communeId: c.id });
    const reports = await loaders.communeReports.load(area.provinceId);
    return Promise.all(
      reports
        .filter((r) => r.communeId === c.id)
        .sort((a, b) => b.dueOn.localeCompare(a.dueOn))
        .map((r) => toType(loaders, r)),
    );
  }
}

const ORDER: Record<FollowUpState, number> = { MISSING: 0, DRAFT: 1, LATE: 2, ON_TIME: 3 };

@Resolver(() => ProvinceRef)
export class ProvinceReportFollowUpResolver {
  @Directive(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [RequestFollowUp], {
    description:
      "The communes' own reports (đã nộp báo cáo định kỳ), not their villages' weekly figures (that is " +
      'reportingStatus, đã gửi số liệu tuần). For each reporting request of its directives (a one-off deadline), ' +
      'which communes submitted, late or on ' +
      'time, and which did not. Public: states and dates only; the reports themselves follow the access rules.',
  })
  async reportFollowUp(
    @Root() p: ProvinceRef,
    @Arg('directiveId', () => String, { nullable: true }) directiveId: string | null,
    @Arg('dueOn', () => DateScalar, { nullable: true }) dueOn: string | null,
    @Ctx() { em, loaders }: Ctx,
  ): Promise<RequestFollowUp[]> {
    if (directiveId && dueOn) await findReportingRequest(em, p.id, directiveId, dueOn);
    const [directives, reports, snapshot] = await Promise.all([
      loaders.directiveTargets.load(p.id),
      loaders.communeReports.load(p.id),
      loaders.snapshot.load({ provinceId: p.id, asOf: todayInVietnam() }),
    ]);
    const communes = snapshot.communes();
    const out: RequestFollowUp[] = [];
    for (const d of directives.filter((x) => !directiveId || x.directiveId === directiveId)) {
      for (const deadline of d.deadlines as unknown as DeadlineData[]) {
        if (deadline.recurrence !== 'ONCE' || !deadline.dueOn || (dueOn && deadline.dueOn !== dueOn)) continue;
        const due = dueInstant(deadline);
        const mine = new Map(
          reports
            .filter((r) => r.directiveId === d.directiveId && r.dueOn === deadline.dueOn)
            .map((r) => [r.communeId, r]),
        );
        const rows = communes
          .map((c) => {
            const r = mine.get(c.id);
            const submitted = r && (r.status === 'SUBMITTED' || r.status === 'ACCEPTED') ? r.firstSubmittedAt : null;
            const state = followUpState(submitted, r?.status ?? null, due);
            return {
              commune: { id: c.id },
              name: c.name,
              state: state as FollowUpStateEnum,
              status: (r?.status ?? null) as CommuneReportStatusEnum | null,
              reportId: r?.id ?? null,
              firstSubmittedAt: r?.firstSubmittedAt ?? null,
              submittedAt: r?.submittedAt ?? null,
            };
          })
          .sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.name.localeCompare(b.name, 'vi'));
        const count = (s: FollowUpState) => rows.filter((r) => (r.state as FollowUpState) === s).length;
        out.push({
          directiveId: d.directiveId,
          directiveNumber: d.number,
          subject: deadline.subject,
          dueOn: deadline.dueOn,
          deadline: due,
          onTime: count('ON_TIME'),
          late: count('LATE'),
          draft: count('DRAFT'),
          missing: count('MISSING'),
          communes: rows,
        });
      }
    }
    return out.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.directiveNumber.localeCompare(b.directiveNumber));
  }
}
