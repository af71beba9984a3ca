/** The GraphQL object types of the chase lists and the rewards (resolvers in ChaseResolvers.ts). */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import { UnitRef, VillageRef, CommuneRef } from './refs';
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
      'People named in the latest reports: personal data, readable only within the caller’s area ' +
      '(null for anyone else).',
  })
  people!: RewardCandidate[] | null;
}
