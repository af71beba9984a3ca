import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RewardRule } from '../../../shared/vocabulary/reward-rules';
import { UnitDeadline } from '../../../shared/vocabulary/unit-deadlines';
import { TargetFields } from '../targets/types';

/** The registry's entities, extended here with progress, rank and reports. */
@ObjectType('Province')
@Directive('@key(fields: "id")')
export class ProvinceRef {
  @Field(() => ID)
  id!: string;

  /** The registry's; given here only where a field @provides it (the national rankings), from reports' areas. */
  @Field(() => String)
  @Directive('@external')
  code?: string;

  @Field(() => String)
  @Directive('@external')
  name?: string;
}

@ObjectType('Commune')
@Directive('@key(fields: "id")')
export class CommuneRef {
  @Field(() => ID)
  id!: string;

  /** The registry's; given here only where a field @provides them (the national ranking), from reports' areas. */
  @Field(() => String)
  @Directive('@external')
  name?: string;

  @Field(() => ProvinceRef)
  @Directive('@external')
  province?: ProvinceRef;

  /** Resolved by the plans subgraph; present only when a field @requires it (targetStatus). */
  @Field(() => [TargetFields])
  @Directive('@external')
  effectiveTargets?: TargetFields[];

  /** Resolved by the plans subgraph: the reward rules of the commune's plan (@required by rewards). */
  @Field(() => [RewardRule])
  @Directive('@external')
  rewardRules?: RewardRule[];

  @Field(() => String, { nullable: true })
  @Directive('@external')
  rewardRulesDocument?: string | null;

  /** Resolved by the plans subgraph: its plans' deadlines that name kinds of unit (@required by unitDeadlineStatus). */
  @Field(() => [UnitDeadline])
  @Directive('@external')
  unitDeadlines?: UnitDeadline[];
}

@ObjectType('Village')
@Directive('@key(fields: "id")')
export class VillageRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Unit')
@Directive('@key(fields: "id")')
export class UnitRef {
  @Field(() => ID)
  id!: string;
}
