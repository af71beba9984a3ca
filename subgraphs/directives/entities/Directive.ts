import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive as GqlDirective, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import type { DeadlineData, PeriodData, TargetData } from '../../../shared/vocabulary/model';
import type { AdministrativeLevelName, CourseData, DirectiveContent, DirectiveKindName } from '../model';
import { DirectiveStatus } from '../../../shared/vocabulary/enums';
import { AdministrativeLevel, CampaignPeriod, Course, DirectiveKind } from '../resolvers/types';
import { ReportingDeadline } from '../../../shared/vocabulary/values';
import { listSize, ITEMS_PER_DOCUMENT, LABELS } from '../../common/list-size';

/**
 * A province letter or plan (công văn, kế hoạch) that sets targets and deadlines for the communes. The row holds
 * the revision in force; every revision (issue, amendment, withdrawal) is kept whole in `directive_revision`.
 */
@Entity({ tableName: 'directive' })
@Unique({ properties: ['provinceId', 'number'] })
@ObjectType('Directive', {
  description: 'A province letter or plan (công văn, kế hoạch) with targets and deadlines, as in force now.',
})
@GqlDirective('@key(fields: "id")')
export class Directive implements DirectiveContent {
  @PrimaryKey({ type: 'string', length: 60 })
  @Field(() => ID)
  id!: string;

  /** The province that issued it (registry's Province id, e.g. P23). */
  @Property({ type: 'string', length: 16 })
  @Index()
  provinceId!: string;

  @Property({ type: 'string', length: 60 })
  @Field(() => String, { description: 'Its number as printed, e.g. "2761/SKHCN-BCVT&CĐS".' })
  number!: string;

  @Enum({ items: () => DirectiveKind })
  @Field(() => DirectiveKind)
  kind!: DirectiveKindName;

  @Property({ type: 'string', length: 400 })
  @Field(() => String, { description: 'Its subject (trích yếu).' })
  title!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  issuedOn!: string;

  @Property({ type: 'string', length: 200 })
  @Field(() => String, { description: 'Who issued it, e.g. "Sở Khoa học và Công nghệ".' })
  issuer!: string;

  @Property({ type: 'json' })
  @GqlDirective(listSize(LABELS))
  @Field(() => [AdministrativeLevel], { description: 'The levels it is addressed to (kính gửi).' })
  addressedTo: AdministrativeLevelName[] = [];

  @Property({ type: 'json' })
  citesIds: string[] = [];

  @Property({ type: 'json' })
  @GqlDirective(listSize(LABELS))
  @Field(() => [String], {
    description: 'Numbers of documents it cites that are not in the system (e.g. "368-KH/TU").',
  })
  citesNumbers: string[] = [];

  @Property({ type: 'string', length: 60, nullable: true })
  replacesId: string | null = null;

  @Property({ type: 'string', length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: 'Number of a replaced document that is not in the system.' })
  replacesNumber: string | null = null;

  @Property({ type: 'json' })
  targets: TargetData[] = [];

  @Property({ type: 'json' })
  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @Field(() => [CampaignPeriod])
  campaignPeriods: PeriodData[] = [];

  @Property({ type: 'json' })
  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @Field(() => [ReportingDeadline])
  reportingDeadlines: DeadlineData[] = [];

  @Property({ type: 'json', nullable: true })
  @Field(() => Course, {
    nullable: true,
    description: 'The course and its certification rule, when the directive sets it.',
  })
  course: CourseData | null = null;

  @Enum({ items: () => DirectiveStatus })
  @Field(() => DirectiveStatus)
  status: DirectiveStatus = DirectiveStatus.IN_FORCE;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true })
  withdrawnOn: string | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  @Field(() => String, { nullable: true })
  withdrawalReason: string | null = null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'The revision in force: 1 when issued, +1 for each amendment or withdrawal.' })
  revision: number = 1;

  @Property({ type: 'boolean', default: false })
  @Field(() => Boolean, {
    description: 'True when demo data (invented or completed by the system), not an official record.',
  })
  demo: boolean = false;

  @Property({ type: 'string', length: 300, nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      'Where the demo data takes this document from, when the letter itself is not in the hub: the seed letter and its ' +
      'passage that name it (e.g. "004_677c41495f04c64c.txt, đoạn mở đầu"). Null for a document an official entered.',
  })
  citation: string | null = null;
}
