import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_ADOPTED, type PlanAdopted } from '../../shared/vocabulary/events';
import { BadInputError, bilingual, NotFoundError } from '../../shared/pure/errors';
import { recordAudit } from '../common/audit';
import { areaPath, authorize, requireIdentity } from '../../shared/pure/auth-rules';
import { appendEvent } from '../common/outbox';
import type { Viewer } from '../../shared/pure/viewer';
import { directiveIdOf } from '../../shared/pure/ids';
import { CommunePlan } from './entities/CommunePlan';
import { PlanTask } from './entities/PlanTask';
import { AreaProjection } from './entities/AreaProjection';
import { DirectiveProjection } from './entities/DirectiveProjection';
import { TrainingSession } from './entities/TrainingSession';
import type { AreaFacts, DirectiveFacts, PlanContent } from './model';
import { AssigneeLevel, TaskStatus } from './resolvers/types';
import { validatePlan } from './validation';

export interface AdoptShape extends PlanContent {
  communeId: string;
}

const areaFacts = (a: AreaProjection): AreaFacts => ({
  id: a.id,
  level: a.level,
  name: a.name,
  provinceId: a.provinceId,
  communeId: a.communeId,
});
const directiveFacts = (d: DirectiveProjection): DirectiveFacts => ({
  id: d.id,
  provinceId: d.provinceId,
  number: d.number,
  issuedOn: d.issuedOn,
  status: d.status,
  targets: d.targets,
});

/** Writes a validated plan with its tasks and sessions, and its event, in the caller's transaction. */
export async function insertPlan(
  tx: EntityManager,
  communeId: string,
  plan: PlanContent,
  levels: Map<string, AssigneeLevel>,
  demo: boolean,
): Promise<CommunePlan> {
  const clash = await tx.findOne(CommunePlan, { communeId, number: plan.number });
  if (clash) {
    throw new BadInputError(
      bilingual(
        `Xã đã có kế hoạch số "${plan.number}"; hãy kiểm tra lại số kế hoạch`,
        `commune ${communeId} already has plan ${plan.number}`,
      ),
      'number',
    );
  }
  const id = `${communeId.toLowerCase()}-${directiveIdOf(plan.number, plan.issuedOn)}`;
  const row = tx.create(CommunePlan, {
    id,
    communeId,
    number: plan.number,
    title: plan.title,
    issuedOn: plan.issuedOn,
    directiveIds: plan.directiveIds,
    replacesNumber: plan.replacesNumber,
    targets: plan.targets,
    reportingDeadlines: plan.reportingDeadlines,
    rewardRules: plan.rewardRules,
    demo,
    createdAt: new Date(),
  });
  for (const t of plan.tasks) {
    tx.create(PlanTask, {
      planId: id,
      title: t.title,
      assigneeId: t.assigneeId,
      assigneeLevel: levels.get(t.assigneeId) ?? AssigneeLevel.UNIT,
      dueOn: t.dueOn,
      status: (t.status ?? 'TODO') as TaskStatus,
      demo,
    });
  }
  for (const s of plan.sessions) {
    tx.create(TrainingSession, {
      planId: id,
      heldOn: s.heldOn,
      dayPart: (s.dayPart ?? null) as TrainingSession['dayPart'],
      venue: s.venue,
      villageIds: s.villageIds,
      note: s.note ?? null,
      demo,
    });
  }
  await tx.flush();
  const event: PlanAdopted = {
    planId: id,
    communeId,
    number: plan.number,
    issuedOn: plan.issuedOn,
    directiveIds: plan.directiveIds,
    targets: plan.targets,
    demo,
  };
  await appendEvent(tx, 'plans', PLAN_ADOPTED, event);
  return row;
}

/** The commune a plan is for, as the registry published it (its province decides who may edit its plans). */
async function findCommune(em: EntityManager, communeId: string): Promise<AreaProjection> {
  const commune = await em.findOne(AreaProjection, { id: communeId, level: 'COMMUNE' });
  if (!commune)
    throw new NotFoundError(
      bilingual(`Không tìm thấy xã, phường có mã "${communeId}"`, `no commune has id ${communeId}`),
    );
  return commune;
}

/** EDIT_PLAN: a COMMUNE_OFFICER of the commune, or a PROVINCE_ADMIN of its province; FORBIDDEN otherwise. */
function authorizePlanEdit(viewer: Viewer, commune: Pick<AreaProjection, 'id' | 'provinceId'>): void {
  authorize(viewer, 'EDIT_PLAN', areaPath(commune.id, commune.provinceId)!);
}

/** Checks a plan against the known areas and directives, then writes it whole or not at all. */
export async function adoptPlan(em: EntityManager, viewer: Viewer, input: AdoptShape): Promise<CommunePlan> {
  requireIdentity(viewer, 'EDIT_PLAN');
  const commune = await findCommune(em, input.communeId);
  authorizePlanEdit(viewer, commune);
  const areaIds = [
    input.communeId,
    ...input.tasks.map((t) => t.assigneeId),
    ...input.sessions.flatMap((s) => s.villageIds),
  ];
  const [areas, directives] = await Promise.all([
    em.find(AreaProjection, { id: { $in: [...new Set(areaIds)] } }),
    input.directiveIds.length ? em.find(DirectiveProjection, { id: { $in: input.directiveIds } }) : Promise.resolve([]),
  ]);
  const byId = new Map(areas.map((a) => [a.id, areaFacts(a)]));
  const plan = validatePlan(input.communeId, input, {
    commune: byId.get(input.communeId) ?? null,
    areas: byId,
    directives: new Map(directives.map((d) => [d.id, directiveFacts(d)])),
  });
  const levels = new Map(areas.map((a) => [a.id, a.level === 'VILLAGE' ? AssigneeLevel.VILLAGE : AssigneeLevel.UNIT]));
  return em.transactional(async (t) => {
    const tx = t;
    const row = await insertPlan(tx, input.communeId, plan, levels, false);
    await recordAudit(tx, 'plans', {
      viewer,
      operation: 'adoptPlan',
      areaId: commune.id,
      provinceId: commune.provinceId,
      communeId: commune.id,
      targetType: 'CommunePlan',
      targetId: row.id,
      before: null,
      after: { id: row.id, ...plan },
    });
    return row;
  });
}

/** Moves a task to another status: who may edit the plan of the task's commune may. */
export async function setTaskStatus(
  em: EntityManager,
  viewer: Viewer,
  taskId: string,
  status: TaskStatus,
): Promise<PlanTask> {
  requireIdentity(viewer, 'EDIT_PLAN');
  const id = Number(taskId);
  return em.transactional(async (t) => {
    const tx = t;
    const task = Number.isInteger(id)
      ? await tx.findOne(PlanTask, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : null;
    if (!task)
      throw new NotFoundError(bilingual(`Không tìm thấy nhiệm vụ có mã "${taskId}"`, `no task has id ${taskId}`));
    const plan = await tx.findOneOrFail(CommunePlan, { id: task.planId });
    const commune = await tx.findOne(AreaProjection, { id: plan.communeId });
    // Without the registry's word on the province (never expected), only the commune's own officer may.
    const provinceId = commune?.provinceId ?? '';
    authorizePlanEdit(viewer, { id: plan.communeId, provinceId });
    const before = { planId: task.planId, title: task.title, assigneeId: task.assigneeId, status: task.status };
    task.status = status;
    await tx.flush();
    await recordAudit(tx, 'plans', {
      viewer,
      operation: 'setTaskStatus',
      areaId: plan.communeId,
      provinceId,
      communeId: plan.communeId,
      targetType: 'PlanTask',
      targetId: task.id,
      before,
      after: { ...before, status: task.status },
    });
    return task;
  });
}
