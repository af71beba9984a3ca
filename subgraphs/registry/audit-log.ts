/**
 * The one audit log that is read (docs/audit.md): `registry.audit_log` holds the registry's own entries, written in
 * the same transaction as the change, and every other subgraph's, consumed from their outboxes (`audit.recorded`).
 * events.ts consumes the others' entries. `readAuditLog` answers `Query.auditLog` for the province roles of the
 * area's province and a commune's officer.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { areaPath, authorize, requireIdentity, type AreaPath } from '../../shared/pure/auth-rules';
import type { AuditRecorded } from '../../shared/vocabulary/events';
import { isIsoDate, type IsoDate } from '../../shared/pure/dates';
import { BadInputError, bilingual, NotFoundError } from '../../shared/pure/errors';
import type { Viewer } from '../../shared/pure/viewer';
import { Commune } from './entities/Commune';
import { Province } from './entities/Province';
import { Unit } from './entities/Unit';
import { Village } from './entities/Village';
import { levelOf } from '../../shared/pure/ids';

/** Adds one audited write to the log; applying the same entry twice changes nothing. */
export async function projectAudit(em: EntityManager, e: AuditRecorded): Promise<void> {
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
  await em.execute(
    `insert into registry.audit_log (source, source_id, at, actor_id, actor_name, actor_role, operation, area_id, province_id, commune_id, target_type, target_id, before, after, reason)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     on conflict (source, source_id) do nothing`,
    [
      e.source,
      e.entryId,
      e.at,
      e.actorId,
      e.actorName,
      e.actorRole,
      e.operation,
      e.areaId,
      e.provinceId,
      e.communeId,
      e.targetType,
      e.targetId,
      json(e.before),
      json(e.after),
      e.reason,
    ],
  );
}

/** A stored entry: the event as recorded, with the registry's own row id and the time as a Date. */
export type AuditLogRow = Omit<AuditRecorded, 'entryId' | 'at' | 'source'> & { id: string; source: string; at: Date };

const notFound = (areaId: string) =>
  new NotFoundError(
    bilingual(
      `Không tìm thấy tỉnh, xã, thôn hay đơn vị có mã "${areaId}"`,
      `no province, commune, village or unit has id ${areaId}`,
    ),
  );

/** Where an area of any level sits (NOT_FOUND when it does not exist). */
async function pathOfArea(em: EntityManager, areaId: string): Promise<AreaPath> {
  const level = levelOf(areaId);
  if (!level) throw notFound(areaId);
  if (level === 'PROVINCE') {
    if (!(await em.findOne(Province, { id: areaId }))) throw notFound(areaId);
    return { provinceId: areaId };
  }
  const commune = await em.findOne(Commune, { id: level === 'COMMUNE' ? areaId : `C${areaId.slice(1, 6)}` });
  const exists =
    level === 'COMMUNE'
      ? commune
      : level === 'VILLAGE'
        ? await em.findOne(Village, { id: areaId })
        : await em.findOne(Unit, { id: areaId });
  if (!commune || !exists) throw notFound(areaId);
  return areaPath(areaId, commune.province.id)!;
}

export const MAX_AUDIT_LIMIT = 1000;

/**
 * The audit entries of an area, newest first: a province → everything in it; a commune → its own, its villages' and
 * its units'; a village or unit → its own. `from`/`to` are calendar days in Vietnam, both included.
 */
export async function readAuditLog(
  em: EntityManager,
  viewer: Viewer,
  areaId: string,
  range: { from?: IsoDate | null; to?: IsoDate | null; limit?: number | null },
): Promise<AuditLogRow[]> {
  requireIdentity(viewer, 'READ_AUDIT');
  const path = await pathOfArea(em, areaId);
  authorize(viewer, 'READ_AUDIT', path);
  const limit = range.limit ?? 200;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_AUDIT_LIMIT) {
    throw new BadInputError(
      bilingual(`Số dòng phải từ 1 đến ${MAX_AUDIT_LIMIT}`, `limit must be between 1 and ${MAX_AUDIT_LIMIT}`),
      'limit',
    );
  }
  for (const [field, value] of [
    ['from', range.from],
    ['to', range.to],
  ] as const) {
    if (value != null && !isIsoDate(value))
      throw new BadInputError(bilingual('Ngày không hợp lệ', 'invalid date'), field);
  }
  if (range.from && range.to && range.from > range.to) {
    throw new BadInputError(
      bilingual('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc', 'from must not be after to'),
      'from',
    );
  }
  const column = path.villageId || path.unitId ? 'area_id' : path.communeId ? 'commune_id' : 'province_id';
  const where = [`${column} = ?`];
  const params: unknown[] = [areaId];
  if (range.from) {
    where.push(`at >= (?::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
    params.push(range.from);
  }
  if (range.to) {
    where.push(`at < (?::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`);
    params.push(range.to);
  }
  params.push(limit);
  const rows = await em.execute<AuditLogRow[]>(
    `select id::text as id, source, at, actor_id as "actorId", actor_name as "actorName", actor_role as "actorRole", operation,
            area_id as "areaId", province_id as "provinceId", commune_id as "communeId", target_type as "targetType",
            target_id as "targetId", before, after, reason
       from registry.audit_log where ${where.join(' and ')} order by at desc, id desc limit ?`,
    params,
  );
  // The driver may hand timestamps over as text.
  return rows.map((r) => ({ ...r, at: new Date(r.at) }));
}
