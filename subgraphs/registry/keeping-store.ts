/**
 * Keeping the registry (issue 24, item 3): a commune officer (or the province admin) renames and closes the
 * commune's villages and units and corrects a unit's staff. Each write is one transaction: the change, its audit
 * entry and an `area.upserted` event marked live, so the reports subgraph moves rates and ranks at once. Checks:
 * keeping-rules.ts; the last report and approved periods: keeping-facts.ts. Adding: adding-store.ts, which shares
 * the helpers exported here.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInVietnam, type IsoDate } from '../../shared/pure/dates';
import { authorize, requireIdentity, type AreaPath } from '../../shared/pure/auth-rules';
import { BadInputError, bilingual, NotFoundError } from '../../shared/pure/errors';
import { unitId, villageId, levelOf } from '../../shared/pure/ids';
import type { Viewer } from '../../shared/pure/viewer';
import { AREA_UPSERTED } from '../../shared/vocabulary/events';
import { recordAudit } from '../common/audit';
import { appendEvent } from '../common/outbox';
import { projectAudit } from './audit-log';
import { Commune } from './entities/Commune';
import { StaffRevision } from './entities/StaffRevision';
import { Unit } from './entities/Unit';
import { Village } from './entities/Village';
import { areaRecordOf, ensureNoApprovedPeriod, lastReportOf, lockCommune } from './keeping-facts';
import {
  checkClose,
  checkEffectiveOn,
  checkName,
  checkNameFree,
  checkOpen,
  checkReason,
  checkStaff,
  MAX_AREA_NUMBER,
  nextAreaNumber,
  staffInForce,
  type KeptLevel,
} from './keeping-rules';

export interface Change {
  operation: string;
  area: Village | Unit;
  targetType: string;
  targetId: string | number;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/** Who may keep a commune's registry, checked before anything is read in the transaction. */
export async function communeFor(em: EntityManager, viewer: Viewer, communeId: string): Promise<[Commune, AreaPath]> {
  requireIdentity(viewer, 'KEEP_REGISTRY');
  const commune = levelOf(communeId) === 'COMMUNE' ? await em.findOne(Commune, { id: communeId }) : null;
  if (!commune)
    throw new NotFoundError(bilingual(`Không tìm thấy xã có mã "${communeId}"`, `no commune has id ${communeId}`));
  const path = { provinceId: commune.province.id, communeId };
  authorize(viewer, 'KEEP_REGISTRY', path);
  return [commune, path];
}

const NOT_FOUND: Record<KeptLevel, [string, string]> = {
  VILLAGE: ['thôn, tổ dân phố', 'village'],
  UNIT: ['cơ quan, đơn vị', 'unit'],
};

/** The village or unit an id names, with its commune checked for the caller (NOT_FOUND, then FORBIDDEN). */
export async function keptArea<T extends Village | Unit>(
  em: EntityManager,
  viewer: Viewer,
  level: KeptLevel,
  id: string,
): Promise<[T, AreaPath]> {
  requireIdentity(viewer, 'KEEP_REGISTRY');
  const found = (
    levelOf(id) !== level ? null : await em.findOne<Village | Unit>(level === 'UNIT' ? Unit : Village, { id })
  ) as T | null;
  if (!found)
    throw new NotFoundError(
      bilingual(`Không tìm thấy ${NOT_FOUND[level][0]} có mã "${id}"`, `no ${NOT_FOUND[level][1]} has id ${id}`),
    );
  const [, path] = await communeFor(em, viewer, found.commune.id);
  return [found, path];
}

/** Writes the change's audit entry and live area event, in the transaction of the change. */
export async function record(tx: EntityManager, viewer: Viewer, path: AreaPath, change: Change): Promise<void> {
  await appendEvent(tx, 'registry', AREA_UPSERTED, {
    areas: [areaRecordOf(change.area, path.provinceId)],
    live: true,
  });
  const audited = await recordAudit(tx, 'registry', {
    viewer,
    operation: change.operation,
    areaId: change.area.id,
    provinceId: path.provinceId,
    communeId: path.communeId ?? null,
    targetType: change.targetType,
    targetId: change.targetId,
    before: change.before,
    after: change.after,
    reason: change.reason,
  });
  await projectAudit(tx, audited);
}

const optionalReason = (reason: string | null | undefined) =>
  reason == null || reason.trim() === '' ? null : checkReason(reason);

/** The commune's villages or units, closed ones too (ids are never reused). */
export function siblings(tx: EntityManager, level: KeptLevel, communeId: string) {
  return level === 'UNIT'
    ? tx.find(Unit, { commune: communeId }, { orderBy: { id: 'asc' } })
    : tx.find(Village, { commune: communeId }, { orderBy: { id: 'asc' } });
}

export async function nextId(tx: EntityManager, level: KeptLevel, commune: Commune, taken: Array<{ id: string }>) {
  const n = nextAreaNumber(taken.map((a) => a.id));
  if (n > MAX_AREA_NUMBER)
    throw new BadInputError(
      bilingual('Xã đã dùng hết mã cho thôn, đơn vị mới; hãy liên hệ quản trị cấp tỉnh', 'no id left'),
      'communeId',
    );
  return level === 'UNIT' ? unitId(commune.code, n) : villageId(commune.code, n);
}

/** Renames a village or unit from `effectiveOn`; the old name is kept in `formerNames` and the audit entry. */
export async function renameArea<T extends Village | Unit>(
  em: EntityManager,
  viewer: Viewer,
  level: KeptLevel,
  id: string,
  input: { name: string; effectiveOn: string; reason?: string | null },
): Promise<T> {
  const [, path] = await keptArea<T>(em, viewer, level, id);
  const name = checkName(input.name, level);
  const effectiveOn = checkEffectiveOn(input.effectiveOn, todayInVietnam());
  const reason = optionalReason(input.reason);
  return em.transactional(async (tx) => {
    await lockCommune(tx, path.communeId!);
    const all = await siblings(tx, level, path.communeId!);
    const area = all.find((a) => a.id === id)! as T;
    checkOpen(level, area.closedOn);
    checkNameFree(name, level, all, id);
    if (area.name === name)
      throw new BadInputError(bilingual(`Tên mới trùng tên hiện tại "${name}"`, 'the name is unchanged'), 'name');
    await ensureNoApprovedPeriod(tx, path.communeId!, effectiveOn, { vi: 'đổi tên', en: 'renaming' });
    const before = { name: area.name };
    area.formerNames = [...area.formerNames, { name: area.name, until: effectiveOn }];
    area.name = name;
    await tx.flush();
    await record(tx, viewer, path, {
      operation: level === 'UNIT' ? 'renameUnit' : 'renameVillage',
      area,
      targetType: level === 'UNIT' ? 'Unit' : 'Village',
      targetId: id,
      before,
      after: { name, effectiveOn },
      reason,
    });
    return area;
  });
}

/** Closes a village or unit from `effectiveOn`: it keeps its history and reports no more after that day. */
export async function closeArea<T extends Village | Unit>(
  em: EntityManager,
  viewer: Viewer,
  level: KeptLevel,
  id: string,
  input: { effectiveOn: string; reason: string },
): Promise<T> {
  const [area, path] = await keptArea<T>(em, viewer, level, id);
  const effectiveOn = checkEffectiveOn(input.effectiveOn, todayInVietnam());
  const reason = checkReason(input.reason);
  return em.transactional(async (tx) => {
    await lockCommune(tx, path.communeId!);
    const fresh = (await tx.findOneOrFail<Village | Unit>(level === 'UNIT' ? Unit : Village, { id: area.id })) as T;
    checkClose(level, effectiveOn, fresh.closedOn, (await lastReportOf(tx, id))?.reportDate ?? null);
    await ensureNoApprovedPeriod(tx, path.communeId!, effectiveOn, { vi: 'giải thể', en: 'closing' });
    fresh.closedOn = effectiveOn;
    await tx.flush();
    await record(tx, viewer, path, {
      operation: level === 'UNIT' ? 'closeUnit' : 'closeVillage',
      area: fresh,
      targetType: level === 'UNIT' ? 'Unit' : 'Village',
      targetId: id,
      before: { closedOn: null },
      after: { closedOn: effectiveOn },
      reason,
    });
    return fresh;
  });
}

/**
 * Corrects a unit's staff from `effectiveOn` as a new revision with its reason (never an overwrite); the unit's
 * `staff` becomes the figure in force today. Refused below what the unit's latest report says is certified.
 */
export async function correctUnitStaff(
  em: EntityManager,
  viewer: Viewer,
  id: string,
  input: { staff: number; effectiveOn: string; reason: string },
): Promise<StaffRevision> {
  const [, path] = await keptArea<Unit>(em, viewer, 'UNIT', id);
  const today = todayInVietnam();
  const effectiveOn: IsoDate = checkEffectiveOn(input.effectiveOn, today);
  const reason = checkReason(input.reason);
  return em.transactional(async (tx) => {
    await lockCommune(tx, path.communeId!);
    const unit = await tx.findOneOrFail(Unit, { id });
    checkOpen('UNIT', unit.closedOn);
    const last = await lastReportOf(tx, id);
    const staff = checkStaff(input.staff, last ? { count: last.certified, reportDate: last.reportDate } : null);
    const revisions = await tx.find(StaffRevision, { unitId: id });
    await ensureNoApprovedPeriod(
      tx,
      path.communeId!,
      effectiveOn,
      { vi: 'điều chỉnh biên chế', en: 'correcting staff' },
      revisions.map((r) => r.effectiveOn),
    );
    const before = { staff: unit.staff };
    const revision = tx.create(StaffRevision, {
      unitId: id,
      staff,
      effectiveOn,
      reason,
      recordedAt: new Date(),
      recordedBy: viewer.id,
    });
    await tx.flush();
    unit.staff = staffInForce([...revisions, revision], today, unit.staff);
    await tx.flush();
    await record(tx, viewer, path, {
      operation: 'correctUnitStaff',
      area: unit,
      targetType: 'StaffRevision',
      targetId: revision.id,
      before,
      after: { staff, effectiveOn, revisionId: revision.id, staffInForce: unit.staff },
      reason,
    });
    return revision;
  });
}
