/**
 * The read side of reporting periods: their stored rows with counts, and approval states for Progress.approved.
 * One statement per batch (called by the loaders); store.ts writes.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../../shared/pure/dates';
import type { PeriodApprovalFacts, PeriodState } from './rules';

/** A period as stored and counted: its state, its last approval and reopening, and the reports dated on it. */
export interface PeriodValue extends PeriodApprovalFacts {
  communeId: string;
  provinceId: string;
  reportDate: IsoDate;
  revision: number;
  approvedById: string | null;
  note: string | null;
  reopenedAt: Date | null;
  reopenedByName: string | null;
  reason: string | null;
  /** Villages and units with a report dated on the period. */
  reporters: number;
  /** Report versions dated on the period (every resubmission counts). */
  versions: number;
}

export interface PeriodRow {
  communeId: string;
  provinceId: string;
  reportDate: string;
  state: PeriodState;
  revision: number;
  approvedAt: Date | null;
  approvedById: string | null;
  approvedByName: string | null;
  note: string | null;
  reopenedAt: Date | null;
  reopenedByName: string | null;
  reason: string | null;
}

export const PERIOD_COLUMNS = `pa.commune_id as "communeId", pa.province_id as "provinceId", pa.report_date::text as "reportDate", pa.state,
  pa.revision, pa.approved_at as "approvedAt", pa.approved_by_id as "approvedById", pa.approved_by_name as "approvedByName", pa.note,
  pa.reopened_at as "reopenedAt", pa.reopened_by_name as "reopenedByName", pa.reason`;

/** Timestamps may come back from raw SQL as strings: the GraphQL DateTime and the messages need Dates. */
const toDate = (v: Date | string | null | undefined): Date | null =>
  v == null ? null : v instanceof Date ? v : new Date(v);
export function withDates<R extends { approvedAt: Date | null; reopenedAt?: Date | null }>(row: R): R {
  return {
    ...row,
    approvedAt: toDate(row.approvedAt),
    ...('reopenedAt' in row ? { reopenedAt: toDate(row.reopenedAt) } : {}),
  };
}

/**
 * The periods of communes within [from, to]: every date with reports of the commune or an approval row, newest
 * first, with their counts. One statement for all the communes asked for with the same range.
 */
export async function loadPeriods(
  em: EntityManager,
  communeIds: readonly string[],
  from: IsoDate | null,
  to: IsoDate | null,
): Promise<Map<string, PeriodValue[]>> {
  const rows = await em.execute<Array<PeriodRow & { reporters: number; versions: number }>>(
    `with counts as (
       select r.commune_id, r.province_id, r.report_date, count(distinct r.reporter_id)::int as reporters, count(*)::int as versions
         from reports.unit_report r
        where r.commune_id in (?) and (?::date is null or r.report_date >= ?::date) and (?::date is null or r.report_date <= ?::date)
        group by r.commune_id, r.province_id, r.report_date
     ), periods as (
       select pa.* from reports.period_approval pa
        where pa.commune_id in (?) and (?::date is null or pa.report_date >= ?::date) and (?::date is null or pa.report_date <= ?::date)
     )
     select coalesce(pa.commune_id, c.commune_id) as "communeId", coalesce(pa.province_id, c.province_id) as "provinceId",
            coalesce(pa.report_date, c.report_date)::text as "reportDate", coalesce(pa.state, 'OPEN') as state, coalesce(pa.revision, 0) as revision,
            pa.approved_at as "approvedAt", pa.approved_by_id as "approvedById", pa.approved_by_name as "approvedByName", pa.note,
            pa.reopened_at as "reopenedAt", pa.reopened_by_name as "reopenedByName", pa.reason,
            coalesce(c.reporters, 0) as reporters, coalesce(c.versions, 0) as versions
       from periods pa full outer join counts c on c.commune_id = pa.commune_id and c.report_date = pa.report_date
      order by 1, 3 desc`,
    [communeIds, from, from, to, to, communeIds, from, from, to, to],
  );
  const out = new Map<string, PeriodValue[]>();
  for (const r of rows.map(withDates)) out.set(r.communeId, [...(out.get(r.communeId) ?? []), r]);
  return out;
}

/** The approval state of every period of the given provinces (for Progress.approved): one statement. */
export async function loadApprovals(
  em: EntityManager,
  provinceIds: readonly string[],
): Promise<Map<string, PeriodApprovalFacts & { provinceId: string; communeId: string; reportDate: string }>> {
  const rows = await em.execute<
    Array<PeriodApprovalFacts & { provinceId: string; communeId: string; reportDate: string }>
  >(
    `select pa.province_id as "provinceId", pa.commune_id as "communeId", pa.report_date::text as "reportDate", pa.state,
            pa.approved_at as "approvedAt", pa.approved_by_name as "approvedByName"
       from reports.period_approval pa where pa.province_id in (?)`,
    [provinceIds],
  );
  return new Map(rows.map((r) => [`${r.communeId}|${r.reportDate}`, withDates(r)]));
}
