import type { EntityManager } from '@mikro-orm/postgresql';
import { recordAudit } from '../../subgraphs/common/audit';
import type { TokenRole } from '../../shared/pure/auth-rules';
import { errorCode, ok, startTestStack, type GraphQLResponse, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';

// Ba Tô (C02949) and its village Xà Râu (V02949-08) are in Quảng Ngãi (P23); Ba Tơ (C02762) is another commune.
const BA_TO = 'C02949';
const XA_RAU = 'V02949-08';
const BA_TO_OTHER = 'C02762';

let stack: TestStack;
const tokens: Record<string, { token: string }> = {};
const as = async (role: TokenRole, area: string) =>
  (tokens[`${role} ${area}`] ??= { token: await stack.token(role, area) });

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

interface Entry {
  id: string;
  source: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string;
  operation: string;
  areaId: string;
  provinceId: string;
  communeId: string | null;
  targetType: string;
  targetId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  reason: string | null;
}

const AUDIT = `query($areaId: ID!, $from: Date, $to: Date, $limit: Int) { auditLog(areaId: $areaId, from: $from, to: $to, limit: $limit) {
  id source at actorId actorName actorRole operation areaId provinceId communeId targetType targetId before after reason } }`;
const RECORD = `mutation($area: ID!, $p: PopulationInput!, $reason: String!) { recordPopulation(areaId: $area, population: $p, reason: $reason) { id } }`;
const ISSUE = `mutation($input: IssueDirectiveInput!) { issueDirective(input: $input) { id } }`;
const AMEND = `mutation($id: ID!, $changes: AmendDirectiveInput!, $reason: String!) { amendDirective(id: $id, changes: $changes, reason: $reason) { id revision } }`;
const SET_STATUS = `mutation($id: ID!, $status: TaskStatus!) { setTaskStatus(taskId: $id, status: $status) { id status } }`;
const ADOPT = `mutation($input: AdoptPlanInput!) { adoptPlan(input: $input) { id } }`;

const auditLog = (
  areaId: string,
  auth: { token: string } | undefined,
  extra: Record<string, unknown> = {},
): Promise<GraphQLResponse<{ auditLog: Entry[] }>> =>
  stack.gql<{ auditLog: Entry[] }>(AUDIT, { areaId, ...extra }, auth);

/** Entries of other subgraphs arrive through the registry's consumers (milliseconds): read until it is there. */
async function waitForEntry(areaId: string, auth: { token: string }, match: (e: Entry) => boolean): Promise<Entry> {
  const found = await eventually(
    async () => ok(await auditLog(areaId, auth)).auditLog.find(match),
    (entry) => expect(entry).toBeDefined(),
  );
  return found!;
}

const auditCounts = async () =>
  (
    await stack.sql<{ n: string }>(
      `select (select count(*) from registry.audit_entry) + (select count(*) from directives.audit_entry) + (select count(*) from plans.audit_entry)
            + (select count(*) from registry.audit_log) + (select count(*) from registry.outbox_event) + (select count(*) from directives.outbox_event)
            + (select count(*) from plans.outbox_event) as n`,
    )
  )[0].n;

const baToTask = async () => {
  const data = ok(
    await stack.gql<{ commune: { plans: Array<{ tasks: Array<{ id: string; status: string }> }> } }>(
      `{ commune(id: "${BA_TO}") { plans { tasks { id status } } } }`,
    ),
  );
  return data.commune.plans.flatMap((p) => p.tasks).find((t) => t.status !== 'CANCELLED')!;
};

describe('every write is audited with who, when, which operation, before and after', () => {
  it('records a population correction in the registry, readable at once by the commune officer and the province', async () => {
    const officer = await as('COMMUNE_OFFICER', BA_TO);
    const [previous] = await stack.sql<{ id: number; adults: number }>(
      `select id, adults from registry.population_revision where area_id = $1 order by as_of desc, id desc limit 1`,
      [XA_RAU],
    );
    const started = Date.now();
    const { recordPopulation } = ok(
      await stack.gql<{ recordPopulation: { id: string } }>(
        RECORD,
        { area: XA_RAU, p: { asOf: '2025-11-01', adults: 611, households: 150 }, reason: 'Đính chính sau rà soát hộ' },
        officer,
      ),
    );
    const [entry] = ok(await auditLog(BA_TO, officer)).auditLog;
    expect(entry).toMatchObject({
      source: 'registry',
      actorId: `test:COMMUNE_OFFICER:${BA_TO}`,
      actorName: 'Lê Văn Xã',
      actorRole: 'COMMUNE_OFFICER',
      operation: 'recordPopulation',
      areaId: XA_RAU,
      provinceId: 'P23',
      communeId: BA_TO,
      targetType: 'PopulationRevision',
      targetId: recordPopulation.id,
      after: {
        revisionId: Number(recordPopulation.id),
        asOf: '2025-11-01',
        adults: 611,
        households: 150,
        workingAge: null,
      },
      reason: 'Đính chính sau rà soát hộ',
    });
    expect(entry.before).toEqual(
      previous ? expect.objectContaining({ revisionId: previous.id, adults: previous.adults }) : null,
    );
    expect(Math.abs(new Date(entry.at).getTime() - started)).toBeLessThan(60_000);

    // A second correction's "before" is the first one.
    ok(
      await stack.gql(
        RECORD,
        { area: XA_RAU, p: { asOf: '2025-11-01', adults: 615 }, reason: 'Đính chính lần 2' },
        officer,
      ),
    );
    const [second] = ok(await auditLog(XA_RAU, officer)).auditLog;
    expect(second.before).toMatchObject({ adults: 611, households: 150 });
    expect(second.after).toMatchObject({ adults: 615, households: null });
    // The province sees it too.
    const province = ok(await auditLog('P23', await as('PROVINCE_VIEWER', 'P23'))).auditLog;
    expect(province.map((e) => e.id)).toEqual(expect.arrayContaining([entry.id, second.id]));
  });

  it('records a directive amendment with the revision before and after', async () => {
    const admin = await as('PROVINCE_ADMIN', 'P23');
    const issued = ok(
      await stack.gql<{ issueDirective: { id: string } }>(
        ISSUE,
        {
          input: {
            provinceId: 'P23',
            number: '7001/SKHCN-BCVT&CĐS',
            kind: 'LETTER',
            title: 'Về chỉ tiêu chứng chỉ',
            issuedOn: '2025-11-12',
            issuer: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
            targets: [{ indicator: 'CERTIFIED', group: 'RESIDENTS', threshold: 0.5, dueOn: '2025-12-31' }],
          },
        },
        admin,
      ),
    ).issueDirective;
    ok(
      await stack.gql(
        AMEND,
        {
          id: issued.id,
          changes: { targets: [{ indicator: 'CERTIFIED', group: 'RESIDENTS', threshold: 0.6, dueOn: '2025-12-31' }] },
          reason: 'Nâng chỉ tiêu',
        },
        admin,
      ),
    );
    const amended = await waitForEntry(
      'P23',
      admin,
      (e) => e.operation === 'amendDirective' && e.targetId === issued.id,
    );
    expect(amended).toMatchObject({
      source: 'directives',
      actorId: 'test:PROVINCE_ADMIN:P23',
      actorRole: 'PROVINCE_ADMIN',
      areaId: 'P23',
      provinceId: 'P23',
      communeId: null,
      targetType: 'Directive',
      reason: 'Nâng chỉ tiêu',
      before: { revision: 1, status: 'IN_FORCE', targets: [expect.objectContaining({ threshold: 0.5 })] },
      after: { revision: 2, status: 'IN_FORCE', targets: [expect.objectContaining({ threshold: 0.6 })] },
    });
    const issuedEntry = await waitForEntry(
      'P23',
      admin,
      (e) => e.operation === 'issueDirective' && e.targetId === issued.id,
    );
    expect(issuedEntry.before).toBeNull();
    expect(issuedEntry.after).toMatchObject({ revision: 1, number: '7001/SKHCN-BCVT&CĐS' });
    // Newest first.
    const log = ok(await auditLog('P23', admin)).auditLog;
    expect(log.findIndex((e) => e.id === amended.id)).toBeLessThan(log.findIndex((e) => e.id === issuedEntry.id));
    // A province-wide entry is not a commune's.
    expect(ok(await auditLog(BA_TO, admin)).auditLog.map((e) => e.id)).not.toContain(amended.id);
  });

  it('records a plan edit with the task status before and after, for the commune officer to read', async () => {
    const officer = await as('COMMUNE_OFFICER', BA_TO);
    const task = await baToTask();
    const next = task.status === 'DONE' ? 'IN_PROGRESS' : 'DONE';
    ok(await stack.gql(SET_STATUS, { id: task.id, status: next }, officer));
    const entry = await waitForEntry(BA_TO, officer, (e) => e.operation === 'setTaskStatus' && e.targetId === task.id);
    expect(entry).toMatchObject({
      source: 'plans',
      actorId: `test:COMMUNE_OFFICER:${BA_TO}`,
      actorRole: 'COMMUNE_OFFICER',
      areaId: BA_TO,
      provinceId: 'P23',
      communeId: BA_TO,
      targetType: 'PlanTask',
      before: { status: task.status },
      after: { status: next },
    });
    const adopted = ok(
      await stack.gql<{ adoptPlan: { id: string } }>(
        ADOPT,
        {
          input: {
            communeId: BA_TO,
            number: '300/KH-UBND',
            title: 'Kế hoạch bổ sung',
            issuedOn: '2025-10-20',
            implements: ['125-kh-ubnd-2025'],
          },
        },
        officer,
      ),
    ).adoptPlan;
    const adoptedEntry = await waitForEntry(
      BA_TO,
      officer,
      (e) => e.operation === 'adoptPlan' && e.targetId === adopted.id,
    );
    expect(adoptedEntry).toMatchObject({
      targetType: 'CommunePlan',
      before: null,
      after: { id: adopted.id, number: '300/KH-UBND' },
    });
    // Every entry a commune officer reads is of its commune.
    expect(new Set(ok(await auditLog(BA_TO, officer)).auditLog.map((e) => e.communeId))).toEqual(new Set([BA_TO]));
  });

  it('filters by day and limits the number of entries', async () => {
    const admin = await as('PROVINCE_ADMIN', 'P23');
    const all = ok(await auditLog('P23', admin)).auditLog;
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(ok(await auditLog('P23', admin, { limit: 2 })).auditLog.map((e) => e.id)).toEqual(
      all.slice(0, 2).map((e) => e.id),
    );
    expect(ok(await auditLog('P23', admin, { to: '2025-01-01' })).auditLog).toEqual([]);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(ok(await auditLog('P23', admin, { from: today, to: today })).auditLog).toHaveLength(all.length);
    expect(errorCode(await auditLog('P23', admin, { limit: 0 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await auditLog('P23', admin, { from: '2025-12-02', to: '2025-12-01' }))).toBe('BAD_USER_INPUT');
  });
});

describe('who may read the audit log', () => {
  it.each([
    ['PROVINCE_ADMIN', 'P23', 'P23', 'ok'],
    ['PROVINCE_VIEWER', 'P23', 'P23', 'ok'],
    ['PROVINCE_VIEWER', 'P23', BA_TO, 'ok'],
    ['COMMUNE_OFFICER', BA_TO, BA_TO, 'ok'],
    ['COMMUNE_OFFICER', BA_TO, XA_RAU, 'ok'],
    ['COMMUNE_OFFICER', BA_TO, 'P23', 'FORBIDDEN'],
    ['COMMUNE_OFFICER', BA_TO, BA_TO_OTHER, 'FORBIDDEN'],
    ['VILLAGE_REPORTER', XA_RAU, BA_TO, 'FORBIDDEN'],
    ['VILLAGE_REPORTER', XA_RAU, XA_RAU, 'FORBIDDEN'],
    ['UNIT_REPORTER', 'U02949-01', 'U02949-01', 'FORBIDDEN'],
    ['PROVINCE_ADMIN', 'P04', 'P23', 'FORBIDDEN'],
    ['PROVINCE_ADMIN', 'P23', 'C99999', 'NOT_FOUND'],
  ] as const)('%s %s reading %s → %s', async (role, area, target, code) => {
    const res = await auditLog(target, await as(role, area));
    if (code === 'ok') {
      expect(ok(res).auditLog).toEqual(expect.any(Array));
    } else {
      expect(errorCode(res)).toBe(code);
      if (code === 'FORBIDDEN')
        expect(res.errors?.[0].message).toMatch(
          /^Không có quyền xem nhật ký thay đổi cho .+: việc này dành cho quản trị cấp tỉnh \(P\d\d\)(,| hoặc) cán bộ theo dõi cấp tỉnh \(P\d\d\)/,
        );
      expect(res.data?.auditLog ?? null).toBeNull();
    }
  });

  it('answers an anonymous caller UNAUTHENTICATED', async () => {
    const res = await auditLog(BA_TO, undefined);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/^Cần đăng nhập để xem nhật ký thay đổi/);
  });
});

describe('nothing is audited that was not written', () => {
  it('leaves no audit entry, log row or event for refused writes', async () => {
    const before = await auditCounts();
    const refused = [
      errorCode(
        await stack.gql(
          RECORD,
          { area: 'V02762-01', p: { asOf: '2025-11-01', adults: 10 }, reason: 'Thử' },
          await as('COMMUNE_OFFICER', BA_TO),
        ),
      ),
      errorCode(await stack.gql(RECORD, { area: XA_RAU, p: { asOf: '2025-11-01', adults: 10 }, reason: 'Thử' })),
      errorCode(
        await stack.gql(
          AMEND,
          { id: '125-kh-ubnd-2025', changes: { title: 'x' }, reason: 'Thử' },
          await as('PROVINCE_VIEWER', 'P23'),
        ),
      ),
      errorCode(
        await stack.gql(
          AMEND,
          { id: '125-kh-ubnd-2025', changes: { title: 'x' }, reason: 'Thử' },
          await as('COMMUNE_OFFICER', BA_TO),
        ),
      ),
      errorCode(
        await stack.gql(
          ADOPT,
          {
            input: {
              communeId: BA_TO_OTHER,
              number: '301/KH-UBND',
              title: 'x',
              issuedOn: '2025-10-20',
              implements: ['125-kh-ubnd-2025'],
            },
          },
          await as('COMMUNE_OFFICER', BA_TO),
        ),
      ),
      errorCode(
        await stack.gql(
          SET_STATUS,
          { id: (await baToTask()).id, status: 'CANCELLED' },
          await as('COMMUNE_OFFICER', BA_TO_OTHER),
        ),
      ),
    ];
    expect(refused).toEqual(['FORBIDDEN', 'UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await auditCounts()).toBe(before);
  });

  it('records nothing for a write that fails validation', async () => {
    const before = await auditCounts();
    const admin = await as('PROVINCE_ADMIN', 'P23');
    const failed = [
      errorCode(await stack.gql(RECORD, { area: XA_RAU, p: { asOf: '2025-11-01', adults: -5 }, reason: 'Thử' }, admin)),
      errorCode(
        await stack.gql(
          AMEND,
          {
            id: '125-kh-ubnd-2025',
            changes: { targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: 1.2, dueOn: '2025-12-31' }] },
            reason: 'Thử',
          },
          admin,
        ),
      ),
      errorCode(
        await stack.gql(
          ADOPT,
          {
            input: {
              communeId: BA_TO,
              number: '76/KH-UBND',
              title: 'Trùng số',
              issuedOn: '2025-10-20',
              implements: ['125-kh-ubnd-2025'],
            },
          },
          admin,
        ),
      ),
    ];
    expect(failed).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
    expect(await auditCounts()).toBe(before);
  });

  it('rolls the audit entry and its event back with the transaction that wrote them', async () => {
    const before = await auditCounts();
    const em = stack.subgraphs.plans.orm.orm.em.fork() as EntityManager;
    await expect(
      em.transactional(async (tx) => {
        await recordAudit(tx, 'plans', {
          viewer: { id: 'test', name: null, role: 'PROVINCE_ADMIN', area: 'P23' },
          operation: 'setTaskStatus',
          areaId: BA_TO,
          provinceId: 'P23',
          communeId: BA_TO,
          targetType: 'PlanTask',
          targetId: 1,
          before: { status: 'TODO' },
          after: { status: 'DONE' },
        });
        // The change itself fails after the entry was written (here: a task status the table refuses).
        await tx.execute(`update plans.plan_task set status = 'LOST' where id = (select min(id) from plans.plan_task)`);
      }),
    ).rejects.toThrow();
    expect(await auditCounts()).toBe(before);
  });
});
