/** GraphQL enums and inputs of the plans subgraph (Target and ReportingDeadline are shared: ../directives/values). */
import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../../shared/vocabulary/scalars';
import {
  DayPart,
  KeyPersonRole,
  RewardSubject,
  type DayPartName,
  type KeyPersonRoleName,
} from '../../../shared/vocabulary/enums';
export { RewardRule } from '../../../shared/vocabulary/reward-rules';
import { ReportingDeadlineInput, TargetInput } from '../../../shared/vocabulary/values';
import type { RewardRuleData, SessionData, TaskData, TaskStatusName } from '../model';

export enum TaskStatus {
  TODO = 'TODO',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}
registerEnumType(TaskStatus, { name: 'TaskStatus', description: 'chưa thực hiện, đang thực hiện, hoàn thành, hủy' });

export enum AssigneeLevel {
  UNIT = 'UNIT',
  VILLAGE = 'VILLAGE',
}
registerEnumType(AssigneeLevel, {
  name: 'AssigneeLevel',
  description: 'A task is assigned to a unit (cơ quan, đơn vị) or a village (thôn)',
});

@InputType('RewardRuleInput')
export class RewardRuleInput implements RewardRuleData {
  @Field(() => RewardSubject)
  subject!: RewardSubject;

  @Field(() => Float, { nullable: true })
  certifiedShare?: number | null;

  @Field(() => Float, { nullable: true })
  guidingShare?: number | null;

  @Field(() => Int, { nullable: true })
  minGuided?: number | null;

  @Field(() => Int, { nullable: true })
  maxGuided?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many are rewarded, at least (RewardRule.minAwardees).' })
  minAwardees?: number | null;

  @Field(() => Int, { nullable: true, description: 'How many are rewarded, at most (RewardRule.maxAwardees).' })
  maxAwardees?: number | null;

  @Field(() => String)
  description!: string;

  @Field(() => String, { nullable: true, description: 'The letter’s section that states it (e.g. "Mục 4.1").' })
  citation?: string | null;
}

@InputType('PlanTaskInput')
export class PlanTaskInput implements TaskData {
  @Field(() => String)
  title!: string;

  @Field(() => String, { description: 'A unit (U02949-11) or village (V02949-08) of the plan’s commune.' })
  assigneeId!: string;

  @Field(() => DateScalar)
  dueOn!: string;

  @Field(() => TaskStatus, { nullable: true })
  status?: TaskStatusName;
}

@InputType('TrainingSessionInput')
export class TrainingSessionInput implements SessionData {
  @Field(() => DateScalar)
  heldOn!: string;

  @Field(() => DayPart, { nullable: true })
  dayPart?: DayPartName | null;

  @Field(() => String)
  venue!: string;

  @Field(() => [String], { description: 'Villages of the commune it serves.' })
  villageIds!: string[];

  @Field(() => String, { nullable: true })
  note?: string | null;
}

@InputType('AdoptPlanInput', { description: 'A commune plan (kế hoạch) implementing province directives.' })
export class AdoptPlanInput {
  @Field(() => String)
  communeId!: string;

  @Field(() => String, { description: 'Its number as printed, e.g. "76/KH-UBND"; unique in the commune.' })
  number!: string;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar)
  issuedOn!: string;

  @Field(() => [String], { description: 'Ids of the province directives it implements.' })
  implements!: string[];

  @Field(() => String, { nullable: true, description: 'Number of a commune document it replaces (e.g. "525/UBND").' })
  replacesNumber?: string | null;

  @Field(() => [TargetInput], {
    defaultValue: [],
    description:
      'The commune’s own targets; they take the place of the province’s for the same indicator, group and year.',
  })
  targets!: TargetInput[];

  @Field(() => [PlanTaskInput], { defaultValue: [] })
  tasks!: PlanTaskInput[];

  @Field(() => [TrainingSessionInput], { defaultValue: [] })
  sessions!: TrainingSessionInput[];

  @Field(() => [ReportingDeadlineInput], { defaultValue: [] })
  reportingDeadlines!: ReportingDeadlineInput[];

  @Field(() => [RewardRuleInput], { defaultValue: [] })
  rewardRules!: RewardRuleInput[];
}

export enum KeyPersonChange {
  NAMED = 'NAMED',
  REPLACED = 'REPLACED',
  UPDATED = 'UPDATED',
  CERTIFIED = 'CERTIFIED',
  CORRECTED = 'CORRECTED',
}
registerEnumType(KeyPersonChange, {
  name: 'KeyPersonChange',
  description: 'Why a key person’s revision was written',
  valuesConfig: {
    NAMED: { description: 'first person named in the role (nhập lần đầu)' },
    REPLACED: { description: 'someone else now holds the role (thay người)' },
    UPDATED: { description: 'the same person, another phone or spelling (cập nhật thông tin)' },
    CERTIFIED: { description: 'certification date recorded (ghi ngày cấp giấy chứng nhận)' },
    CORRECTED: { description: 'certification date corrected or removed, with a reason (sửa ngày cấp)' },
  },
});

@InputType('SetKeyPersonInput', {
  description: 'Names the key person of a village’s role in a plan; replaces whoever held it (kept as history).',
})
export class SetKeyPersonInput {
  @Field(() => ID)
  planId!: string;

  @Field(() => ID, { description: 'A village (thôn, tổ dân phố) of the plan’s commune, e.g. V02949-08.' })
  villageId!: string;

  @Field(() => KeyPersonRole)
  role!: KeyPersonRoleName;

  @Field(() => String, { description: 'Họ và tên, at most 200 characters.' })
  fullName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'A Vietnamese mobile (0912 345 678, +84 912 345 678) or landline with its area code.',
  })
  phone?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When the course certificate was issued, if it was.' })
  certifiedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Why (e.g. "bầu trưởng thôn mới").' })
  reason?: string | null;
}
