import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  registerEnumType,
  Resolver,
  Root,
  Directive,
} from 'type-graphql';
import type { Context } from '../../common/context';
import { BadInputError, bilingual } from '../../../shared/pure/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { approveReportingPeriod, reopenReportingPeriod, type PeriodValue } from './store';
import type { ReportsLoaders } from '../loaders';
import { CommuneRef } from '../resolvers/refs';
import { ProgressType } from '../resolvers/types';
import { listSize, DATES_PER_YEAR } from '../../common/list-size';

type Ctx = Context<ReportsLoaders>;

export enum PeriodState {
  OPEN = 'OPEN',
  APPROVED = 'APPROVED',
  REOPENED = 'REOPENED',
}
registerEnumType(PeriodState, {
  name: 'PeriodState',
  description:
    'OPEN: never approved; APPROVED: approved and locked (no new report versions); REOPENED: approved, then reopened with a reason.',
});

@ObjectType('ReportingPeriod', {
  description:
    'A commune’s reporting period (kỳ báo cáo): the reports of its villages and units dated on one report date. An ' +
    'APPROVED period is locked: a new report version for it is FORBIDDEN until the commune or the province reopens it.',
})
export class ReportingPeriod {
  @Field(() => CommuneRef) commune!: CommuneRef;
  @Field(() => DateScalar) reportDate!: string;
  @Field(() => PeriodState) state!: PeriodState;
  @Field(() => Boolean, { description: 'True when APPROVED: new report versions are refused.' }) locked!: boolean;
  @Field(() => Int, {
    description:
      'Approvals and reopenings so far (0: never approved); each is kept in the history and the audit trail.',
  })
  revision!: number;
  @Field(() => Date, { nullable: true, description: 'The last approval.' }) approvedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who made the last approval (name).' }) approvedBy!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The note of the last approval.' }) note!: string | null;
  @Field(() => Date, { nullable: true, description: 'The last reopening.' }) reopenedAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who made the last reopening (name).' }) reopenedBy!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The reason of the last reopening.' }) reason!: string | null;
  @Field(() => Int, { description: 'Villages and units with a report dated on the period.' }) reporters!: number;
  @Field(() => Int, { description: 'Report versions dated on the period (resubmissions included).' }) versions!: number;
}

export function toReportingPeriod(p: PeriodValue): ReportingPeriod {
  return {
    commune: { id: p.communeId },
    reportDate: p.reportDate,
    state: p.state as PeriodState,
    locked: p.state === 'APPROVED',
    revision: p.revision,
    approvedAt: p.approvedAt,
    approvedBy: p.approvedByName,
    note: p.note,
    reopenedAt: p.reopenedAt,
    reopenedBy: p.reopenedByName,
    reason: p.reason,
    reporters: p.reporters,
    versions: p.versions,
  };
}

@Resolver(() => ReportingPeriod)
export class ApprovalResolver {
  @Mutation(() => ReportingPeriod, {
    description:
      'Approves a commune’s reporting period (duyệt kỳ báo cáo) and locks it: new report versions dated on it are ' +
      'FORBIDDEN until it is reopened. COMMUNE_OFFICER of the commune or PROVINCE_ADMIN. An approved period, or a date ' +
      'in the future, is BAD_USER_INPUT.',
  })
  async approveReportingPeriod(
    @Arg('communeId', () => ID) communeId: string,
    @Arg('reportDate', () => DateScalar) reportDate: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<ReportingPeriod> {
    const period = await approveReportingPeriod(em, viewer, { communeId, reportDate, note });
    loaders.retire();
    return toReportingPeriod(period);
  }

  @Mutation(() => ReportingPeriod, {
    description:
      'Reopens an approved period (mở lại kỳ báo cáo) so its reports can be resubmitted. The reason is required and ' +
      'kept in the audit trail. Same roles as approving; a period that is not approved is BAD_USER_INPUT.',
  })
  async reopenReportingPeriod(
    @Arg('communeId', () => ID) communeId: string,
    @Arg('reportDate', () => DateScalar) reportDate: string,
    @Arg('reason', () => String) reason: string,
    @Ctx() { em, viewer, loaders }: Ctx,
  ): Promise<ReportingPeriod> {
    const period = await reopenReportingPeriod(em, viewer, { communeId, reportDate, reason });
    loaders.retire();
    return toReportingPeriod(period);
  }
}

@Resolver(() => CommuneRef)
export class CommunePeriodsResolver {
  @Directive(listSize(DATES_PER_YEAR))
  @FieldResolver(() => [ReportingPeriod], {
    description:
      'Its reporting periods within [from, to] (dates with reports, or ever approved), newest first, with their approval state.',
  })
  async reportingPeriods(
    @Root() c: CommuneRef,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Ctx() { loaders }: Ctx,
  ): Promise<ReportingPeriod[]> {
    if (from && to && from > to)
      throw new BadInputError(bilingual('Ngày bắt đầu phải trước ngày kết thúc', 'from must not be after to'), 'from');
    return (await loaders.periods.load({ key: c.id, arg: { from: from ?? null, to: to ?? null } })).map(
      toReportingPeriod,
    );
  }
}

async function approvalOf(p: ProgressType, loaders: ReportsLoaders) {
  if (!p.approvalScope || !p.figuresDate) return null;
  const approvals = await loaders.approvals.load(p.approvalScope.provinceId);
  return approvals.get(`${p.approvalScope.communeId}|${p.figuresDate}`) ?? null;
}

const APPROVAL_SCOPE =
  'For a commune, its reporting period dated `figuresDate`; for a village or unit, its commune’s period dated the ' +
  'village’s or unit’s own `figuresDate`. Null for a province, and when there are no figures.';

@Resolver(() => ProgressType)
export class ProgressApprovalResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: `Whether the figures are approved (the period is APPROVED, locked). ${APPROVAL_SCOPE}`,
  })
  async approved(@Root() p: ProgressType, @Ctx() { loaders }: Ctx): Promise<boolean | null> {
    if (!p.approvalScope || !p.figuresDate) return null;
    return (await approvalOf(p, loaders))?.state === 'APPROVED';
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: `When the figures were approved, while they are. ${APPROVAL_SCOPE}`,
  })
  async approvedAt(@Root() p: ProgressType, @Ctx() { loaders }: Ctx): Promise<Date | null> {
    const a = await approvalOf(p, loaders);
    return a?.state === 'APPROVED' ? a.approvedAt : null;
  }
}
