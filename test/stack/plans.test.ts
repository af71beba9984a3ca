import { provinceAdminFixture } from '../support/province-admin';
import { errorCode, ok } from '../support/stack';

const fixture = provinceAdminFixture([
  'plans.commune_plan',
  'plans.plan_task',
  'plans.training_session',
  'plans.outbox_event',
  'plans.audit_entry',
]);
const { asAdmin, counts, catchUpPlans } = fixture;

interface Effective {
  indicator: string;
  group: string;
  threshold: number;
  dueOn: string;
  source: string;
  directiveId: string | null;
  planId: string | null;
  overrides: { threshold: number; source: string; directiveId: string } | null;
}
const EFFECTIVE = `effectiveTargets { indicator group threshold dueOn source directiveId planId overrides { threshold source directiveId } }`;

const ADOPT = `mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { id number commune { id name } implements { number }
  targets { indicator group threshold source planId } tasks { id title assigneeName village { name } unit { name } dueOn status } } }`;

/** A commune of Quảng Ngãi without a demo plan, with its villages and units. */
async function otherCommune(): Promise<{
  id: string;
  name: string;
  villages: Array<{ id: string; name: string }>;
  units: Array<{ id: string; name: string }>;
}> {
  const data = ok(
    await fixture.stack.gql<{
      communes: Array<{
        id: string;
        name: string;
        villages: Array<{ id: string; name: string }>;
        units: Array<{ id: string; name: string }>;
      }>;
    }>(`{ communes(search: "ba to", provinceCode: "23") { id name villages { id name } units { id name } } }`),
  );
  return data.communes.find((c) => c.name === 'Ba Tơ')!;
}

describe('the commune plans of the seed letters', () => {
  it('gives Ba Tô its plan and letters: targets, tasks, four session dates at three venues, deadlines and reward rules', async () => {
    const data = ok(
      await fixture.stack.gql<{
        commune: {
          name: string;
          plans: Array<{
            number: string;
            replacesNumber: string;
            implements: Array<{ number: string }>;
            targets: Array<{ indicator: string; group: string; threshold: number; source: string }>;
            tasks: Array<{
              assigneeName: string;
              dueOn: string;
              status: string;
              overdue: boolean;
              unit: { name: string } | null;
              village: { name: string } | null;
            }>;
            sessions: Array<{
              heldOn: string;
              venue: string;
              villages: Array<{ name: string; formerCommune: string }>;
            }>;
            reportingDeadlines: Array<{ reporter: string; dueOn: string; nextDueOn: string | null }>;
            rewardRules: Array<{
              subject: string;
              certifiedShare: number | null;
              guidingShare: number | null;
              minGuided: number | null;
              maxGuided: number | null;
            }>;
          }>;
        };
      }>(`{ commune(id: "C02949") { name plans { number replacesNumber implements { number }
            targets { indicator group threshold source }
            tasks { assigneeName dueOn status overdue(asOf: "2025-11-08") unit { name } village { name } }
            sessions { heldOn venue villages { name formerCommune } }
            reportingDeadlines { reporter dueOn nextDueOn(from: "2025-11-01") }
            rewardRules { subject certifiedShare guidingShare minGuided maxGuided minAwardees maxAwardees } } } }`),
    );
    // Plan 76/KH-UBND states the targets (004 quotes them); the late-October letter 004, replacing 525/UBND, the rest.
    expect(data.commune.plans.map((p) => [p.number, p.replacesNumber])).toEqual([
      ['UBND 10/2025', '525/UBND'],
      ['489/UBND', null],
      ['76/KH-UBND', null],
    ]);
    const [plan, , plan76] = data.commune.plans;
    expect(plan76.implements.map((d) => d.number).sort()).toEqual(['125/KH-UBND', '2027/SKHCN-BCVT&CĐS']);
    expect(plan76.targets).toContainEqual({
      indicator: 'JOINED',
      group: 'RESIDENTS',
      threshold: 0.7,
      source: 'COMMUNE',
    });
    expect([...new Set(plan.sessions.map((s) => s.heldOn))]).toEqual([
      '2025-10-28',
      '2025-10-31',
      '2025-11-03',
      '2025-11-05',
    ]);
    expect([...new Set(plan.sessions.map((s) => s.venue))].sort()).toEqual([
      'Nhà văn hóa thôn Vả Lế',
      'Nhà văn hóa thôn Xà Râu',
      'Nhà văn hóa xã Ba Tô',
    ]);
    const xaRau = plan.sessions.find((s) => s.venue === 'Nhà văn hóa thôn Xà Râu')!;
    // Village names come from the registry, through the gateway.
    expect(xaRau.villages.map((v) => v.name)).toContain('Xà Râu');
    expect(new Set(xaRau.villages.map((v) => v.formerCommune))).toEqual(new Set(['Ba Nam']));
    const schoolTasks = plan.tasks.filter((t) => t.unit?.name.startsWith('Trường'));
    expect(schoolTasks).toHaveLength(3);
    expect(plan.tasks.filter((t) => t.village)).toHaveLength(14);
    expect(plan.tasks.filter((t) => t.overdue).map((t) => t.village?.name)).toHaveLength(2);
    expect(plan.reportingDeadlines.map((d) => [d.dueOn, d.nextDueOn])).toEqual([
      ['2025-11-05', '2025-11-04'],
      ['2025-11-07', '2025-11-07'],
      ['2025-11-15', '2025-11-15'],
    ]);
    const noQuota = { minAwardees: null, maxAwardees: null };
    expect(plan.rewardRules).toEqual([
      { subject: 'UNIT', certifiedShare: 1, guidingShare: 0.5, minGuided: 10, maxGuided: 20, ...noQuota },
      { subject: 'VILLAGE', certifiedShare: 0.7, guidingShare: null, minGuided: null, maxGuided: null, ...noQuota },
      // 004 §4.1: "Số lượng khen thưởng từ 5-10 cá nhân" is how many officials are rewarded, each guiding at least 5.
      {
        subject: 'OFFICIAL',
        certifiedShare: null,
        guidingShare: null,
        minGuided: 5,
        maxGuided: null,
        minAwardees: 5,
        maxAwardees: 10,
      },
      { subject: 'RESIDENT', certifiedShare: null, guidingShare: null, minGuided: 2, maxGuided: null, ...noQuota },
    ]);
  });

  it('resolves Ba Tô’s effective targets: its own 70% for residents, with the province’s 80% still visible', async () => {
    const data = ok(
      await fixture.stack.gql<{ commune: { effectiveTargets: Effective[] } }>(
        `{ commune(id: "C02949") { ${EFFECTIVE} } }`,
      ),
    );
    const residents = data.commune.effectiveTargets.filter((t) => t.group === 'RESIDENTS' && t.indicator === 'JOINED');
    expect(residents).toEqual([
      {
        indicator: 'JOINED',
        group: 'RESIDENTS',
        threshold: 0.7,
        dueOn: '2025-12-31',
        source: 'COMMUNE',
        directiveId: null,
        planId: 'c02949-76-kh-ubnd-2025',
        overrides: { threshold: 0.8, source: 'PROVINCE', directiveId: '2027-skhcn-bcvt-cds-2025' },
      },
    ]);
    // The province's digital-signature target still applies: Ba Tô set none of its own.
    expect(data.commune.effectiveTargets.find((t) => t.indicator === 'DIGITAL_SIGNATURE')).toMatchObject({
      threshold: 0.5,
      source: 'PROVINCE',
    });
  });

  it('gives Ngọk Bay its 2025 and 2026 targets beside the province’s, and Khánh Cường the province’s', async () => {
    const data = ok(
      await fixture.stack.gql<{
        ngokBay: { plans: Array<{ targets: Array<{ dueOn: string }> }>; effectiveTargets: Effective[] };
        khanhCuong: { effectiveTargets: Effective[] };
      }>(
        `{ ngokBay: commune(id: "C02032") { plans { targets { dueOn } } ${EFFECTIVE} } khanhCuong: commune(id: "C01590") { ${EFFECTIVE} } }`,
      ),
    );
    expect(data.ngokBay.plans[0].targets.map((t) => t.dueOn.slice(0, 4)).sort()).toEqual([
      ...Array<string>(5).fill('2025'),
      ...Array<string>(5).fill('2026'),
    ]);
    const vneid = data.ngokBay.effectiveTargets
      .filter((t) => t.indicator === 'VNEID_SKILLS')
      .map((t) => [t.dueOn, t.threshold, t.source]);
    expect(vneid).toEqual([
      ['2025-12-31', 0.7, 'COMMUNE'],
      ['2026-12-31', 0.8, 'COMMUNE'],
    ]);
    expect(
      data.ngokBay.effectiveTargets.find((t) => t.indicator === 'JOINED' && t.group === 'RESIDENTS'),
    ).toMatchObject({ threshold: 0.8, source: 'PROVINCE' });
    expect(new Set(data.khanhCuong.effectiveTargets.map((t) => t.source))).toEqual(new Set(['PROVINCE']));
    expect(data.khanhCuong.effectiveTargets.map((t) => [t.indicator, t.group, t.threshold])).toEqual([
      ['CERTIFIED', 'OFFICIALS', 1],
      ['JOINED', 'OFFICIALS', 1],
      ['DIGITAL_SIGNATURE', 'RESIDENTS', 0.5],
      ['JOINED', 'RESIDENTS', 0.8],
    ]);
  });

  it('lists Ngọk Bay’s 80% of officials by 31/12 beside 2027/SKHCN’s 100% by 10/11, each with its letter', async () => {
    type Row = { indicator: string; group: string; threshold: number; dueOn: string; source: string; document: string };
    const data = ok(
      await fixture.stack.gql<{ commune: { effectiveTargets: Row[]; targetStatus: Row[] } }>(
        `{ commune(id: "C02032") { effectiveTargets { indicator group threshold dueOn source document }
           targetStatus(asOf: "2025-11-21") { indicator group threshold dueOn source document } } }`,
      ),
    );
    for (const list of [data.commune.effectiveTargets, data.commune.targetStatus]) {
      const officials = list
        .filter((t) => t.indicator === 'CERTIFIED' && t.group === 'OFFICIALS' && t.dueOn < '2026-01-01')
        .map((t) => [t.dueOn, t.threshold, t.source, t.document]);
      expect(officials).toEqual([
        ['2025-11-10', 1, 'PROVINCE', '2027/SKHCN-BCVT&CĐS'],
        ['2025-12-31', 0.8, 'COMMUNE', 'KH-UBND 08/2025'],
      ]);
    }
  });

  it('lets the province see which plans implement a directive and which communes have none yet', async () => {
    const data = ok(
      await fixture.stack.gql<{
        directive: {
          implementingPlans: Array<{ commune: { name: string } }>;
          communesWithoutPlan: Array<{ id: string; name: string }>;
        };
      }>(
        `{ directive(id: "2027-skhcn-bcvt-cds-2025") { implementingPlans { commune { name } } communesWithoutPlan { id name } } }`,
      ),
    );
    expect([...new Set(data.directive.implementingPlans.map((p) => p.commune.name))].sort()).toEqual([
      'Ba Tô',
      'Khánh Cường',
    ]);
    expect(data.directive.communesWithoutPlan).toHaveLength(94);
    expect(data.directive.communesWithoutPlan.map((c) => c.id)).not.toContain('C02949');
    expect(data.directive.communesWithoutPlan.every((c) => c.name.length > 0)).toBe(true);
  });
});

describe('adopting a plan', () => {
  it('records a plan whose target overrides the province’s, with tasks, and the province stops chasing the commune', async () => {
    const commune = await otherCommune();
    const before = await counts();
    const data = ok(
      await asAdmin<{
        adoptPlan: {
          id: string;
          commune: { name: string };
          implements: Array<{ number: string }>;
          tasks: Array<{ id: string; assigneeName: string; village: { name: string } | null; status: string }>;
        };
      }>(ADOPT, {
        input: {
          communeId: commune.id,
          number: '12/KH-UBND',
          title: 'Kế hoạch triển khai Phong trào Bình dân học vụ số',
          issuedOn: '2025-09-01',
          implements: ['125-kh-ubnd-2025'],
          targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: 0.85, dueOn: '2025-12-31' }],
          tasks: [
            { title: 'Hướng dẫn người dân tại thôn', assigneeId: commune.villages[0].id, dueOn: '2025-11-30' },
            { title: 'Tổng hợp báo cáo', assigneeId: commune.units[0].id, dueOn: '2025-11-19' },
          ],
          sessions: [
            {
              heldOn: '2025-09-20',
              venue: 'Nhà văn hóa xã',
              villageIds: commune.villages.slice(0, 2).map((v) => v.id),
            },
          ],
          reportingDeadlines: [
            {
              reporter: 'Các thôn',
              subject: 'Báo cáo kết quả',
              recurrence: 'WEEKLY',
              weekday: 5,
              dayPart: 'AFTERNOON',
            },
          ],
        },
      }),
    );
    // plan.adopted and audit.recorded in the outbox, and the audit entry.
    expect(await counts()).toEqual([before[0] + 1, before[1] + 2, before[2] + 1, before[3] + 2, before[4] + 1]);
    const plan = data.adoptPlan;
    expect(plan.commune.name).toBe('Ba Tơ');
    expect(plan.implements).toEqual([{ number: '125/KH-UBND' }]);
    expect(plan.tasks[1].village?.name).toBe(commune.villages[0].name);
    expect(plan.tasks[1].assigneeName).toBe(commune.villages[0].name);

    const after = ok(
      await fixture.stack.gql<{
        commune: { effectiveTargets: Effective[]; plans: Array<{ reportingDeadlines: Array<{ nextDueOn: string }> }> };
        directive: { communesWithoutPlan: Array<{ id: string }> };
      }>(
        `query($id: ID!) { commune(id: $id) { ${EFFECTIVE} plans { reportingDeadlines { nextDueOn(from: "2025-11-22") } } }
           directive(id: "125-kh-ubnd-2025") { communesWithoutPlan { id } } }`,
        { id: commune.id },
      ),
    );
    expect(
      after.commune.effectiveTargets.find((t) => t.indicator === 'JOINED' && t.group === 'RESIDENTS'),
    ).toMatchObject({
      threshold: 0.85,
      source: 'COMMUNE',
      planId: plan.id,
      overrides: { threshold: 0.8, source: 'PROVINCE', directiveId: '2027-skhcn-bcvt-cds-2025' },
    });
    expect(after.commune.plans[0].reportingDeadlines[0].nextDueOn).toBe('2025-11-28');
    expect(after.directive.communesWithoutPlan.map((c) => c.id)).not.toContain(commune.id);

    const task = plan.tasks[0];
    const moved = ok(
      await asAdmin<{ setTaskStatus: { status: string } }>(
        `mutation($id: ID!) { setTaskStatus(taskId: $id, status: DONE) { status } }`,
        { id: task.id },
      ),
    );
    expect(moved.setTaskStatus.status).toBe('DONE');
  });

  it('follows the province: a new directive’s target reaches effective targets, and leaves when withdrawn', async () => {
    const issued = ok(
      await asAdmin<{ issueDirective: { id: string } }>(
        `mutation($input: IssueDirectiveInput!) { issueDirective(input: $input) { id } }`,
        {
          input: {
            provinceId: 'P23',
            number: '5000/SKHCN-BCVT&CĐS',
            kind: 'LETTER',
            title: 'Về chỉ tiêu xác nhận VNeID',
            issuedOn: '2025-11-15',
            issuer: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
            targets: [{ indicator: 'VNEID_CONFIRMED', group: 'RESIDENTS', threshold: 0.6, dueOn: '2025-12-31' }],
          },
        },
      ),
    );
    await catchUpPlans();
    const q = `{ commune(id: "C01590") { effectiveTargets { indicator threshold directiveId } } }`;
    const withIt = ok(
      await fixture.stack.gql<{
        commune: { effectiveTargets: Array<{ indicator: string; threshold: number; directiveId: string }> };
      }>(q),
    );
    expect(withIt.commune.effectiveTargets).toContainEqual({
      indicator: 'VNEID_CONFIRMED',
      threshold: 0.6,
      directiveId: issued.issueDirective.id,
    });
    ok(
      await asAdmin(`mutation($id: ID!) { withdrawDirective(id: $id, reason: "Thu hồi") { id } }`, {
        id: issued.issueDirective.id,
      }),
    );
    await catchUpPlans();
    const without = ok(await fixture.stack.gql<{ commune: { effectiveTargets: Array<{ indicator: string }> } }>(q));
    expect(without.commune.effectiveTargets.map((t) => t.indicator)).not.toContain('VNEID_CONFIRMED');
  });
});

describe('bad input writes nothing', () => {
  const base = (communeId: string) => ({
    communeId,
    number: '99/KH-UBND',
    title: 'Kế hoạch',
    issuedOn: '2025-10-01',
    implements: ['125-kh-ubnd-2025'],
  });

  it.each([
    [
      'a plan implementing an unknown directive',
      { implements: ['no-such-directive'] },
      'implements',
      /Không tìm thấy văn bản của tỉnh/,
    ],
    [
      'a task for a village of another commune',
      { tasks: [{ title: 'Hướng dẫn', assigneeId: 'V02032-01', dueOn: '2025-11-01' }] },
      'tasks[0].assigneeId',
      /không thuộc xã/,
    ],
    [
      'a session for a village of another commune',
      { sessions: [{ heldOn: '2025-10-28', venue: 'NVH', villageIds: ['V02032-02'] }] },
      'sessions[0].villageIds',
      /không thuộc xã/,
    ],
    [
      'a threshold outside 0–1',
      { targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: 70, dueOn: '2025-12-31' }] },
      'targets[0].threshold',
      /từ 0 đến 1/,
    ],
    [
      'a due date before the issue date',
      { targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: 0.7, dueOn: '2025-09-30' }] },
      'targets[0].dueOn',
      /không thể trước ngày ban hành/,
    ],
    ['a duplicate plan number in the commune', { number: '76/KH-UBND' }, 'number', /đã có kế hoạch số/],
    [
      'a reward rule rewarding at most fewer than at least',
      { rewardRules: [{ subject: 'OFFICIAL', minGuided: 5, minAwardees: 10, maxAwardees: 5, description: 'CBCCVC' }] },
      'rewardRules[0].maxAwardees',
      /Số lượng khen thưởng tối đa không thể nhỏ hơn tối thiểu/,
    ],
    [
      'a reward rule rewarding nobody',
      { rewardRules: [{ subject: 'OFFICIAL', maxAwardees: 0, description: 'CBCCVC' }] },
      'rewardRules[0].maxAwardees',
      /Số lượng khen thưởng phải từ 1 trở lên/,
    ],
  ])('refuses %s with BAD_USER_INPUT', async (_label, change, field, message) => {
    const before = await counts();
    const res = await asAdmin(ADOPT, { input: { ...base('C02949'), ...change } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(res.errors?.[0].message).toMatch(message);
    expect(res.errors?.[0].message).toMatch(/^[^(]+\(.+\)$/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    [
      'adoptPlan for an unknown commune',
      ADOPT,
      {
        input: {
          communeId: 'C99999',
          number: '1/KH',
          title: 'x',
          issuedOn: '2025-10-01',
          implements: ['125-kh-ubnd-2025'],
        },
      },
    ],
    ['communePlan', `{ communePlan(id: "nope") { id } }`, {}],
    ['setTaskStatus', `mutation { setTaskStatus(taskId: "999999", status: DONE) { id } }`, {}],
  ])('answers NOT_FOUND for an unknown id: %s', async (_label, query, variables) => {
    const before = await counts();
    const res = await asAdmin(query, variables);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toMatch(/Không tìm thấy/);
    expect(await counts()).toEqual(before);
  });
});

describe('who may adopt and edit plans', () => {
  const BA_TO = 'C02949';
  const BA_TO_OTHER = 'C02762'; // Ba Tơ, a neighbour with a nearly identical name
  const SET_STATUS = `mutation($id: ID!, $status: TaskStatus!) { setTaskStatus(taskId: $id, status: $status) { id status } }`;
  const plan = (communeId: string, number: string) => ({
    communeId,
    number,
    title: 'Kế hoạch bổ sung',
    issuedOn: '2025-10-20',
    implements: ['125-kh-ubnd-2025'],
  });
  const baToTask = async () => {
    const data = ok(
      await fixture.stack.gql<{ commune: { plans: Array<{ tasks: Array<{ id: string; status: string }> }> } }>(
        `{ commune(id: "C02949") { plans { tasks { id status } } } }`,
      ),
    );
    return data.commune.plans.flatMap((p) => p.tasks)[0];
  };

  it('answers anonymous writes UNAUTHENTICATED and writes nothing', async () => {
    const task = await baToTask();
    const before = await counts();
    for (const res of [
      await fixture.stack.gql(ADOPT, { input: plan(BA_TO, '200/KH-UBND') }),
      await fixture.stack.gql(SET_STATUS, { id: task.id, status: 'CANCELLED' }),
    ]) {
      expect(errorCode(res)).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0].message).toMatch(/^Cần đăng nhập để sửa kế hoạch/);
    }
    expect(await counts()).toEqual(before);
    expect((await baToTask()).status).toBe(task.status);
  });

  it('lets Ba Tô’s commune officer adopt and edit Ba Tô’s plans, and no other commune’s', async () => {
    const officer = { token: await fixture.stack.token('COMMUNE_OFFICER', BA_TO) };
    const adopted = ok(
      await fixture.stack.gql<{ adoptPlan: { id: string; commune: { id: string } } }>(
        ADOPT,
        { input: plan(BA_TO, '201/KH-UBND') },
        officer,
      ),
    );
    expect(adopted.adoptPlan.commune.id).toBe(BA_TO);
    const task = await baToTask();
    const next = task.status === 'DONE' ? 'IN_PROGRESS' : 'DONE';
    expect(
      ok(
        await fixture.stack.gql<{ setTaskStatus: { status: string } }>(
          SET_STATUS,
          { id: task.id, status: next },
          officer,
        ),
      ).setTaskStatus.status,
    ).toBe(next);

    // A task of Ba Tơ's plan (adopted by the province) is out of the officer's reach.
    const other = ok(
      await asAdmin<{ adoptPlan: { tasks: Array<{ id: string; status: string }> } }>(ADOPT, {
        input: {
          ...plan(BA_TO_OTHER, '202/KH-UBND'),
          tasks: [{ title: 'Tổng hợp', assigneeId: (await otherCommune()).units[0].id, dueOn: '2025-11-30' }],
        },
      }),
    ).adoptPlan.tasks[0];
    const before = await counts();
    for (const res of [
      await fixture.stack.gql(ADOPT, { input: plan(BA_TO_OTHER, '203/KH-UBND') }, officer),
      await fixture.stack.gql(SET_STATUS, { id: other.id, status: 'DONE' }, officer),
    ]) {
      expect(errorCode(res)).toBe('FORBIDDEN');
      expect(res.errors?.[0].message).toMatch(
        /^Không có quyền sửa kế hoạch cho xã C02762: việc này dành cho quản trị cấp tỉnh \(P23\) hoặc cán bộ xã \(C02762\); tài khoản này là cán bộ xã \(C02949\)/,
      );
    }
    expect(await counts()).toEqual(before);
    const still = await fixture.stack.sql<{ status: string }>(`select status from plans.plan_task where id = $1`, [
      other.id,
    ]);
    expect(still).toEqual([{ status: 'TODO' }]);
  });

  it.each([
    ['PROVINCE_VIEWER', 'P23'],
    ['VILLAGE_REPORTER', 'V02949-08'],
    ['PROVINCE_ADMIN', 'P04'],
  ] as const)('refuses %s %s a plan for Ba Tô with FORBIDDEN', async (role, area) => {
    const token = await fixture.stack.token(role, area);
    const before = await counts();
    const res = await fixture.stack.gql(ADOPT, { input: plan(BA_TO, '204/KH-UBND') }, { token });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(/việc này dành cho quản trị cấp tỉnh \(P23\) hoặc cán bộ xã \(C02949\)/);
    expect(await counts()).toEqual(before);
  });
});
