import { ArrayType, Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive as GqlDirective, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import type { DeadlineData, TargetData } from '../../../shared/vocabulary/model';
import { ReportingDeadline } from '../../../shared/vocabulary/values';
import type { RewardRuleData } from '../model';
import { RewardRule } from '../resolvers/types';
import { listSize, ITEMS_PER_DOCUMENT } from '../../common/list-size';

/** A commune's plan (kế hoạch) implementing province directives, with its own targets, schedule and reward rules. */
@Entity({ tableName: 'commune_plan' })
@Unique({ properties: ['communeId', 'number'] })
@ObjectType('CommunePlan', { description: 'A commune plan (kế hoạch của UBND xã) implementing province directives.' })
@GqlDirective('@key(fields: "id")')
export class CommunePlan {
  @PrimaryKey({ type: 'string', length: 80 })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 60 })
  @Field(() => String, { description: 'Its number as printed, e.g. "76/KH-UBND".' })
  number!: string;

  @Property({ type: 'string', length: 400 })
  @Field(() => String, { description: 'Its subject (trích yếu).' })
  title!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar)
  issuedOn!: string;

  /** The registry's Commune id, e.g. C02949. */
  @Property({ type: 'string', length: 16 })
  @Index()
  communeId!: string;

  /** Ids of the directives (directives subgraph) this plan implements. */
  @Property({ type: ArrayType })
  @Index({ type: 'gin' })
  directiveIds: string[] = [];

  @Property({ type: 'string', length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: 'A commune document it replaces (e.g. "525/UBND").' })
  replacesNumber: string | null = null;

  @Property({ type: 'json' })
  targets: TargetData[] = [];

  @Property({ type: 'json' })
  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @Field(() => [ReportingDeadline], { description: 'Its reporting schedule (chế độ báo cáo).' })
  reportingDeadlines: DeadlineData[] = [];

  @Property({ type: 'json' })
  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @Field(() => [RewardRule], { description: 'Its reward rules (tiêu chí khen thưởng), as data.' })
  rewardRules: RewardRuleData[] = [];

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

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
