import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, Directive as GqlDirective } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import type { DirectiveContent } from '../model';
import { DirectiveStatus, RevisionAction } from '../../../shared/vocabulary/enums';
import { CampaignPeriod, Course } from '../resolvers/types';
import { ReportingDeadline } from '../../../shared/vocabulary/values';
import { listSize, ITEMS_PER_DOCUMENT } from '../../common/list-size';

export interface RevisionContent extends DirectiveContent {
  status: DirectiveStatus;
  withdrawnOn: string | null;
}

/** One revision of a directive, whole: rows are only ever inserted, so every earlier version stays readable. */
@Entity({ tableName: 'directive_revision' })
@Unique({ properties: ['directiveId', 'revision'] })
@ObjectType('DirectiveRevision', {
  description: 'A directive as it stood at one revision (issued, amended or withdrawn).',
})
export class DirectiveRevision {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 60 })
  @Index()
  @Field(() => ID)
  directiveId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int)
  revision!: number;

  @Enum({ items: () => RevisionAction })
  @Field(() => RevisionAction)
  action!: RevisionAction;

  @Property({ type: 'json' })
  content!: RevisionContent;

  @Property({ type: 'string', length: 500 })
  @Field(() => String, { description: 'Why it was issued, amended or withdrawn.' })
  reason!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  @Field(() => Date)
  recordedAt: Date = new Date();

  @Property({ type: 'string', length: 100, nullable: true })
  @Field(() => String, { nullable: true })
  recordedBy: string | null = null;

  @Field(() => String)
  get number(): string {
    return this.content.number;
  }

  @Field(() => String)
  get title(): string {
    return this.content.title;
  }

  @Field(() => DateScalar)
  get issuedOn(): string {
    return this.content.issuedOn;
  }

  @Field(() => DirectiveStatus)
  get status(): DirectiveStatus {
    return this.content.status;
  }

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @Field(() => [CampaignPeriod])
  get campaignPeriods(): CampaignPeriod[] {
    return this.content.campaignPeriods;
  }

  @GqlDirective(listSize(ITEMS_PER_DOCUMENT))
  @Field(() => [ReportingDeadline])
  get reportingDeadlines(): ReportingDeadline[] {
    return this.content.reportingDeadlines as ReportingDeadline[];
  }

  @Field(() => Course, { nullable: true })
  get course(): Course | null {
    return this.content.course;
  }
}
