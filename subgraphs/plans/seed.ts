import type { EntityManager } from '@mikro-orm/postgresql';
import { DEMO_DIRECTIVE_REFS } from '../../shared/vocabulary/demo';
import { directiveIdOf } from '../../shared/pure/ids';
import { DEMO_PLANS } from './demo';
import { demoKeyPeople } from './demo-key-people';
import { CommunePlan } from './entities/CommunePlan';
import type { AreaFacts, DirectiveFacts } from './model';
import { insertPlan } from './plan-store';
import { AssigneeLevel } from './resolvers/types';
import { validatePlan } from './validation';

/** Facts for checking a demo plan: ids of the generated villages and units say which commune they are in. */
function areaOf(id: string, communeId: string): AreaFacts {
  const level = id.startsWith('V') ? 'VILLAGE' : id.startsWith('U') ? 'UNIT' : 'COMMUNE';
  return {
    id,
    level,
    name: id,
    provinceId: 'P23',
    communeId: level === 'COMMUNE' ? id : `C${id.slice(1, 6)}` === communeId ? communeId : `C${id.slice(1, 6)}`,
  };
}

/**
 * The seed letters' commune plans (Ba Tô, Ngọk Bay, Khánh Cường). It runs before the plans subgraph has consumed
 * any event, so the demo plans are checked against the demo directives' references rather than the projections.
 */
export async function seedDemo(em: EntityManager, log: (line: string) => void = () => undefined): Promise<void> {
  // Checking a plan reads a directive's province, number and status, not its targets.
  const directives = new Map<string, DirectiveFacts>(
    Object.values(DEMO_DIRECTIVE_REFS).map((d) => [d.id, { ...d, status: 'IN_FORCE', targets: [] }]),
  );
  await em.transactional(async (t) => {
    const tx = t;
    let added = 0;
    for (const demo of DEMO_PLANS) {
      const id = `${demo.communeId.toLowerCase()}-${directiveIdOf(demo.number, demo.issuedOn)}`;
      if (await tx.findOne(CommunePlan, { id })) continue;
      const ids = [
        demo.communeId,
        ...demo.tasks.map((x) => x.assigneeId),
        ...demo.sessions.flatMap((s) => s.villageIds),
      ];
      const areas = new Map(ids.map((a) => [a, areaOf(a, demo.communeId)]));
      const plan = validatePlan(demo.communeId, demo, { commune: areas.get(demo.communeId)!, areas, directives });
      const levels = new Map(
        [...areas.values()].map((a) => [a.id, a.level === 'VILLAGE' ? AssigneeLevel.VILLAGE : AssigneeLevel.UNIT]),
      );
      const row = await insertPlan(tx, demo.communeId, plan, levels, demo.demo);
      row.citation = demo.citation;
      // Task statuses are invented whatever the plan: mark them demo.
      await tx.execute(`update plans.plan_task set demo = true where plan_id = ?`, [row.id]);
      added += 1;
    }
    log(`plans: ${added} commune plans of the seed letters`);
    log(`plans: ${await seedKeyPeople(tx)} key people of villages (demo names and phones)`);
  });
}

/** The demo's key people, for plans that name none yet (each revision a row; the last one in force). */
async function seedKeyPeople(tx: EntityManager): Promise<number> {
  const demo = demoKeyPeople();
  const planIds = [
    ...new Set(demo.map((k) => `${k.communeId.toLowerCase()}-${directiveIdOf(k.planNumber, k.planIssuedOn)}`)),
  ];
  const named = await tx.execute<Array<{ planId: string }>>(
    `select distinct plan_id as "planId" from plans.key_person where plan_id in (${planIds.map(() => '?').join(', ')})`,
    planIds,
  );
  const skip = new Set(named.map((r) => r.planId));
  const rows: unknown[][] = [];
  for (const k of demo) {
    const planId = `${k.communeId.toLowerCase()}-${directiveIdOf(k.planNumber, k.planIssuedOn)}`;
    if (skip.has(planId)) continue;
    k.revisions.forEach((r, i) =>
      rows.push([
        planId,
        k.communeId,
        k.villageId,
        k.role,
        i + 1,
        i === k.revisions.length - 1,
        r.fullName,
        r.phone,
        r.certifiedOn,
        i === 0 ? 'NAMED' : 'REPLACED',
        r.reason ?? null,
        'Dữ liệu mẫu (demo)',
      ]),
    );
  }
  if (rows.length)
    await tx.execute(
      `insert into plans.key_person (plan_id, commune_id, village_id, role, revision, current, full_name, phone,
         certified_on, change, reason, recorded_by, demo)
       values ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)').join(', ')}`,
      rows.flat(),
    );
  return rows.length;
}
