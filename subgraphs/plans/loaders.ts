import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { listLoader, rowLoader } from '../common/loaders';
import { CommunePlan } from './entities/CommunePlan';
import { PlanTask } from './entities/PlanTask';
import { AreaProjection } from './entities/AreaProjection';
import { DirectiveProjection } from './entities/DirectiveProjection';
import { TrainingSession } from './entities/TrainingSession';
import type { PlanPartLine } from './report-part';

export interface FrozenPlanPart {
  reportId: number;
  asOf: string;
  frozenAt: Date;
  plans: PlanPartLine[];
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
        `select report_id as "reportId", to_char(as_of, 'YYYY-MM-DD') as "asOf", frozen_at as "frozenAt", plans
         from plans.commune_report_plan where report_id in (${ids.map(() => '?').join(', ')})`,
        [...ids],
      );
      return ids.map((id) => rows.find((r) => r.reportId === id) ?? null);
    }),
    communesOfProvince: listLoader<string, AreaProjection>(
      (ids) => em.find(AreaProjection, { provinceId: { $in: [...ids] }, level: 'COMMUNE' }, { orderBy: { id: 'asc' } }),
      (a) => a.provinceId,
    ),
  };
}

export type PlansLoaders = ReturnType<typeof createLoaders>;
