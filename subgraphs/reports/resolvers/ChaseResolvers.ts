import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { canRead } from '../../../shared/auth-rules';
import type { Context } from '../../common/context';
import { BadInputError, bilingual, NotFoundError } from '../../../shared/errors';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { asOfOrToday, type ReportsLoaders } from '../loaders';
import { deadlineInstant, directiveDeadline, reportingState, summarise, type ReportingState } from '../reporting';
import { personVerdict, unitVerdict, villageVerdict } from '../rewards';
import { CommuneRef, ProvinceRef, UnitRef, VillageRef } from './refs';
import { PersonRole } from './types';

export enum ReportingStateEnum {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  MISSING = 'MISSING',
}
registerEnumType(ReportingStateEnum, {
  name: 'ReportingState',
  description: 'đúng hạn (ON_TIME), trễ hạn (LATE), chưa báo cáo (MISSING)',
});

@ObjectType('ReporterStatus')
export class ReporterStatus {
  @Field(() => VillageRef, { nullable: true }) village!: VillageRef | null;
  @Field(() => UnitRef, { nullable: true }) unit!: UnitRef | null;
  @Field(() => String) name!: string;
  @Field(() => ReportingStateEnum) status!: ReportingStateEnum;
  @Field(() => Date, { nullable: true, description: 'When the first version for the date arrived.' })
  firstSubmittedAt!: Date | null;
}

@ObjectType('CommuneReportingStatus', {
  description: 'The Friday chase list: who reported for the date on time, late or not at all.',
})
export class CommuneReportingStatus {
  @Field(() => DateScalar) reportDate!: string;
  @Field(() => Date) deadline!: Date;
  @Field(() => Int) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) missing!: number;
  @Field(() => [ReporterStatus], { description: 'Missing first, then late, then on time; by name within each.' })
  reporters!: ReporterStatus[];
}

@ObjectType('CommuneDeadlineStatus')
export class CommuneDeadlineStatus {
  @Field(() => CommuneRef) commune!: CommuneRef;
  @Field(() => String) name!: string;
  @Field(() => ReportingStateEnum) status!: ReportingStateEnum;
  @Field(() => Date, { nullable: true }) firstSubmittedAt!: Date | null;
  @Field(() => Int, { description: 'Villages and units that reported in the window.' }) reportersReported!: number;
  @Field(() => Int) reportersTotal!: number;
}

@ObjectType('ProvinceReportingStatus', {
  description: 'Which communes reported by a deadline (the province’s chase list).',
})
export class ProvinceReportingStatus {
  @Field(() => DateScalar) since!: string;
  @Field(() => Date) deadline!: Date;
  @Field(() => Int) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) missing!: number;
  @Field(() => [CommuneDeadlineStatus], { description: 'Missing first, then late, then on time.' })
  communes!: CommuneDeadlineStatus[];
}

@ObjectType('RewardCandidate', {
  description: 'A village, unit or person measured against the reward rules (Ba Tô’s letter).',
})
export class RewardCandidate {
  @Field(() => VillageRef, { nullable: true }) village!: VillageRef | null;
  @Field(() => UnitRef, { nullable: true }) unit!: UnitRef | null;
  @Field(() => String) name!: string;
  @Field(() => PersonRole, { nullable: true, description: 'For a person.' }) role!: PersonRole | null;
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => String, { description: 'What was measured against the rule.' }) reason!: string;
}

@ObjectType('Rewards')
export class Rewards {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => [RewardCandidate]) villages!: RewardCandidate[];
  @Field(() => [RewardCandidate]) units!: RewardCandidate[];
  @Field(() => [RewardCandidate], {
    nullable: true,
    description:
      'People named in the latest reports: personal data, readable only within the caller’s area (null for anyone else).',
  })
  people!: RewardCandidate[] | null;
}

type Ctx = Context<ReportsLoaders>;
const ORDER: Record<ReportingState, number> = { MISSING: 0, LATE: 1, ON_TIME: 2 };
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function checkTime(time: string): void {
  if (!TIME.test(time))
    throw new BadInputError(
      bilingual(`Giờ hạn chót "${time}" không hợp lệ; nhập theo dạng HH:mm`, 'dueTime must be HH:mm'),
      'dueTime',
    );
}

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
    @Ctx() { em }: Ctx,
  ): Promise<CommuneReportingStatus> {
    checkTime(dueTime);
    const deadline = deadlineInstant(reportDate, dueTime);
    const [reporters, firsts] = await Promise.all([
      em.execute<Array<{ id: string; name: string; level: string }>>(
        `select id, name, level from reports.area where commune_id = ? and level in ('VILLAGE', 'UNIT') order by name`,
        [c.id],
      ),
      em.execute<Array<{ reporterId: string; first: Date }>>(
        `select reporter_id as "reporterId", min(submitted_at) as first from reports.unit_report where commune_id = ? and report_date = ? group by reporter_id`,
        [c.id, reportDate],
      ),
    ]);
    const first = new Map(firsts.map((f) => [f.reporterId, new Date(f.first)]));
    const list = reporters.map((r) => {
      const at = first.get(r.id) ?? null;
      return {
        village: r.level === 'VILLAGE' ? { id: r.id } : null,
        unit: r.level === 'UNIT' ? { id: r.id } : null,
        name: r.name,
        status: reportingState(at, deadline) as ReportingStateEnum,
        firstSubmittedAt: at,
      };
    });
    list.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name, 'vi'));
    const counts = summarise(list.map((r) => r.status));
    return {
      reportDate,
      deadline,
      onTime: counts.ON_TIME,
      late: counts.LATE,
      missing: counts.MISSING,
      reporters: list,
    };
  }

  @FieldResolver(() => Rewards, {
    description: 'Villages, units and people measured against the reward rules, from the latest reports.',
  })
  async rewards(
    @Root() c: CommuneRef,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf: string | null,
    @Ctx() { em, loaders, viewer }: Ctx,
  ): Promise<Rewards> {
    const date = asOfOrToday(asOf);
    const area = await loaders.area.load(c.id);
    if (!area) return { asOf: date, villages: [], units: [], people: [] };
    const snapshot = await loaders.snapshot.load({ provinceId: area.provinceId, asOf: date });
    const children = snapshot.children(c.id);
    const latestIds = children
      .map((a) => snapshot.latestReport(a.id)?.reportId)
      .filter((id): id is number => id !== undefined);
    const people = latestIds.length
      ? await em.execute<
          Array<{ reportId: number; name: string; role: 'OFFICIAL' | 'RESIDENT'; certified: boolean; guided: number }>
        >(
          `select report_id as "reportId", name, role, certified, guided from reports.report_person where report_id in (?) order by name`,
          [latestIds],
        )
      : [];
    const reportOwner = new Map(children.map((a) => [snapshot.latestReport(a.id)?.reportId, a]));
    const villages = children
      .filter((a) => a.level === 'VILLAGE')
      .map((v) => {
        const certified = snapshot.latestReport(v.id)?.figures.RESIDENTS.certified ?? 0;
        return {
          village: { id: v.id },
          unit: null,
          name: v.name,
          role: null,
          ...villageVerdict(snapshot.population(v.id)?.workingAge ?? null, certified),
        };
      });
    const units = children
      .filter((a) => a.level === 'UNIT' && a.unitType !== 'DIGITAL_TEAM')
      .map((u) => {
        const report = snapshot.latestReport(u.id);
        const guiding = people.filter(
          (p) => p.reportId === report?.reportId && p.role === 'OFFICIAL' && p.guided >= 10,
        ).length;
        return {
          village: null,
          unit: { id: u.id },
          name: u.name,
          role: null,
          ...unitVerdict(u.staff ?? 0, report?.figures.OFFICIALS.certified ?? 0, guiding),
        };
      });
    const persons = people.map((p) => {
      const owner = reportOwner.get(p.reportId);
      return {
        village: owner?.level === 'VILLAGE' ? { id: owner.id } : null,
        unit: owner?.level === 'UNIT' ? { id: owner.id } : null,
        name: p.name,
        role: p.role as PersonRole,
        ...personVerdict(p.role, p.certified, p.guided),
      };
    });
    return {
      asOf: date,
      villages,
      units,
      people: canRead(viewer, { provinceId: area.provinceId, communeId: c.id }, true) ? persons : null,
    };
  }
}

@Resolver(() => ProvinceRef)
export class ProvinceChaseResolver {
  @FieldResolver(() => ProvinceReportingStatus, {
    description:
      'Communes that have (not) reported by a deadline, e.g. "before 20 Nov 2025": a commune has reported when one of its ' +
      'villages or units submitted a report dated within [since, deadline date] before the deadline (default: the 7 days before it).',
  })
  async reportingStatus(
    @Root() p: ProvinceRef,
    @Arg('deadline', () => DateScalar, {
      nullable: true,
      description:
        'The due date; reports must arrive before 00:00 of it (Vietnam time) unless dueTime is given. Or give directiveId.',
    })
    deadline: string | null,
    @Arg('dueTime', () => String, { defaultValue: '00:00' }) dueTime: string,
    @Arg('since', () => DateScalar, { nullable: true }) since: string | null,
    @Arg('directiveId', () => ID, {
      nullable: true,
      description: 'Use the one-off reporting deadline of this directive (e.g. "before 20/11/2025").',
    })
    directiveId: string | null,
    @Ctx() { em, loaders }: Ctx,
  ): Promise<ProvinceReportingStatus> {
    checkTime(dueTime);
    let due: Date;
    let dueDate: string;
    if (directiveId) {
      const directive = (await loaders.directiveTargets.load(p.id)).find((d) => d.directiveId === directiveId);
      if (!directive)
        throw new NotFoundError(
          bilingual(`Không tìm thấy văn bản "${directiveId}" của tỉnh`, `no directive ${directiveId} in this province`),
        );
      const found = directiveDeadline(directive.deadlines);
      if (!found)
        throw new BadInputError(
          bilingual(
            `Văn bản ${directive.number} không có hạn báo cáo một lần`,
            'the directive sets no one-off reporting deadline',
          ),
          'directiveId',
        );
      due = found.instant;
      dueDate = found.dueOn;
    } else if (deadline) {
      due = deadlineInstant(deadline, dueTime);
      dueDate = deadline;
    } else {
      throw new BadInputError(
        bilingual(
          'Hãy chọn hạn báo cáo (deadline) hoặc văn bản chỉ đạo (directiveId)',
          'give a deadline or a directiveId',
        ),
        'deadline',
      );
    }
    const from = since ?? new Date(Date.parse(`${dueDate}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    if (from > dueDate)
      throw new BadInputError(
        bilingual('Ngày bắt đầu phải trước hạn chót', 'since must not be after the deadline'),
        'since',
      );
    const [communes, stats] = await Promise.all([
      em.execute<Array<{ id: string; name: string; reporters: number }>>(
        `select c.id, c.name, (select count(*)::int from reports.area a where a.commune_id = c.id and a.level in ('VILLAGE', 'UNIT')) as reporters
           from reports.area c where c.province_id = ? and c.level = 'COMMUNE' order by c.name`,
        [p.id],
      ),
      em.execute<Array<{ communeId: string; first: Date; reported: number }>>(
        `select commune_id as "communeId", min(submitted_at) as first, count(distinct reporter_id)::int as reported
           from reports.unit_report where province_id = ? and report_date between ? and ? group by commune_id`,
        [p.id, from, dueDate],
      ),
    ]);
    const byCommune = new Map(stats.map((s) => [s.communeId, s]));
    const list = communes.map((c) => {
      const s = byCommune.get(c.id);
      const first = s ? new Date(s.first) : null;
      return {
        commune: { id: c.id },
        name: c.name,
        status: reportingState(first, due) as ReportingStateEnum,
        firstSubmittedAt: first,
        reportersReported: s?.reported ?? 0,
        reportersTotal: c.reporters,
      };
    });
    list.sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.name.localeCompare(b.name, 'vi'));
    const counts = summarise(list.map((c) => c.status));
    return {
      since: from,
      deadline: due,
      onTime: counts.ON_TIME,
      late: counts.LATE,
      missing: counts.MISSING,
      communes: list,
    };
  }
}
