/** Plain data of commune plans (no GraphQL, no ORM): tasks, sessions, reward rules. Targets and deadlines: shared/vocabulary/model. */
import type { IsoDate } from '../../shared/pure/dates';
import type { AreaLevelName, DayPartName, DirectiveStatusName } from '../../shared/vocabulary/enums';
import type { DeadlineData, RewardRuleData, TargetData } from '../../shared/vocabulary/model';

export type AssigneeLevel = 'UNIT' | 'VILLAGE';
export type TaskStatusName = 'TODO' | 'IN_PROGRESS' | 'DONE' | 'CANCELLED';

export interface TaskData {
  title: string;
  /** A unit (U02949-11) or a village (V02949-08) of the plan's commune. */
  assigneeId: string;
  dueOn: IsoDate;
  status?: TaskStatusName;
}

export interface SessionData {
  heldOn: IsoDate;
  dayPart?: DayPartName | null;
  venue: string;
  villageIds: string[];
  note?: string | null;
}

export type { RewardRuleData };

export interface PlanContent {
  number: string;
  title: string;
  issuedOn: IsoDate;
  directiveIds: string[];
  replacesNumber: string | null;
  targets: TargetData[];
  reportingDeadlines: DeadlineData[];
  rewardRules: RewardRuleData[];
  tasks: TaskData[];
  sessions: SessionData[];
}

/** What the plans subgraph knows about an area (from registry's area.upserted events). */
export interface AreaFacts {
  id: string;
  level: AreaLevelName;
  name: string;
  provinceId: string;
  communeId: string | null;
}

/** What the plans subgraph knows about a directive (from directives' directive.changed events). */
export interface DirectiveFacts {
  id: string;
  provinceId: string;
  number: string;
  issuedOn: IsoDate;
  status: DirectiveStatusName;
  targets: TargetData[];
}
