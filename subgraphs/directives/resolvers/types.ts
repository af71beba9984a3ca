/** GraphQL types of the directives subgraph only (the shared ones are in shared/vocabulary/values.ts). */
import { Field, Float, InputType, Int, ObjectType, registerEnumType, Directive as GqlDirective } from 'type-graphql';
import { AreaLevel } from '../../../shared/vocabulary/enums';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import type { PeriodData } from '../../../shared/vocabulary/model';
import type { AdministrativeLevelName, CourseData, CourseModuleData, DirectiveKindName } from '../model';
import { ReportingDeadlineInput, TargetInput } from '../../../shared/vocabulary/values';
import { listSize, ITEMS_PER_DOCUMENT } from '../../common/list-size';

export enum DirectiveKind {
  LETTER = 'LETTER',
  PLAN = 'PLAN',
  NOTICE = 'NOTICE',
  DECISION = 'DECISION',
  RESOLUTION = 'RESOLUTION',
}
registerEnumType(DirectiveKind, {
  name: 'DirectiveKind',
  description: 'công văn (LETTER), kế hoạch (PLAN), thông báo (NOTICE), quyết định (DECISION), nghị quyết (RESOLUTION)',
});

/** The area levels (shared/vocabulary/enums.ts), as the levels a directive is addressed to. */
export const AdministrativeLevel = { ...AreaLevel };
registerEnumType(AdministrativeLevel, {
  name: 'AdministrativeLevel',
  description: 'Levels a directive is addressed to: province departments, communes, villages, agencies and units',
});

@ObjectType('CampaignPeriod', {
  description: 'A campaign period, e.g. the peak (đợt cao điểm) 10/10/2025 – 10/11/2025.',
})
export class CampaignPeriod implements PeriodData {
  @Field(() => String)
  name!: string;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;
}

@ObjectType('CourseModule', { description: 'A module (chuyên đề) of the course.' })
export class CourseModule implements CourseModuleData {
  @Field(() => Int)
  number!: number;

  @Field(() => String)
  title!: string;
}

@ObjectType('Course', {
  description:
    'The course and its certification rule: each module ≥ 80% of its content and quiz ≥ 4/5; all modules done ' +
    'unlock the final test; final test ≥ 21/30 gives the certificate.',
})
export class Course implements CourseData {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  url!: string;

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @Field(() => [CourseModule])
  modules!: CourseModule[];

  @Field(() => Float, { description: 'Share of each module’s content to complete (0.8).' })
  minContentShare!: number;

  @Field(() => Int)
  moduleQuizPassScore!: number;

  @Field(() => Int)
  moduleQuizQuestions!: number;

  @Field(() => Int)
  finalTestPassScore!: number;

  @Field(() => Int)
  finalTestQuestions!: number;
}

@InputType('CampaignPeriodInput')
export class CampaignPeriodInput implements PeriodData {
  @Field(() => String)
  name!: string;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;
}

@InputType('CourseModuleInput')
export class CourseModuleInput implements CourseModuleData {
  @Field(() => Int)
  number!: number;

  @Field(() => String)
  title!: string;
}

@InputType('CourseInput')
export class CourseInput implements CourseData {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  url!: string;

  @Field(() => [CourseModuleInput])
  modules!: CourseModuleInput[];

  @Field(() => Float)
  minContentShare!: number;

  @Field(() => Int)
  moduleQuizPassScore!: number;

  @Field(() => Int)
  moduleQuizQuestions!: number;

  @Field(() => Int)
  finalTestPassScore!: number;

  @Field(() => Int)
  finalTestQuestions!: number;
}

@InputType('IssueDirectiveInput', { description: 'A province letter or plan to record (ban hành).' })
export class IssueDirectiveInput {
  @Field(() => String, { description: 'The issuing province, e.g. "P23".' })
  provinceId!: string;

  @Field(() => String, { description: 'Its number as printed, e.g. "2761/SKHCN-BCVT&CĐS"; unique in the province.' })
  number!: string;

  @Field(() => DirectiveKind)
  kind!: DirectiveKindName;

  @Field(() => String, { description: 'Its subject (trích yếu).' })
  title!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => String, { description: 'e.g. "Sở Khoa học và Công nghệ".' })
  issuer!: string;

  @Field(() => [AdministrativeLevel], { defaultValue: [] })
  addressedTo!: AdministrativeLevelName[];

  @Field(() => [String], { defaultValue: [], description: 'Ids of directives in the system it cites.' })
  citesIds!: string[];

  @Field(() => [String], { defaultValue: [], description: 'Numbers of other documents it cites (not in the system).' })
  citesNumbers!: string[];

  @Field(() => String, { nullable: true, description: 'Id of the directive it replaces.' })
  replacesId?: string | null;

  @Field(() => String, { nullable: true, description: 'Number of a document it replaces that is not in the system.' })
  replacesNumber?: string | null;

  @Field(() => [TargetInput], { defaultValue: [] })
  targets!: TargetInput[];

  @Field(() => [CampaignPeriodInput], { defaultValue: [] })
  campaignPeriods!: CampaignPeriodInput[];

  @Field(() => [ReportingDeadlineInput], { defaultValue: [] })
  reportingDeadlines!: ReportingDeadlineInput[];

  @Field(() => CourseInput, { nullable: true })
  course?: CourseInput | null;
}

@InputType('AmendDirectiveInput', {
  description: 'What changes; fields left out keep their value. A list given replaces the whole list.',
})
export class AmendDirectiveInput {
  @Field(() => String, { nullable: true })
  number?: string | null;

  @Field(() => DirectiveKind, { nullable: true })
  kind?: DirectiveKindName | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => DateScalar, { nullable: true })
  issuedOn?: string | null;

  @Field(() => String, { nullable: true })
  issuer?: string | null;

  @Field(() => [AdministrativeLevel], { nullable: true })
  addressedTo?: AdministrativeLevelName[] | null;

  @Field(() => [String], { nullable: true })
  citesIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  citesNumbers?: string[] | null;

  @Field(() => String, { nullable: true })
  replacesId?: string | null;

  @Field(() => String, { nullable: true })
  replacesNumber?: string | null;

  @Field(() => [TargetInput], { nullable: true })
  targets?: TargetInput[] | null;

  @Field(() => [CampaignPeriodInput], { nullable: true })
  campaignPeriods?: CampaignPeriodInput[] | null;

  @Field(() => [ReportingDeadlineInput], { nullable: true })
  reportingDeadlines?: ReportingDeadlineInput[] | null;

  @Field(() => CourseInput, { nullable: true })
  course?: CourseInput | null;
}
