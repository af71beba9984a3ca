/**
 * Adding villages and units to a commune's registry (issue 24, item 3), one at a time or a unit list from a CSV
 * file (all rows or none). Same transaction, audit and live event as the other changes (keeping-store.ts).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInVietnam, type IsoDate } from '../../shared/pure/dates';
import type { AreaPath } from '../../shared/pure/auth-rules';
import { BadInputError, bilingual } from '../../shared/pure/errors';
import type { Viewer } from '../../shared/pure/viewer';
import type { Commune } from './entities/Commune';
import { VillageKind, type UnitType } from './entities/enums';
import { StaffRevision } from './entities/StaffRevision';
import { Unit } from './entities/Unit';
import { Village } from './entities/Village';
import { ensureNoApprovedPeriod, lockCommune } from './keeping-facts';
import { checkEffectiveOn, checkName, checkNameFree, checkStaff } from './keeping-rules';
import { communeFor, nextId, record, siblings } from './keeping-store';
import { parseUnitList } from './unit-list';

export interface NewUnit {
  name: string;
  type: UnitType;
  staff: number;
  effectiveOn: string;
  villageId?: string | null;
}

interface CheckedUnit {
  name: string;
  type: UnitType;
  staff: number;
  effectiveOn: IsoDate;
  villageId: string | null;
}

const checkUnit = (input: NewUnit, today: IsoDate): CheckedUnit => ({
  name: checkName(input.name, 'UNIT'),
  type: input.type,
  staff: checkStaff(input.staff, null),
  effectiveOn: checkEffectiveOn(input.effectiveOn, today),
  villageId: input.villageId ?? null,
});

/** One unit written in the caller's transaction (commune locked): the unit, its first staff revision, audit, event. */
async function insertUnit(
  tx: EntityManager,
  viewer: Viewer,
  [commune, path]: [Commune, AreaPath],
  input: CheckedUnit,
  taken: Array<Unit | Village>,
  reason: string | null,
): Promise<Unit> {
  checkNameFree(input.name, 'UNIT', taken);
  const village = input.villageId ? await tx.findOne(Village, { id: input.villageId, commune: commune.id }) : null;
  if (input.villageId && !village)
    throw new BadInputError(
      bilingual(`Xã không có thôn mã "${input.villageId}"`, `no village ${input.villageId} in ${commune.id}`),
      'villageId',
    );
  await ensureNoApprovedPeriod(tx, commune.id, input.effectiveOn, { vi: 'thêm đơn vị', en: 'adding a unit' });
  const id = await nextId(tx, 'UNIT', commune, taken);
  const unit = tx.create(Unit, {
    id,
    name: input.name,
    type: input.type,
    commune,
    village,
    staff: input.staff,
    openedOn: input.effectiveOn,
    closedOn: null,
    formerNames: [],
    demo: false,
  });
  const revision = tx.create(StaffRevision, {
    unitId: id,
    staff: input.staff,
    effectiveOn: input.effectiveOn,
    reason: 'Thêm đơn vị',
    recordedAt: new Date(),
    recordedBy: viewer.id,
  });
  await tx.flush();
  taken.push(unit);
  const { name, type, staff, effectiveOn } = input;
  await record(tx, viewer, path, {
    operation: 'addUnit',
    area: unit,
    targetType: 'Unit',
    targetId: id,
    before: null,
    after: { name, type, staff, openedOn: effectiveOn, villageId: village?.id ?? null, staffRevisionId: revision.id },
    reason,
  });
  return unit;
}

/** Adds a unit to a commune, open from `effectiveOn`, with its first staff figure as a revision. */
export async function addUnit(em: EntityManager, viewer: Viewer, communeId: string, input: NewUnit): Promise<Unit> {
  const where = await communeFor(em, viewer, communeId);
  const checked = checkUnit(input, todayInVietnam());
  return em.transactional(async (tx) => {
    await lockCommune(tx, communeId);
    return insertUnit(tx, viewer, where, checked, await siblings(tx, 'UNIT', communeId), null);
  });
}

/**
 * Adds the units of a CSV list (docs/registry.md: name, type, staff, date) in one transaction: a bad row refuses
 * the whole file with its row number, and nothing is added.
 */
export async function importUnits(em: EntityManager, viewer: Viewer, communeId: string, csv: string): Promise<Unit[]> {
  const where = await communeFor(em, viewer, communeId);
  const today = todayInVietnam();
  const rows = parseUnitList(csv, today);
  return em.transactional(async (tx) => {
    await lockCommune(tx, communeId);
    const taken = await siblings(tx, 'UNIT', communeId);
    const added: Unit[] = [];
    for (const { line, unit } of rows) {
      try {
        added.push(await insertUnit(tx, viewer, where, checkUnit(unit, today), taken, 'Nhập danh sách đơn vị'));
      } catch (e) {
        if (e instanceof BadInputError) throw new BadInputError(`Dòng ${line}: ${e.message}`, e.field);
        throw e;
      }
    }
    return added;
  });
}

export interface NewVillage {
  name: string;
  kind: VillageKind;
  formerCommune?: string | null;
  effectiveOn: string;
}

/** Adds a village or residential group to a commune, open from `effectiveOn`. */
export async function addVillage(
  em: EntityManager,
  viewer: Viewer,
  communeId: string,
  input: NewVillage,
): Promise<Village> {
  const [commune, path] = await communeFor(em, viewer, communeId);
  const name = checkName(input.name, 'VILLAGE');
  const formerCommune = input.formerCommune?.trim() ? checkName(input.formerCommune, 'VILLAGE') : null;
  const effectiveOn = checkEffectiveOn(input.effectiveOn, todayInVietnam());
  return em.transactional(async (tx) => {
    await lockCommune(tx, communeId);
    const villages = await siblings(tx, 'VILLAGE', communeId);
    checkNameFree(name, 'VILLAGE', villages);
    await ensureNoApprovedPeriod(tx, communeId, effectiveOn, { vi: 'thêm thôn', en: 'adding a village' });
    const id = await nextId(tx, 'VILLAGE', commune, villages);
    const village = tx.create(Village, {
      id,
      name,
      kind: input.kind ?? VillageKind.VILLAGE,
      formerCommune,
      commune,
      openedOn: effectiveOn,
      closedOn: null,
      formerNames: [],
      demo: false,
    });
    await tx.flush();
    await record(tx, viewer, path, {
      operation: 'addVillage',
      area: village,
      targetType: 'Village',
      targetId: id,
      before: null,
      after: { name, kind: village.kind, formerCommune, openedOn: effectiveOn },
      reason: null,
    });
    return village;
  });
}
