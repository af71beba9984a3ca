import { Arg, Ctx, Directive, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { canRead } from '../../../shared/pure/auth-rules';
import type { Context } from '../../common/context';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { chaseWindow, checkDueTime, communeChase, latestOneOffDeadline, provinceChase } from './rules';
import { BadInputError, bilingual } from '../../../shared/pure/errors';
import { rewardCandidates } from '../rewards/rules';
import { asOfOrToday, type ReportsLoaders } from '../loaders';
import { deadlineInstant } from './reporting';
import {
  CommuneReportingStatus,
  ProvinceReportingStatus,
  ReportingStateEnum,
  RewardCandidate,
  Rewards,
  RewardRulesStateEnum,
  UnitDeadlineStatus,
  type ReporterStatus,
  type CommuneDeadlineStatus,
} from './types';
import { unitDeadlineChase, unitDeadlineWindow } from './unit-deadlines';
import { CommuneRef, ProvinceRef } from '../resolvers/refs';
import { listSize, ITEMS_PER_DOCUMENT } from '../../common/list-size';
import type { PersonRole } from '../resolvers/types';

type Ctx = Context<ReportsLoaders>;

// The rules speak in plain strings; the GraphQL enums have the same values.
const asState = (s: string) => s as ReportingStateEnum;
const asCandidate = (c: Omit<RewardCandidate, 'role'> & { role: string | null }) => ({
  ...c,
  role: c.role as PersonRole | null,
});

@Resolver(() => CommuneRef)
export class CommuneChaseResolver {
  @FieldResolver(() => CommuneReportingStatus, {
    description:
      'Who reported for a reporting date (e.g. a Friday) by its deadline, by default 17:00 that day (Vietnam time).',
  })
  async reportingStatus(
    @Root() c: CommuneRef,
    @Arg('reportDate', () => DateScalar) reportDate: string,
    @Arg('dueTime', () => String, { defaultValue: '17:00', description: 'HH:mm on the report date, Vietnam time.' })
    dueTime: string,
    @Ctx() { loaders }: Ctx,
  ): Promise<CommuneReportingStatus> {
    checkDueTime(dueTime);
    const deadline = deadlineInstant(reportDate, dueTime);
    const [reporters, firsts] = await Promise.all([
      loaders.chase.reporters.load(c.id),
      loaders.chase.firstSubmissions.load({ key: c.id, arg: reportDate }),
    ]);
    // A village or unit closed before the report date is no longer expected to report (registry keeping).
    const expected = reporters.filter((r) => !r.closedOn || r.closedOn >= reportDate);
    const chase = communeChase(expected, firsts, deadline);
    const list: ReporterStatus[] = chase.reporters.map((r) => ({ ...r, status: asState(r.status) }));
    return { reportDate, deadline, onTime: chase.onTime, late: chase.late, missing: chase.missing, reporters: list };
  }

  @Directive(listSize(ITEMS_PER_DOCUMENT))
  @FieldResolver(() => [UnitDeadlineStatus], {
    description:
      'The deadlines of the commune’s plans that name kinds of unit (schools by 05/11, digital teams by 07/11), each ' +
      'with the commune’s units of those kinds: on time, late or not yet reported. Earliest deadline first.',
  })
  @Directive(
    '@requires(fields: "unitDeadlines { reporter subject reporterTypes dueOn before issuedOn document citation demo }")',
  )
  async unitDeadlineStatus(@Root() c: CommuneRef, @Ctx() { loaders }: Ctx): Promise<UnitDeadlineStatus[]> {
    const deadlines = c.unitDeadlines ?? [];
    if (deadlines.length === 0) return [];
    const reporters = await loaders.chase.reporters.load(c.id);
    return Promise.all(
      deadlines.map(async (deadline) => {
        const { from, to } = unitDeadlineWindow(deadline);
        const firsts = await loaders.chase.firstInWindow.load({ key: c.id, arg: { from, to } });
        const chase = unitDeadlineChase(deadline, reporters, firsts);
        const list: ReporterStatus[] = chase.reporters.map((r) => ({ ...r, status: asState(r.status) }));
        return {
          deadline,
          since: from,
          due: chase.due,
          onTime: chase.onTime,
          late: chase.late,
          missing: chase.missing,
          reporters: list,
        };
      }),
    );
  }

  @FieldResolver(() => Rewards, {
    description:
      'Villages, units and people measured against the reward rules of the commune’s own plan (`rewardRules`), ' +
      'from the latest reports. A commune whose plans state no rules gets none (`rulesState` NO_RULES_IN_PLAN).',
  })
  @Directive(
    '@requires(fields: "rewardRules { subject certifiedShare guidingShare minGuided maxGuided minAwardees maxAwardees description } rewardRulesDocument")',
  )
  async rewards(
    @Root() c: CommuneRef,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { loaders, viewer }: Ctx,
  ): Promise<Rewards> {
    const date = asOfOrToday(asOf);
    const rules = c.rewardRules ?? [];
    const head = {
      asOf: date,
      rulesState: rules.length ? RewardRulesStateEnum.FROM_PLAN : RewardRulesStateEnum.NO_RULES_IN_PLAN,
      note: rules.length
        ? null
        : 'Kế hoạch của xã chưa có tiêu chí khen thưởng (no reward rules in the commune’s plan)',
      document: c.rewardRulesDocument ?? null,
      rules,
    };
    const area = await loaders.area.load(c.id);
    if (!area) return { ...head, villages: [], units: [], people: [] };
    const personal = canRead(viewer, { provinceId: area.provinceId, communeId: c.id }, true);
    // Without rules nothing is judged, but the same rows are read: statements per request do not depend on which
    // communes' plans state rules.
    const snapshot = await loaders.snapshot.load({ provinceId: area.provinceId, asOf: date });
    const children = snapshot.children(c.id);
    const latestIds = children
      .map((a) => snapshot.latestReport(a.id)?.reportId)
      .filter((id): id is number => id !== undefined);
    // Merged from several reports, the people keep the one statement's order by name.
    const people = (await loaders.chase.people.loadMany(latestIds))
      .flatMap((list) => {
        if (list instanceof Error) throw list;
        return list;
      })
      .sort((a, b) => a.order - b.order);
    const candidates = rewardCandidates({
      rules,
      children,
      latest: (id) => snapshot.latestReport(id),
      workingAge: (id) => snapshot.population(id)?.workingAge ?? null,
      people,
    });
    return {
      ...head,
      villages: candidates.villages.map(asCandidate),
      units: candidates.units.map(asCandidate),
      people: personal ? candidates.people.map(asCandidate) : null,
    };
  }
}

@Resolver(() => ProvinceRef)
export class ProvinceChaseResolver {
  @FieldResolver(() => ProvinceReportingStatus, {
    description:
      "Weekly figures (đã gửi số liệu tuần), not the commune's own report (that is reportFollowUp, đã nộp báo cáo " +
      'định kỳ). Communes whose villages and units have (not) sent figures by a deadline, e.g. "before 20 Nov ' +
      '2025": a commune counts as having sent when one ' +
      'of its villages or units submitted a report dated within [since, deadline date] before the deadline ' +
      '(default: the 7 days before it).',
  })
  async reportingStatus(
    @Root() p: ProvinceRef,
    @Arg('deadline', () => DateScalar, {
      nullable: true,
      description:
        'The due date; reports must arrive before 00:00 of it (Vietnam time) unless dueTime is given. ' +
        'Or give directiveId.',
    })
    deadline: string | null,
    @Arg('dueTime', () => String, { defaultValue: '00:00' }) dueTime: string,
    @Arg('since', () => DateScalar, { nullable: true }) since: string | null,
    @Arg('directiveId', () => ID, {
      nullable: true,
      description: 'Use the one-off reporting deadline of this directive (e.g. "before 20/11/2025").',
    })
    directiveId: string | null,
    @Arg('latest', () => Boolean, {
      defaultValue: false,
      description:
        'Without deadline or directiveId: the latest one-off reporting deadline of the directives in force, as a ' +
        'date (what the dashboard shows first, in the same query as the rest of the page).',
    })
    latest: boolean,
    @Ctx() { loaders }: Ctx,
  ): Promise<ProvinceReportingStatus> {
    checkDueTime(dueTime);
    const directives = directiveId || (latest && !deadline) ? await loaders.directiveTargets.load(p.id) : [];
    const found = directiveId ? directives.find((d) => d.directiveId === directiveId) : undefined;
    if (latest && !deadline && !directiveId) {
      deadline = latestOneOffDeadline(directives);
      if (!deadline)
        throw new BadInputError(
          bilingual(
            'Các văn bản đang có hiệu lực chưa đặt hạn báo cáo một lần: hãy chọn hạn báo cáo',
            'no directive in force sets a one-off reporting deadline',
          ),
          'latest',
        );
    }
    const { due, dueDate, from } = chaseWindow({
      deadline,
      dueTime,
      since,
      directive: directiveId ? { id: directiveId, found } : null,
    });
    const [communes, tallies] = await Promise.all([
      loaders.chase.communes.load(p.id),
      loaders.chase.tallies.load({ key: p.id, arg: { from, to: dueDate } }),
    ]);
    const chase = provinceChase(communes, tallies, due);
    const list: CommuneDeadlineStatus[] = chase.communes.map((c) => ({ ...c, status: asState(c.status) }));
    return {
      since: from,
      deadline: due,
      onTime: chase.onTime,
      late: chase.late,
      missing: chase.missing,
      communes: list,
    };
  }
}
