import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { listLoader, rowLoader } from '../common/loaders';
import { CommunePlan } from './entities/CommunePlan';
import { PlanTask } from './entities/PlanTask';
import { AreaProjection } from './entities/AreaProjection';
import { DirectiveProjection } from './entities/DirectiveProjection';
import { TrainingSession } from './entities/TrainingSession';
import type { PlanPartLine } from './report-part';
import type { KeyPersonFacts } from './key-people';
import type { KeyPeoplePart } from './key-people-certification';
import { KeyPerson } from './entities/KeyPerson';
import type { Target } from '../../shared/vocabulary/values';

/** A key person in force, with its plan's date (the newer plan's person counts): the rows `KeyPerson` resolves. */
export type KeyPersonRow = KeyPerson & KeyPersonFacts;

/** Key people in force whose `column` is one of `ids`, with their plan's date, in one statement. */
export async function keyPeopleWhere(
  em: EntityManager,
  column: 'commune_id' | 'village_id',
  ids: readonly string[],
): Promise<KeyPersonRow[]> {
  const rows = await em.execute<Array<Omit<KeyPersonRow, 'recordedAt'> & { recordedAt: Date | string }>>(
    `select k.id, k.plan_id as "planId", k.commune_id as "communeId", k.village_id as "villageId", k.role,
       k.revision, k.current, k.full_name as "fullName", k.phone,
       to_char(k.certified_on, 'YYYY-MM-DD') as "certifiedOn", k.change, k.reason, k.recorded_at as "recordedAt",
       k.recorded_by as "recordedBy", k.demo, to_char(p.issued_on, 'YYYY-MM-DD') as "planIssuedOn"
     from plans.key_person k join plans.commune_plan p on p.id = k.plan_id
     where k.current and k.${column} in (${ids.map(() => '?').join(', ')})
     order by k.village_id, k.role, k.plan_id`,
    [...ids],
  );
  // A raw statement answers timestamps as text (the ORM's type parsers): `recordedAt` is a DateTimeISO, a Date.
  return rows.map((r): KeyPersonRow => Object.assign(r, { recordedAt: new Date(r.recordedAt) }));
}

export interface FrozenPlanPart {
  reportId: number;
  asOf: string;
  frozenAt: Date;
  plans: PlanPartLine[];
  communeId: string;
  /** Null for a part frozen before key people were (a report submitted before this version). */
  keyPeopleFrozen: KeyPeoplePart | null;
  /** The effective targets at the submission; null for a part frozen before targets were (an older report). */
  targets: Target[] | null;
}

/** Fresh per request: every list field and entity reference goes through one of these (one statement per batch). */
export function createLoaders(em: EntityManager) {
  return {
    plan: rowLoader<string, CommunePlan>(
      (ids) => em.find(CommunePlan, { id: { $in: [...ids] } }),
      (p) => p.id,
    ),
    plansOfCommune: listLoader<string, CommunePlan>(
      (ids) => em.find(CommunePlan, { communeId: { $in: [...ids] } }, { orderBy: { issuedOn: 'desc', id: 'asc' } }),
      (p) => p.communeId,
    ),
    /** Plans implementing each directive: a plan implementing several is listed under each. */
    plansImplementing: new DataLoader<string, CommunePlan[]>(async (ids) => {
      const plans = await em.find(
        CommunePlan,
        { directiveIds: { $overlap: [...ids] } },
        { orderBy: { issuedOn: 'desc', id: 'asc' } },
      );
      return ids.map((id) => plans.filter((p) => p.directiveIds.includes(id)));
    }),
    tasksOfPlan: listLoader<string, PlanTask>(
      (ids) => em.find(PlanTask, { planId: { $in: [...ids] } }, { orderBy: { dueOn: 'asc', id: 'asc' } }),
      (t) => t.planId,
    ),
    sessionsOfPlan: listLoader<string, TrainingSession>(
      (ids) => em.find(TrainingSession, { planId: { $in: [...ids] } }, { orderBy: { heldOn: 'asc', id: 'asc' } }),
      (s) => s.planId,
    ),
    directive: rowLoader<string, DirectiveProjection>(
      (ids) => em.find(DirectiveProjection, { id: { $in: [...ids] } }),
      (d) => d.id,
    ),
    directivesInForceOfProvince: listLoader<string, DirectiveProjection>(
      (ids) => em.find(DirectiveProjection, { provinceId: { $in: [...ids] }, status: 'IN_FORCE' }),
      (d) => d.provinceId,
    ),
    area: rowLoader<string, AreaProjection>(
      (ids) => em.find(AreaProjection, { id: { $in: [...ids] } }),
      (a) => a.id,
    ),
    /** The frozen plan part of submitted commune reports, by report id (one statement per batch). */
    reportPlan: new DataLoader<number, FrozenPlanPart | null>(async (ids) => {
      const rows = await em.execute<FrozenPlanPart[]>(
        `select report_id as "reportId", to_char(as_of, 'YYYY-MM-DD') as "asOf", frozen_at as "frozenAt", plans,
           commune_id as "communeId", key_people as "keyPeopleFrozen", targets
         from plans.commune_report_plan where report_id in (${ids.map(() => '?').join(', ')})`,
        [...ids],
      );
      return ids.map((id) => rows.find((r) => r.reportId === id) ?? null);
    }),
    /** Key people in force named by each plan. */
    keyPeopleOfPlan: listLoader<string, KeyPerson>(
      (ids) =>
        em.find(
          KeyPerson,
          { planId: { $in: [...ids] }, current: true },
          { orderBy: { villageId: 'asc', role: 'asc', id: 'asc' } },
        ),
      (k) => k.planId,
    ),
    /** Every revision of the key people of each plan, oldest first. */
    keyPeopleHistoryOfPlan: listLoader<string, KeyPerson>(
      (ids) =>
        em.find(
          KeyPerson,
          { planId: { $in: [...ids] } },
          { orderBy: { villageId: 'asc', role: 'asc', revision: 'asc' } },
        ),
      (k) => k.planId,
    ),
    /** Key people in force of each village, from every plan naming them (with the plan's date). */
    keyPeopleOfVillage: listLoader<string, KeyPersonRow>(
      (ids) => keyPeopleWhere(em, 'village_id', ids),
      (k) => k.villageId,
    ),
    /** Key people in force of each commune's villages, from every plan naming them (with the plan's date). */
    keyPeopleOfCommune: listLoader<string, KeyPersonRow>(
      (ids) => keyPeopleWhere(em, 'commune_id', ids),
      (k) => k.communeId,
    ),
    /** The villages of each commune, by id. */
    villagesOfCommune: listLoader<string, AreaProjection>(
      (ids) => em.find(AreaProjection, { communeId: { $in: [...ids] }, level: 'VILLAGE' }, { orderBy: { id: 'asc' } }),
      (a) => a.communeId!,
    ),
    communesOfProvince: listLoader<string, AreaProjection>(
      (ids) => em.find(AreaProjection, { provinceId: { $in: [...ids] }, level: 'COMMUNE' }, { orderBy: { id: 'asc' } }),
      (a) => a.provinceId,
    ),
  };
}

export type PlansLoaders = ReturnType<typeof createLoaders>;
