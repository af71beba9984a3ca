/**
 * GraphQL value types that both the directives and the plans subgraphs return (Target, ReportingDeadline; the reward
 * rule is reward-rules.ts) and the inputs that carry them. Both subgraphs use these same classes, so the types are
 * identical in both SDLs, as Federation requires of @shareable types. Plain data lives in model.ts, the enums in enums.ts.
 */
import {
  Arg,
  Directive as GqlDirective,
  Field,
  FieldResolver,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { todayInVietnam } from '../pure/dates';
import { DateScalar } from './scalars';
import { nextDue } from './deadlines';
import { DayPart, Indicator, PopulationGroup, Recurrence, StudentLevel, TargetSource, UnitType } from './enums';
import type { DeadlineData, TargetData } from './model';

/** Where an item of a letter comes from (Provenance, model.ts): the same two fields on every type that carries them. */
export const CITATION_FIELD = {
  nullable: true,
  description:
    'Where the letter says it: the letter and its section (e.g. "004_677c41495f04c64c.txt §4.1", "Mục 3.2").',
} as const;
export const DEMO_FIELD = {
  description: 'True for demo data no letter states (dữ liệu minh họa): pages and exports mark it so.',
} as const;

@ObjectType('Target', {
  description:
    'A target (chỉ tiêu): a share of a population group reaching a stage by a date; threshold 0.8 = 80%. ' +
    'It says where it comes from: a province directive or a commune plan.',
})
@GqlDirective('@shareable')
export class Target {
  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => PopulationGroup)
  group!: PopulationGroup;

  @Field(() => Float, { description: 'The share to reach, 0–1 (0.8 = 80%).' })
  threshold!: number;

  @Field(() => DateScalar)
  dueOn!: string;

  @Field(() => Boolean, { description: 'True for "over" (trên 50%): the threshold itself is not enough.' })
  strict!: boolean;

  @Field(() => String, { nullable: true, description: 'The letter’s wording.' })
  note!: string | null;

  // Three school levels at most (the @listSize every list field declares; subgraphs/common/list-size.ts).
  @GqlDirective('@listSize(assumedSize: 3)')
  @Field(() => [StudentLevel], {
    nullable: true,
    description:
      'STUDENTS only: the school levels counted ("học sinh trung học": LOWER_SECONDARY, UPPER_SECONDARY), over the ' +
      'students the schools state for those levels; null: every student of the area.',
  })
  studentLevels!: StudentLevel[] | null;

  @Field(() => String, CITATION_FIELD)
  citation!: string | null;

  @Field(() => Boolean, DEMO_FIELD)
  demo!: boolean;

  @Field(() => TargetSource)
  source!: TargetSource;

  @Field(() => ID, { nullable: true, description: 'The directive that set it (source PROVINCE).' })
  directiveId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The commune plan that set it (source COMMUNE).' })
  planId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The number of the letter that set it (số hiệu văn bản, e.g. 2027/SKHCN or 43/KH-UBND), when known.',
  })
  document!: string | null;

  @Field(() => Target, {
    nullable: true,
    description:
      'For a commune’s own target among effective targets: the province target it takes the place of, still visible.',
  })
  overrides!: Target | null;
}

/** The GraphQL view of a target's data, saying where it comes from. */
export function targetView(
  t: TargetData,
  from: { directiveId?: string; planId?: string; document?: string },
  overrides: Target | null = null,
): Target {
  return {
    indicator: t.indicator as Indicator,
    group: t.group as PopulationGroup,
    threshold: t.threshold,
    dueOn: t.dueOn,
    strict: t.strict ?? false,
    note: t.note ?? null,
    studentLevels: (t.studentLevels as StudentLevel[] | null | undefined) ?? null,
    citation: t.citation ?? null,
    demo: t.demo ?? false,
    source: from.planId ? TargetSource.COMMUNE : TargetSource.PROVINCE,
    directiveId: from.directiveId ?? null,
    planId: from.planId ?? null,
    document: from.document ?? null,
    overrides,
  };
}

@ObjectType('ReportingDeadline', {
  description: 'When results must be reported (chế độ báo cáo): once, or every week.',
})
@GqlDirective('@shareable')
export class ReportingDeadline implements DeadlineData {
  @Field(() => String, { description: 'Who reports, in the letter’s words.' })
  reporter!: string;

  @Field(() => String, { description: 'What is reported.' })
  subject!: string;

  @Field(() => Recurrence)
  recurrence!: 'ONCE' | 'WEEKLY';

  @Field(() => DateScalar, { nullable: true, description: 'ONCE: the date in the letter.' })
  dueOn!: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'ONCE: true for "before" (trước ngày): the last day is the day before.',
  })
  before!: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: 'WEEKLY: ISO weekday, 1 = Monday … 5 = Friday (thứ Sáu) … 7 = Sunday.',
  })
  weekday!: number | null;

  @Field(() => DayPart, { nullable: true })
  dayPart!: 'MORNING' | 'AFTERNOON' | 'EVENING' | null;

  @Field(() => DateScalar, { nullable: true })
  startsOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  endsOn!: string | null;

  @Field(() => String, CITATION_FIELD)
  citation!: string | null;
}

@Resolver(() => ReportingDeadline)
export class ReportingDeadlineResolver {
  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'The next day a report is due on or after the date (default today); null when nothing is due any more.',
  })
  nextDueOn(
    @Root() deadline: ReportingDeadline,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
  ): string | null {
    return nextDue(deadline, from ?? todayInVietnam());
  }

  @FieldResolver(() => Boolean, DEMO_FIELD)
  demo(@Root() deadline: ReportingDeadline & { demo?: boolean | null }): boolean {
    return deadline.demo ?? false;
  }

  // Twelve kinds of unit at most (the @listSize every list field declares).
  @GqlDirective('@listSize(assumedSize: 12)')
  @FieldResolver(() => [UnitType], {
    description:
      'The kinds of unit the deadline names (e.g. SCHOOL for "Hiệu trưởng các trường học"); empty when it names none ' +
      '(villages, everyone). The commune page chases those units against it (`Commune.unitDeadlineStatus`).',
  })
  reporterTypes(@Root() deadline: ReportingDeadline & { reporterTypes?: UnitType[] | null }): UnitType[] {
    return deadline.reporterTypes ?? [];
  }
}

@InputType('TargetInput', { description: 'A target; threshold 0.8 = 80%.' })
export class TargetInput implements TargetData {
  @Field(() => Indicator)
  indicator!: Indicator;

  @Field(() => PopulationGroup)
  group!: PopulationGroup;

  @Field(() => Float)
  threshold!: number;

  @Field(() => DateScalar)
  dueOn!: string;

  @Field(() => Boolean, { nullable: true })
  strict?: boolean;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => [StudentLevel], { nullable: true, description: 'STUDENTS only: the school levels counted.' })
  studentLevels?: StudentLevel[] | null;

  @Field(() => String, { nullable: true, description: 'The letter’s section that states it (e.g. "Mục 3.2").' })
  citation?: string | null;
}

@InputType('ReportingDeadlineInput', { description: 'ONCE needs dueOn; WEEKLY needs weekday (5 = Friday).' })
export class ReportingDeadlineInput implements DeadlineData {
  @Field(() => String)
  reporter!: string;

  @Field(() => String)
  subject!: string;

  @Field(() => Recurrence)
  recurrence!: 'ONCE' | 'WEEKLY';

  @Field(() => DateScalar, { nullable: true })
  dueOn?: string | null;

  @Field(() => Boolean, { nullable: true })
  before?: boolean;

  @Field(() => Int, { nullable: true })
  weekday?: number | null;

  @Field(() => DayPart, { nullable: true })
  dayPart?: 'MORNING' | 'AFTERNOON' | 'EVENING' | null;

  @Field(() => DateScalar, { nullable: true })
  startsOn?: string | null;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The letter’s section that states it (e.g. "Mục 3.2").' })
  citation?: string | null;

  @Field(() => [UnitType], { nullable: true, description: 'The kinds of unit the deadline names, if any.' })
  reporterTypes?: UnitType[] | null;
}
