/** Plain data of commune plans (no GraphQL, no ORM): tasks, sessions, reward rules. Targets and deadlines: shared/vocabulary/model. */
import type { IsoDate } from '../../shared/dates';
import type { AreaLevelName, DayPartName, DirectiveStatusName } from '../../shared/vocabulary/enums';
import type { DeadlineData, TargetData } from '../../shared/vocabulary/model';

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

export type RewardSubject = 'UNIT' | 'VILLAGE' | 'OFFICIAL' | 'RESIDENT';

/**
 * A reward rule (tiêu chí khen thưởng) as data. Ba Tô's: a unit with 100% of its officials certified and 50% of
 * them each guiding 10–20 working-age residents; a village with 70% of its working-age residents joined and
 * certified; an official certified who guided at least 5; a resident certified who guided at least 2.
 */
export interface RewardRuleData {
  subject: RewardSubject;
  /** UNIT: share of its officials certified; VILLAGE: share of its working-age residents certified. */
  certifiedShare?: number | null;
  /** UNIT: share of its officials who must each have guided people. */
  guidingShare?: number | null;
  /** People each must have guided (working-age residents), at least … at most (null: no upper bound). */
  minGuided?: number | null;
  maxGuided?: number | null;
  description: string;
}

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
