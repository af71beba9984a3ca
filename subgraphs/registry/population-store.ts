import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInVietnam } from '../../shared/pure/dates';
import { areaPath, authorize, requireIdentity, type AreaPath } from '../../shared/pure/auth-rules';
import { bilingual, NotFoundError } from '../../shared/pure/errors';
import { POPULATION_RECORDED, type PopulationRecorded } from '../../shared/vocabulary/events';
import { recordAudit } from '../common/audit';
import { appendEvent } from '../common/outbox';
import { projectAudit } from './audit-log';
import type { Viewer } from '../../shared/pure/viewer';
import { Commune } from './entities/Commune';
import { PopulatedLevel as AreaLevelEnum } from '../../shared/vocabulary/enums';
import { PopulationRevision } from './entities/PopulationRevision';
import { Province } from './entities/Province';
import { Village } from './entities/Village';
import { levelOf } from '../../shared/pure/ids';
import { viDate, type IsoDate } from '../../shared/pure/dates';
import { lockedPeriodError } from '../../shared/vocabulary/periods';
import {
  periodChangedByRevision,
  validatePopulation,
  type ApprovedPeriod,
  type PopulationInputShape,
} from './validation';

/** Finds the province, commune or village an id names, or answers NOT_FOUND in words a clerk understands. */
export async function findPopulatedArea(em: EntityManager, areaId: string) {
  const level = levelOf(areaId);
  const entity = level === 'PROVINCE' ? Province : level === 'COMMUNE' ? Commune : level === 'VILLAGE' ? Village : null;
  const found = entity ? await em.findOne(entity, { id: areaId }) : null;
  if (!found || !level || level === 'UNIT') {
    throw new NotFoundError(
      bilingual(
        `Không tìm thấy tỉnh, xã hay thôn có mã "${areaId}"`,
        `no province, commune or village has id ${areaId}`,
      ),
    );
  }
  return { level: AreaLevelEnum[level], area: found };
}

/** Where a populated area sits: the registry is the one place that knows the province of a commune. */
async function pathOf(em: EntityManager, area: Province | Commune | Village): Promise<AreaPath> {
  if (area instanceof Province) return { provinceId: area.id };
  const commune = area instanceof Commune ? area : await em.findOneOrFail(Commune, { id: area.commune.id });
  return areaPath(area.id, commune.province.id)!;
}

/**
 * The approved periods of a commune as the registry knows them: the latest approval or reopening of each period
 * among the reports' audit entries it keeps (registry.audit_log, from `audit.recorded`), still APPROVED.
 */
export async function approvedPeriodsOf(em: EntityManager, communeId: string): Promise<ApprovedPeriod[]> {
  const rows = await em.execute<
    Array<{ reportDate: string; state: string; approvedAt: string | null; by: string | null }>
  >(
    `select * from (
       select distinct on (target_id) after->>'reportDate' as "reportDate", after->>'state' as state,
              after->>'approvedAt' as "approvedAt", after->>'approvedBy' as by
         from registry.audit_log
        where commune_id = ? and source = 'reports' and target_type = 'ReportingPeriod'
          and operation in ('approveReportingPeriod', 'reopenReportingPeriod')
        order by target_id, source_id desc) latest
      where state = 'APPROVED'`,
    [communeId],
  );
  return rows.map((r) => ({
    reportDate: r.reportDate,
    approvedAt: r.approvedAt ? new Date(r.approvedAt) : null,
    approvedByName: r.by,
  }));
}

/** Refuses (FORBIDDEN) a revision that would change the figures of an approved period of the area's commune. */
async function ensureNoApprovedPeriodChanges(em: EntityManager, areaId: string, communeId: string, asOf: IsoDate) {
  const approved = await approvedPeriodsOf(em, communeId);
  if (approved.length === 0) return;
  const others = await em.execute<Array<{ asOf: string }>>(
    `select distinct as_of::text as "asOf" from registry.population_revision where area_id = ? and as_of > ?`,
    [areaId, asOf],
  );
  const hit = periodChangedByRevision(
    asOf,
    others.map((o) => o.asOf),
    approved,
  );
  if (hit) {
    throw lockedPeriodError(
      hit.reportDate,
      { state: 'APPROVED', approvedAt: hit.approvedAt, approvedByName: hit.approvedByName },
      {
        vi: `Không thể cập nhật dân số của ${areaId} từ ngày ${viDate(asOf)} vì số liệu này thay đổi kỳ báo cáo đã duyệt của xã ${communeId}`,
        en: `a population of ${areaId} as of ${asOf} would change an approved period of ${communeId}`,
      },
    );
  }
}

/** The figures of a revision as the audit trail keeps them. */
function figuresOf(r: PopulationRevision) {
  return {
    revisionId: r.id,
    asOf: r.asOf,
    adults: r.adults,
    workingAge: r.workingAge ?? null,
    households: r.households ?? null,
    officials: r.officials ?? null,
    students: r.students ?? null,
    reason: r.reason,
  };
}

/**
 * Records a population figure as a new revision (never an overwrite), its event and its audit entry (before: the
 * area's latest revision until now), in one transaction: either all are written or none.
 */
export async function recordPopulation(
  em: EntityManager,
  viewer: Viewer,
  areaId: string,
  input: PopulationInputShape,
  reason: string,
): Promise<PopulationRevision> {
  requireIdentity(viewer, 'RECORD_POPULATION');
  const valid = validatePopulation(input, reason, todayInVietnam());
  const { level, area } = await findPopulatedArea(em, areaId);
  const path = await pathOf(em, area);
  authorize(viewer, 'RECORD_POPULATION', path);
  return em.transactional(async (tx) => {
    // Approved periods are locked for population corrections too (docs/access.md "Approval and locking").
    if (path.communeId) await ensureNoApprovedPeriodChanges(tx, areaId, path.communeId, valid.asOf);
    const previous = await tx.findOne(PopulationRevision, { areaId }, { orderBy: { asOf: 'desc', id: 'desc' } });
    const figures = {
      asOf: valid.asOf,
      adults: valid.adults,
      workingAge: valid.workingAge,
      households: valid.households,
      officials: valid.officials,
      students: valid.students,
      reason: valid.reason,
    };
    const revision = tx.create(PopulationRevision, {
      areaId,
      areaLevel: level,
      ...figures,
      recordedAt: new Date(),
      recordedBy: viewer.id,
      demo: false,
    });
    await tx.flush();
    const event: PopulationRecorded = {
      revisionId: revision.id,
      areaId,
      areaLevel: level,
      ...figures,
      recordedAt: revision.recordedAt.toISOString(),
    };
    await appendEvent(tx, 'registry', POPULATION_RECORDED, event);
    // The registry's own entries go straight into the log it serves, in this transaction.
    const audited = await recordAudit(tx, 'registry', {
      viewer,
      operation: 'recordPopulation',
      areaId,
      provinceId: path.provinceId,
      communeId: path.communeId ?? null,
      targetType: 'PopulationRevision',
      targetId: revision.id,
      before: previous ? figuresOf(previous) : null,
      after: figuresOf(revision),
      reason: valid.reason,
    });
    await projectAudit(tx, audited);
    return revision;
  });
}
