import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType, Directive } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { GROUPS, type Figures, type Group, type ProgressValue } from '../progress/rules';
import type { RankMove } from '../ranking/rules';
import { CommuneRef } from './refs';
import { FiguresCoverage } from './coverage-types';

import { PopulationGroup, StudentLevel } from '../../../shared/vocabulary/enums';
import { listSize, DATES_PER_YEAR, FIGURE_GROUPS } from '../../common/list-size';
import type { PortalStatisticInputRow } from '../../../shared/pure/portal-statistics';

export enum ProgressSource {
  REPORTS = 'REPORTS',
  PORTAL = 'PORTAL',
  NATIONAL_PLATFORM = 'NATIONAL_PLATFORM',
  NONE = 'NONE',
}
registerEnumType(ProgressSource, {
  name: 'ProgressSource',
  description:
    'REPORTS: sum of village and unit reports; PORTAL: the province portal’s statistics; NATIONAL_PLATFORM: only ' +
    'the national platform’s (binhdanhocvuso.gov.vn) learners, nothing else yet; NONE: no figures yet',
});

export enum StatisticSource {
  PORTAL = 'PORTAL',
  NATIONAL_PLATFORM = 'NATIONAL_PLATFORM',
}
registerEnumType(StatisticSource, {
  name: 'StatisticSource',
  description:
    'Whose statistics an imported row is: PORTAL, the province portal’s statistics page; NATIONAL_PLATFORM, the ' +
    'national platform binhdanhocvuso.gov.vn (VNeID login), whose rows say how many learners are also on the portal',
});

export enum PersonRole {
  OFFICIAL = 'OFFICIAL',
  RESIDENT = 'RESIDENT',
}
registerEnumType(PersonRole, {
  name: 'PersonRole',
  description: 'cán bộ, công chức, viên chức (OFFICIAL) or người dân (RESIDENT)',
});

@ObjectType('GroupProgress', { description: 'Counts of one population group, cumulative to the date.' })
export class GroupProgress {
  @Field(() => PopulationGroup) group!: PopulationGroup;
  @Field(() => Int, { description: 'Registered and joined the course (đã đăng ký tham gia).' }) registered!: number;
  @Field(() => Int, { description: 'Completed all five modules (hoàn thành 5 chuyên đề).' }) completed!: number;
  @Field(() => Int, { description: 'Passed the final test and hold the certificate (được cấp chứng nhận).' })
  certified!: number;
}

export function groupsOf(figures: Figures): GroupProgress[] {
  return GROUPS.map((g: Group) => ({ group: g as PopulationGroup, ...figures[g] }));
}

@ObjectType('Progress', {
  description:
    'Progress of an area as of a date, as the province portal computes it. learners = officials registered + ' +
    'residents registered (residents counts everyone who is not an official: residents, students, workers). Rates ' +
    'are fractions of the area’s adults (one denominator): officialsRate = officialsRegistered / adults, ' +
    'residentsRate = residentsRegistered / adults, participationRate = learners / adults; null when adults are unknown. ' +
    'A commune uses the newer of its portal row and its reports (portal wins on equal dates), plus the learners of ' +
    'the national platform’s latest row who are not also on the province portal (each learner counted once; ' +
    '`nationalPlatformLearners`); a province sums its communes.',
})
export class ProgressType {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Int, { nullable: true, description: 'The denominator: adults (a unit: its staff).' }) adults!:
    number | null;
  @Field(() => Int, { description: 'Học viên: officials registered + residents registered.' }) learners!: number;
  @Field(() => Int) officialsRegistered!: number;
  @Field(() => Int) residentsRegistered!: number;
  @Field(() => Int, {
    description: 'Completed all five modules (0 when the source is the portal, which does not publish it).',
  })
  completed!: number;
  @Field(() => Int, { description: 'Certified (0 when the source is the portal, which does not publish it).' })
  certified!: number;
  @Field(() => Float, { nullable: true, description: 'officialsRegistered / adults (0.0153 = 1.53%).' })
  officialsRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'residentsRegistered / adults.' }) residentsRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'learners / adults.' }) participationRate!: number | null;
  @Field(() => ProgressSource) source!: ProgressSource;
  @Field(() => DateScalar, { nullable: true, description: 'Date of the newest figure used.' }) figuresDate!:
    string | null;
  @Directive(listSize(FIGURE_GROUPS))
  @Field(() => [GroupProgress], { nullable: true, description: 'Per group, where the source gives it (reports).' })
  groups!: GroupProgress[] | null;
  @Field(() => Int, {
    description:
      'Learners counted from the national platform (binhdanhocvuso.gov.vn) who are not on the province portal; ' +
      'already in learners, officialsRegistered and residentsRegistered (not in groups).',
  })
  nationalPlatformLearners!: number;
  @Field(() => FiguresCoverage, {
    nullable: true,
    description:
      'How many of its villages and units the figures cover and the date most of them have (null on one source’s ' +
      'side of Commune.progressSources).',
  })
  coverage!: FiguresCoverage | null;
  /** Whose reporting period `approved` describes (not a field): the commune of a commune, village or unit. */
  approvalScope?: ApprovalScope | null;
}

/** The commune whose reporting period at `figuresDate` a progress value's approval is read from. */
export interface ApprovalScope {
  provinceId: string;
  communeId: string;
}

export function toProgressType(p: ProgressValue, approvalScope: ApprovalScope | null = null): ProgressType {
  return {
    ...p,
    source: p.source as ProgressSource,
    groups: p.groups ? groupsOf(p.groups) : null,
    coverage: p.coverage ?? null,
    approvalScope,
  };
}

@ObjectType('Rank', { description: 'A commune’s place in its province’s ranking by participation rate.' })
export class RankType {
  @Field(() => Int) position!: number;
  @Field(() => Int) outOf!: number;
  @Field(() => Int, { nullable: true, description: 'Position at the previous ranking date.' }) previous!: number | null;
  @Field(() => Int, { nullable: true, description: 'Places moved up since then (negative: down; 34 → 38 is -4).' })
  change!: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'The newest date with figures on or before asOf.' }) date!:
    string | null;
  @Field(() => DateScalar, { nullable: true, description: 'The ranking date before it, that `previous` refers to.' })
  previousDate!: string | null;
}

/** A rank move as GraphQL's Rank spells it (`change`: the move, DESIGN.md's name). */
export function rankFields(m: RankMove): Pick<RankType, 'position' | 'outOf' | 'previous' | 'change'> {
  return { position: m.position, outOf: m.outOf, previous: m.previous, change: m.move };
}

@ObjectType('RankingEntry', { description: 'A row of the portal’s ranking table.' })
export class RankingEntry extends RankType {
  @Field(() => CommuneRef) commune!: CommuneRef;
  @Field(() => ProgressType) progress!: ProgressType;
}

@ObjectType('RankPoint', { description: 'A commune’s rank on one ranking date.' })
export class RankPoint extends RankType {}

@ObjectType('ProgressSources', {
  description: 'A commune’s figures from its reports and from the portal, side by side.',
})
export class ProgressSources {
  @Field(() => ProgressType, { description: 'Sum of the latest reports of its villages and units.' })
  reports!: ProgressType;
  @Field(() => ProgressType, { nullable: true, description: 'The portal’s latest row on or before the date.' })
  portal!: ProgressType | null;
  @Field(() => ProgressType, {
    nullable: true,
    description:
      'The national platform’s latest row on or before the date, as published (all its learners; those also on ' +
      'the portal are counted once, by the portal: `Progress.nationalPlatformLearners`).',
  })
  nationalPlatform!: ProgressType | null;
  @Field(() => Int, { nullable: true, description: 'The rank the portal published with that row.' }) portalRank!:
    number | null;
  @Field(() => ProgressSource, { description: 'Which of the two `progress` uses.' }) used!: ProgressSource;
  @Field(() => Int, { nullable: true, description: 'portal learners − reported learners, when both exist.' })
  learnersDifference!: number | null;
  @Field(() => Boolean, { description: 'True when both exist and their learners differ.' }) disagree!: boolean;
}

@ObjectType('ReportedPerson', { description: 'A person named in a report, for the reward rules.' })
export class ReportedPerson {
  @Field(() => String) name!: string;
  @Field(() => PersonRole) role!: PersonRole;
  @Field(() => Boolean) certified!: boolean;
  @Field(() => Int, { description: 'Working-age residents this person guided.' }) guided!: number;
}

@ObjectType('PortalImportResult')
export class PortalImportResult {
  @Field(() => ID) importId!: string;
  @Field(() => Int) rows!: number;
  @Field(() => Int) communes!: number;
  @Directive(listSize(DATES_PER_YEAR))
  @Field(() => [DateScalar])
  dates!: string[];
}

@InputType('GroupFiguresInput', { description: 'Cumulative counts of one group to the report date.' })
export class GroupFiguresInput {
  @Field(() => PopulationGroup) group!: PopulationGroup;
  @Field(() => Int) registered!: number;
  @Field(() => Int, { description: 'At most registered.' }) completed!: number;
  @Field(() => Int, { description: 'At most completed.' }) certified!: number;
}

@InputType('StudentLevelFiguresInput', {
  description: 'A school’s students of one level: enrolled, and of them registered, completed, certified.',
})
export class StudentLevelFiguresInput {
  @Field(() => StudentLevel) level!: StudentLevel;
  @Field(() => Int, { description: 'Students of this level at the school.' }) enrolled!: number;
  @Field(() => Int, { description: 'At most enrolled.' }) registered!: number;
  @Field(() => Int, { description: 'At most registered.' }) completed!: number;
  @Field(() => Int, { description: 'At most completed.' }) certified!: number;
}

@InputType('PersonInput')
export class PersonInput {
  @Field(() => String) name!: string;
  @Field(() => PersonRole) role!: PersonRole;
  @Field(() => Boolean) certified!: boolean;
  @Field(() => Int) guided!: number;
}

@InputType('UnitReportInput', { description: 'A village’s or unit’s weekly report (báo cáo tuần).' })
export class UnitReportInput {
  @Field(() => ID, { description: 'The village (V…) or unit (U…) reporting.' }) reporterId!: string;
  @Field(() => ID, {
    nullable: true,
    description: 'The commune reported for; when given it must be the reporter’s own.',
  })
  communeId?: string | null;
  @Field(() => DateScalar, { description: 'The date the figures are for (not in the future).' }) reportDate!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Resending with the same key counts once (e.g. a form retried offline).',
  })
  idempotencyKey?: string | null;
  @Field(() => [GroupFiguresInput]) groups!: GroupFiguresInput[];
  @Field(() => Int, { nullable: true, description: 'Working-age residents guided by the reporter’s people.' })
  guidedResidents?: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Adults with a digital signature, cumulative to the report date; at most the adults (a unit: its staff).',
  })
  digitalSignatures?: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Adults with a level-2 electronic identity account on VNeID, cumulative to the report date; at most the adults ' +
      '(a unit: its staff).',
  })
  vneidConfirmed?: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'Adults whose digital skills are confirmed on VNeID (xác nhận đạt phổ cập kỹ năng số), cumulative to the report ' +
      'date; at most the adults (a unit: its staff).',
  })
  vneidSkills?: number | null;
  @Field(() => [StudentLevelFiguresInput], {
    nullable: true,
    description:
      'A school: its students by level with each level’s enrolment; together at most its STUDENTS figures. A target ' +
      'about some levels ("học sinh trung học") is measured from these.',
  })
  studentLevels?: StudentLevelFiguresInput[] | null;
  @Field(() => [PersonInput], { nullable: true, description: 'People proposed for the reward rules.' }) people?:
    PersonInput[] | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType('PortalStatisticInput', {
  description:
    'One row of published statistics: the province portal’s statistics page (source PORTAL) or the national ' +
    'platform’s (NATIONAL_PLATFORM; then officialsOnPortal and residentsOnPortal are required).',
})
export class PortalStatisticInput implements PortalStatisticInputRow {
  @Field(() => ID) communeId!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => StatisticSource, { nullable: true, defaultValue: StatisticSource.PORTAL }) source?: StatisticSource;
  @Field(() => Int, {
    nullable: true,
    description:
      'NATIONAL_PLATFORM rows: of officialsRegistered, how many are also on the province portal (counted there).',
  })
  officialsOnPortal?: number | null;
  @Field(() => Int, {
    nullable: true,
    description:
      'NATIONAL_PLATFORM rows: of residentsRegistered, how many are also on the province portal (counted there).',
  })
  residentsOnPortal?: number | null;
  @Field(() => Int, { nullable: true }) rank?: number | null;
  @Field(() => Int) learners!: number;
  @Field(() => Int) officialsRegistered!: number;
  @Field(() => Int) residentsRegistered!: number;
  @Field(() => Float, { nullable: true, description: 'In percent as published (1.53).' }) officialsPercent?:
    number | null;
  @Field(() => Float, { nullable: true, description: 'In percent as published (0.68).' }) residentsPercent?:
    number | null;
}
