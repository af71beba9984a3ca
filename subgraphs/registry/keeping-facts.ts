/**
 * What keeping the registry must know besides the registry's own rows: a village's or unit's last report and what
 * it says is certified, and the commune's approved periods. Both come from the reports' audit entries the registry
 * keeps (registry.audit_log, consumed from `audit.recorded`), as population corrections read approved periods.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { IsoDate } from '../../shared/pure/dates';
import { viDate } from '../../shared/pure/dates';
import type { AreaRecord } from '../../shared/vocabulary/events';
import { lockedPeriodError } from '../../shared/vocabulary/periods';
import { approvedPeriodsOf } from './population-store';
import { periodChangedByRevision } from './validation';
import { Unit } from './entities/Unit';
import type { Village } from './entities/Village';

export interface LastReport {
  reportDate: IsoDate;
  /** Of a unit's staff: officials and workers certified (students are not staff). */
  certified: number;
}

/** The latest report of a village or unit (latest date, then latest version), or null when it never reported. */
export async function lastReportOf(em: EntityManager, areaId: string): Promise<LastReport | null> {
  const [row] = await em.execute<Array<{ reportDate: string; certified: number | null }>>(
    `select after->>'reportDate' as "reportDate",
            coalesce((after->'officials'->>2)::int, 0) + coalesce((after->'workers'->>2)::int, 0) as certified
       from registry.audit_log
      where area_id = ? and source = 'reports' and target_type = 'UnitReport' and after->>'reportDate' is not null
      order by after->>'reportDate' desc, source_id desc
      limit 1`,
    [areaId],
  );
  return row ? { reportDate: row.reportDate, certified: Number(row.certified ?? 0) } : null;
}

/**
 * Refuses (FORBIDDEN) a change taking effect on `effectiveOn` that would move an approved period of the commune:
 * one dated on or after it (until `laterDates`' next date, when a later revision already decides those periods).
 */
export async function ensureNoApprovedPeriod(
  em: EntityManager,
  communeId: string,
  effectiveOn: IsoDate,
  what: { vi: string; en: string },
  laterDates: readonly IsoDate[] = [],
): Promise<void> {
  const approved = await approvedPeriodsOf(em, communeId);
  if (approved.length === 0) return;
  const hit = periodChangedByRevision(effectiveOn, laterDates, approved);
  if (hit)
    throw lockedPeriodError(
      hit.reportDate,
      { state: 'APPROVED', approvedAt: hit.approvedAt, approvedByName: hit.approvedByName },
      {
        vi: `Không thể ${what.vi} từ ngày ${viDate(effectiveOn)} vì thay đổi này ảnh hưởng kỳ báo cáo đã duyệt của xã`,
        en: `${what.en} from ${effectiveOn} would change an approved period of ${communeId}`,
      },
    );
}

/** Serialises the registry changes of one commune (two new units never take the same number). */
export async function lockCommune(em: EntityManager, communeId: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`registry-keeping:${communeId}`]);
}

/** The area as the other subgraphs keep it (`area.upserted`). */
export function areaRecordOf(area: Village | Unit, provinceId: string): AreaRecord {
  const communeId = area.commune.id;
  const base = { id: area.id, name: area.name, parentId: communeId, provinceId, communeId, closedOn: area.closedOn };
  if (area instanceof Unit)
    return { ...base, level: 'UNIT', unitType: area.type, staff: area.staff, villageId: area.village?.id ?? null };
  return { ...base, level: 'VILLAGE', formerCommune: area.formerCommune };
}
