import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver, Directive } from 'type-graphql';
import type { Context } from '../../common/context';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import type { RegistryLoaders } from '../loaders';
import { listSize } from '../../common/list-size';
import { MAX_AUDIT_LIMIT, readAuditLog } from '../audit-log';

type Ctx = Context<RegistryLoaders>;

@ObjectType('AuditEntry', {
  description: 'One audited write (nhật ký thay đổi): who, when, which operation, the values before and after.',
})
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The subgraph that made the change: registry, directives, plans or reports.' })
  source!: string;

  @Field(() => Date, { description: 'When the change was written.' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The token subject of who made it.' })
  actorId!: string | null;

  @Field(() => String, { nullable: true })
  actorName!: string | null;

  @Field(() => String)
  actorRole!: string;

  @Field(() => String, { description: 'The mutation, e.g. recordPopulation, amendDirective, setTaskStatus.' })
  operation!: string;

  @Field(() => ID)
  areaId!: string;

  @Field(() => ID)
  provinceId!: string;

  @Field(() => ID, { nullable: true })
  communeId!: string | null;

  @Field(() => String, { description: 'What was changed: PopulationRevision, Directive, CommunePlan, PlanTask …' })
  targetType!: string;

  @Field(() => ID)
  targetId!: string;

  @Field(() => GraphQLJSON, {
    nullable: true,
    description: 'The values the operation replaced (null when there were none).',
  })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The values the operation wrote.' })
  after!: unknown;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@Resolver(() => AuditEntry)
export class AuditLogResolver {
  @Directive(listSize(MAX_AUDIT_LIMIT, { arguments: ['limit'] }))
  @Query(() => [AuditEntry], {
    description:
      'The audit trail of an area, newest first: a province → every write in it; a commune → its own, its villages’ ' +
      'and its units’. For PROVINCE_ADMIN and PROVINCE_VIEWER of the province, and the COMMUNE_OFFICER of the commune. ' +
      '`from`/`to` are days in Vietnam, both included.',
  })
  auditLog(
    @Arg('areaId', () => ID) areaId: string,
    @Arg('from', () => DateScalar, { nullable: true }) from: string | null,
    @Arg('to', () => DateScalar, { nullable: true }) to: string | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 200 }) limit: number,
    @Ctx() { em, viewer }: Ctx,
  ): Promise<AuditEntry[]> {
    return readAuditLog(em, viewer, areaId, { from, to, limit });
  }
}
