/** The GraphQL object types of the chase lists and the rewards (resolvers in resolvers.ts). */
import { Field, Float, Int, ObjectType, registerEnumType, Directive } from 'type-graphql';
import { RewardRule } from '../../../shared/vocabulary/reward-rules';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { UnitDeadline } from '../../../shared/vocabulary/unit-deadlines';
import { UnitRef, VillageRef, CommuneRef } from '../resolvers/refs';
import { PersonRole } from '../resolvers/types';
import {
  listSize,
  COMMUNES_PER_PROVINCE,
  ITEMS_PER_DOCUMENT,
  PEOPLE_PER_REPORT,
  UNITS_PER_COMMUNE,
  VILLAGES_PER_COMMUNE,
} from '../../common/list-size';

export enum ReportingStateEnum {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  MISSING = 'MISSING',
}
registerEnumType(ReportingStateEnum, {
  name: 'ReportingState',
  description:
    "Weekly figures of villages and units (đã gửi số liệu tuần), not a commune's report (see FollowUpState): " +
    'đã gửi số liệu đúng hạn (ON_TIME), gửi số liệu trễ hạn (LATE), chưa gửi số liệu (MISSING)',
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
  @Directive(listSize(VILLAGES_PER_COMMUNE + UNITS_PER_COMMUNE))
  @Field(() => [ReporterStatus], { description: 'Missing first, then late, then on time; by name within each.' })
  reporters!: ReporterStatus[];
}

@ObjectType('UnitDeadlineStatus', {
  description:
    'A deadline of the commune’s plan that names kinds of unit (schools by 05/11, digital teams by 07/11): the ' +
    'commune’s units of those kinds, each by its first report dated from the plan’s date to the last day.',
})
export class UnitDeadlineStatus {
  @Field(() => UnitDeadline) deadline!: UnitDeadline;
  @Field(() => DateScalar, { description: 'Reports dated from this day (the plan’s date) answer it.' }) since!: string;
  @Field(() => Date, { description: 'Reports arriving after this instant are late.' }) due!: Date;
  @Field(() => Int) onTime!: number;
  @Field(() => Int) late!: number;
  @Field(() => Int) missing!: number;
  @Directive(listSize(UNITS_PER_COMMUNE))
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
  @Directive(listSize(COMMUNES_PER_PROVINCE))
  @Field(() => [CommuneDeadlineStatus], { description: 'Missing first, then late, then on time.' })
  communes!: CommuneDeadlineStatus[];
}

export enum RewardRulesStateEnum {
  FROM_PLAN = 'FROM_PLAN',
  NO_RULES_IN_PLAN = 'NO_RULES_IN_PLAN',
}
registerEnumType(RewardRulesStateEnum, {
  name: 'RewardRulesState',
  description:
    'FROM_PLAN: judged by the reward rules of the commune’s own plan; NO_RULES_IN_PLAN: none of its plans states ' +
    'reward rules, so no one is judged (chưa có tiêu chí khen thưởng trong kế hoạch của xã).',
});

@ObjectType('RewardCandidate', {
  description: 'A village, unit or person measured against a reward rule of the commune’s own plan.',
})
export class RewardCandidate {
  @Field(() => VillageRef, { nullable: true }) village!: VillageRef | null;
  @Field(() => UnitRef, { nullable: true }) unit!: UnitRef | null;
  @Field(() => String) name!: string;
  @Field(() => PersonRole, { nullable: true, description: 'For a person.' }) role!: PersonRole | null;
  @Field(() => Boolean) eligible!: boolean;
  @Field(() => String, { description: 'What was measured against the rule, with the figures.' }) reason!: string;
  @Field(() => String, { description: 'The rule measured against, as the plan states it.' }) rule!: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Units: share of officials certified; villages: share of working-age residents certified.',
  })
  share!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: 'People: how many they guided; units: officials who guided at least the quota.',
  })
  guided!: number | null;
}

@ObjectType('Rewards')
export class Rewards {
  @Field(() => DateScalar) asOf!: string;
  @Field(() => RewardRulesStateEnum) rulesState!: RewardRulesStateEnum;
  @Field(() => String, {
    nullable: true,
    description: 'Why the lists are empty when no plan states reward rules, in Vietnamese then English.',
  })
  note!: string | null;
  @Field(() => String, { nullable: true, description: 'The plan the rules come from (its number).' })
  document!: string | null;
  @Directive(listSize(ITEMS_PER_DOCUMENT))
  @Field(() => [RewardRule], { description: 'The rules applied: the commune’s own plan’s.' })
  rules!: RewardRule[];
  @Directive(listSize(VILLAGES_PER_COMMUNE))
  @Field(() => [RewardCandidate])
  villages!: RewardCandidate[];
  @Directive(listSize(UNITS_PER_COMMUNE))
  @Field(() => [RewardCandidate])
  units!: RewardCandidate[];
  @Directive(listSize(PEOPLE_PER_REPORT))
  @Field(() => [RewardCandidate], {
    nullable: true,
    description:
      'People named in the latest reports: personal data, readable only within the caller’s area ' +
      '(null for anyone else).',
  })
  people!: RewardCandidate[] | null;
}
