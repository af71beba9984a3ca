/**
 * The events subgraphs publish to each other through their outboxes: the only interface between them besides
 * federation. A producer may add fields; it never removes or renames one.
 */
import type { IsoDate } from '../pure/dates';
import type {
  AreaLevelName,
  DirectiveStatusName,
  IndicatorName,
  PopulatedLevel,
  PopulationGroupName,
  RevisionActionName,
  StudentLevelName,
} from './enums';

export type { AreaLevelName };

/** registry → everyone: areas created or renamed (sent in batches, e.g. by the seed). Consumers upsert. */
export const AREA_UPSERTED = 'area.upserted';
export interface AreaRecord {
  id: string;
  level: AreaLevelName;
  name: string;
  /** Province for a commune, commune for a village or unit; null for a province. */
  parentId: string | null;
  /** The province the area is in (itself for a province). */
  provinceId: string;
  /** The commune the area is in (itself for a commune); null for a province. */
  communeId: string | null;
  /** For villages: the former commune before the 2025 merger. */
  formerCommune?: string | null;
  /** For units: its type and staff. */
  unitType?: string;
  staff?: number;
  /** For units serving one village (digital teams). */
  villageId?: string | null;
  /** For villages and units: the day it closed (it reports no more after it); null or absent while open. */
  closedOn?: IsoDate | null;
}
export interface AreaUpserted {
  areas: AreaRecord[];
  /**
   * True when an official kept the registry (added, renamed, closed, corrected staff): consumers move rates and
   * ranks live. Absent for the seed's batches.
   */
  live?: boolean;
}

/** registry → everyone: a population revision was recorded (a correction is just a later revision). */
export const POPULATION_RECORDED = 'population.recorded';
export interface PopulationRecorded {
  revisionId: number;
  areaId: string;
  areaLevel: PopulatedLevel;
  asOf: IsoDate;
  adults: number;
  workingAge: number | null;
  households: number | null;
  officials: number | null;
  students: number | null;
  reason: string;
  recordedAt: string;
}

/**
 * directives → everyone: a province directive was issued, amended or withdrawn. The payload is the whole revision
 * in force (consumers upsert by directiveId and keep the highest revision). Targets: threshold 0.8 = 80%.
 */
export const DIRECTIVE_CHANGED = 'directive.changed';
export interface DirectiveTargetRecord {
  indicator: IndicatorName;
  group: PopulationGroupName;
  threshold: number;
  dueOn: IsoDate;
  strict?: boolean;
  note?: string | null;
  citation?: string | null;
  demo?: boolean | null;
  studentLevels?: StudentLevelName[] | null;
}
export interface DirectiveChanged {
  directiveId: string;
  provinceId: string;
  revision: number;
  action: RevisionActionName;
  status: DirectiveStatusName;
  number: string;
  kind: string;
  title: string;
  issuedOn: IsoDate;
  issuer: string;
  targets: DirectiveTargetRecord[];
  campaignPeriods: Array<{ name: string; startsOn: IsoDate; endsOn: IsoDate }>;
  /** Reporting deadlines as data (see subgraphs/directives/model.ts DeadlineData). */
  reportingDeadlines: Array<Record<string, unknown>>;
  /** The course and its certification rule when the directive sets it (see CourseData). */
  course: Record<string, unknown> | null;
  demo: boolean;
}

/** plans → everyone: a commune adopted a plan (its own targets, threshold 0.8 = 80%, and the directives it implements). */
export const PLAN_ADOPTED = 'plan.adopted';
export interface PlanAdopted {
  planId: string;
  communeId: string;
  number: string;
  issuedOn: IsoDate;
  directiveIds: string[];
  targets: DirectiveTargetRecord[];
  demo: boolean;
}

/**
 * any subgraph → registry: one write was audited (subgraphs/common/audit.ts). Written in the same transaction as the
 * change and the owner's `audit_entry` row; the registry keeps every subgraph's entries in `registry.audit_log` and
 * serves them as `Query.auditLog`. `before`/`after` are the values the operation replaced and wrote (null when
 * there was nothing before, e.g. a first issue).
 */
export const AUDIT_RECORDED = 'audit.recorded';
export interface AuditRecorded {
  /** The subgraph that made the change (and owns the `audit_entry` row). */
  source: 'registry' | 'directives' | 'plans' | 'reports';
  /** The id of the row in `<source>.audit_entry`; (source, entryId) is unique. */
  entryId: number;
  /** When the change was written (ISO timestamp). */
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  /** The mutation, e.g. `recordPopulation`, `amendDirective`, `setTaskStatus`. */
  operation: string;
  /** The area the change is about, its province and (below the province) its commune. */
  areaId: string;
  provinceId: string;
  communeId: string | null;
  /** What was changed, e.g. `PopulationRevision` 123, `Directive` 125-kh-ubnd-2025, `PlanTask` 12. */
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/**
 * reports → plans: a commune report was submitted (again, after a return: a higher revision). Plans freezes the plan
 * part of it (sessions held by `asOf`, tasks done) as it stands now, so the submitted report keeps it.
 */
export const COMMUNE_REPORT_SUBMITTED = 'commune-report.submitted';
export interface CommuneReportSubmitted {
  reportId: number;
  revision: number;
  communeId: string;
  provinceId: string;
  /** The day the report's figures are taken. */
  asOf: IsoDate;
  submittedAt: string;
}

/**
 * Each topic between subgraphs with its payload type: writers append, and consumers read, exactly these
 * (subgraphs/common/outbox.ts appendEvent, subgraphs/common/events.ts isEvent).
 */
export interface EventPayloads {
  [AREA_UPSERTED]: AreaUpserted;
  [POPULATION_RECORDED]: PopulationRecorded;
  [DIRECTIVE_CHANGED]: DirectiveChanged;
  [PLAN_ADOPTED]: PlanAdopted;
  [AUDIT_RECORDED]: AuditRecorded;
  [COMMUNE_REPORT_SUBMITTED]: CommuneReportSubmitted;
}
