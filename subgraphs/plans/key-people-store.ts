/**
 * Writes of the key people a commune plan names (docs/directives-and-plans.md "Key people of villages"): naming or replacing the person of a
 * village's role, and recording or correcting a certification date. Each writes a new revision, keeps the old one,
 * and records the change in the plans audit trail, in one transaction.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { areaPath, authorize, requireIdentity } from '../../shared/pure/auth-rules';
import { todayInVietnam } from '../../shared/pure/dates';
import { bilingual, NotFoundError } from '../../shared/pure/errors';
import type { KeyPersonRoleName } from '../../shared/vocabulary/enums';
import type { Viewer } from '../../shared/pure/viewer';
import { recordAudit } from '../common/audit';
import { AreaProjection } from './entities/AreaProjection';
import { CommunePlan } from './entities/CommunePlan';
import { KeyPerson } from './entities/KeyPerson';
import {
  checkCertification,
  checkKeyPerson,
  nextKeyPerson,
  villageOfCommune,
  type KeyPersonInputData,
} from './key-people';
import { KEY_ROLE_SHORT, type KeyPersonChangeName } from '../../shared/pure/values';

export interface KeyPersonSeat {
  planId: string;
  villageId: string;
  role: KeyPersonRoleName;
}

interface Where {
  plan: CommunePlan;
  provinceId: string;
  village: AreaProjection;
}

/** The plan (NOT_FOUND), who may edit it (FORBIDDEN), and the village of its commune (NOT_FOUND, BAD_USER_INPUT). */
async function locate(em: EntityManager, viewer: Viewer, seat: KeyPersonSeat): Promise<Where> {
  requireIdentity(viewer, 'EDIT_PLAN');
  const plan = await em.findOne(CommunePlan, { id: seat.planId });
  if (!plan)
    throw new NotFoundError(
      bilingual(`Không tìm thấy kế hoạch có mã "${seat.planId}"`, `no commune plan has id ${seat.planId}`),
    );
  const areas = await em.find(AreaProjection, { id: { $in: [plan.communeId, seat.villageId] } });
  const commune = areas.find((a) => a.id === plan.communeId);
  // Without the registry's word on the province (never expected), only the commune's own officer may.
  const provinceId = commune?.provinceId ?? '';
  authorize(viewer, 'EDIT_PLAN', areaPath(plan.communeId, provinceId)!);
  const village = areas.find((a) => a.id === seat.villageId) ?? null;
  villageOfCommune(village, seat.villageId, { id: plan.communeId, name: commune?.name ?? plan.communeId });
  return { plan, provinceId, village: village! };
}

const snapshot = (p: KeyPerson) => ({
  planId: p.planId,
  villageId: p.villageId,
  role: p.role,
  revision: p.revision,
  fullName: p.fullName,
  phone: p.phone,
  certifiedOn: p.certifiedOn,
});

/**
 * Writes the next revision of a seat in the caller's transaction: the one in force stops being current (kept), the
 * new one is current, and the audit entry says what it replaced.
 */
async function writeRevision(
  tx: EntityManager,
  viewer: Viewer,
  where: Where,
  seat: KeyPersonSeat,
  current: KeyPerson | null,
  next: { fullName: string; phone: string | null; certifiedOn: string | null; change: KeyPersonChangeName },
  reason: string | null,
  operation: string,
): Promise<KeyPerson> {
  if (current) {
    current.current = false;
    await tx.flush(); // before the insert: one revision in force per seat (a partial unique index)
  }
  const row = tx.create(KeyPerson, {
    planId: seat.planId,
    communeId: where.plan.communeId,
    villageId: seat.villageId,
    role: seat.role,
    revision: (current?.revision ?? 0) + 1,
    current: true,
    fullName: next.fullName,
    phone: next.phone,
    certifiedOn: next.certifiedOn,
    change: next.change,
    reason,
    recordedAt: new Date(),
    recordedBy: viewer.name ?? viewer.id,
    demo: false,
  });
  await tx.flush();
  await recordAudit(tx, 'plans', {
    viewer,
    operation,
    areaId: seat.villageId,
    provinceId: where.provinceId,
    communeId: where.plan.communeId,
    targetType: 'KeyPerson',
    targetId: `${seat.planId}:${seat.villageId}:${seat.role}`,
    before: current ? snapshot(current) : null,
    after: { ...snapshot(row), change: row.change },
    reason,
  });
  return row;
}

/** The seat's revision in force, locked for the transaction (a seat never named takes the advisory lock alone). */
async function lockSeat(tx: EntityManager, seat: KeyPersonSeat): Promise<KeyPerson | null> {
  await tx.execute(`select pg_advisory_xact_lock(hashtext(?))`, [
    `plans.key_person:${seat.planId}:${seat.villageId}:${seat.role}`,
  ]);
  return tx.findOne(
    KeyPerson,
    { planId: seat.planId, villageId: seat.villageId, role: seat.role, current: true },
    { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
  );
}

/** Names (or replaces) the key person of a village's role in a plan. */
export async function setKeyPerson(
  em: EntityManager,
  viewer: Viewer,
  input: KeyPersonSeat & KeyPersonInputData,
): Promise<KeyPerson> {
  const where = await locate(em, viewer, input);
  const checked = checkKeyPerson(input, todayInVietnam());
  return em.transactional(async (t) => {
    const tx = t;
    const current = await lockSeat(tx, input);
    const next = nextKeyPerson(current, checked);
    if (!next) return current!;
    return writeRevision(
      tx,
      viewer,
      where,
      input,
      current,
      { fullName: checked.fullName, phone: checked.phone, certifiedOn: next.certifiedOn, change: next.change },
      checked.reason,
      'setKeyPerson',
    );
  });
}

/** Records the certification date of the person in a role, or corrects it (a reason required); null removes it. */
export async function recordKeyPersonCertification(
  em: EntityManager,
  viewer: Viewer,
  seat: KeyPersonSeat,
  certifiedOn: string | null,
  reason: string | null | undefined,
): Promise<KeyPerson> {
  const where = await locate(em, viewer, seat);
  return em.transactional(async (t) => {
    const tx = t;
    const current = await lockSeat(tx, seat);
    const label = `${KEY_ROLE_SHORT[seat.role]} ${where.village.name}`;
    const next = checkCertification(current, certifiedOn, reason, todayInVietnam(), label);
    if (!next) return current!;
    return writeRevision(
      tx,
      viewer,
      where,
      seat,
      current,
      { fullName: current!.fullName, phone: current!.phone, certifiedOn: next.certifiedOn, change: next.change },
      next.reason,
      'recordKeyPersonCertification',
    );
  });
}
