/**
 * The registry kept by its officials (issue 24, item 3) through the gateway: adding, renaming and closing villages
 * and units, correcting a unit's staff with a reason; who may; bad input refused with nothing changed; the audit
 * log; and the reports subgraph moving the unit's rate live.
 */
import type { TokenRole } from '../../shared/pure/auth-rules';
import { errorCode, ok, startTestStack, type GraphQLResponse, type TestStack } from '../support/stack';
import { subscribe, until, wsClient } from '../support/ws';
import { subscribed } from '../support/wait';

// Ba Tô (C02949, Quảng Ngãi P23); Ba Tơ (C02762) is another commune of the province; Ngọk Bay is C02032.
const BA_TO = 'C02949';
const BA_TO_OTHER = 'C02762';
const NGOK_BAY = 'C02032';
const DAY = '2026-12-01';

let stack: TestStack;
const tokens: Record<string, { token: string }> = {};
const as = async (role: TokenRole, area: string) =>
  (tokens[`${role} ${area}`] ??= { token: await stack.token(role, area) });

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const ADD_UNIT = `mutation($c: ID!, $u: NewUnitInput!) { addUnit(communeId: $c, unit: $u) { id name type staff openedOn closedOn } }`;
const ADD_VILLAGE = `mutation($c: ID!, $v: NewVillageInput!) { addVillage(communeId: $c, village: $v) { id name kind openedOn } }`;
const RENAME_UNIT = `mutation($id: ID!, $n: String!, $d: Date!) { renameUnit(id: $id, name: $n, effectiveOn: $d) { id name formerNames { name until } } }`;
const RENAME_VILLAGE = `mutation($id: ID!, $n: String!, $d: Date!) { renameVillage(id: $id, name: $n, effectiveOn: $d) { id name formerNames { name until } } }`;
const CLOSE_UNIT = `mutation($id: ID!, $d: Date!, $r: String!) { closeUnit(id: $id, effectiveOn: $d, reason: $r) { id closedOn } }`;
const CLOSE_VILLAGE = `mutation($id: ID!, $d: Date!, $r: String!) { closeVillage(id: $id, effectiveOn: $d, reason: $r) { id closedOn } }`;
const CORRECT = `mutation($id: ID!, $s: Int!, $d: Date!, $r: String!) { correctUnitStaff(id: $id, staff: $s, effectiveOn: $d, reason: $r) { id unitId staff effectiveOn reason recordedBy } }`;
const UNIT = `query($id: ID!) { unit(id: $id) { id name staff closedOn formerNames { name } staffRevisions { staff effectiveOn reason } } }`;
const RATE = `query($id: ID!) { unit(id: $id) { progress { adults officialsRate } } }`;
const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`;

interface UnitRow {
  id: string;
  name: string;
  staff: number;
  closedOn: string | null;
  formerNames: Array<{ name: string }>;
  staffRevisions: Array<{ staff: number; effectiveOn: string; reason: string }>;
}
const unitOf = async (id: string) => ok(await stack.gql<{ unit: UnitRow }>(UNIT, { id })).unit;
/** The unit's progress as the reports subgraph computes it (its rate: officials registered / staff). */
const rateOf = async (id: string) =>
  ok(await stack.gql<{ unit: { progress: { adults: number | null; officialsRate: number | null } } }>(RATE, { id }))
    .unit.progress;
const message = (r: GraphQLResponse<unknown>) => r.errors?.[0]?.message ?? '';
/** The reports subgraph knows an area (its copy of the registry, from `area.upserted`). */
const reportsKnow = (id: string, check = 'true') =>
  until(`reports know ${id}`, async () => {
    const rows = await stack.sql<{ ok: boolean }>(`select ${check} as ok from reports.area where id = $1`, [id]);
    return rows[0]?.ok === true;
  });
const auditOf = (id: string) =>
  stack.sql<{ operation: string; before: unknown; after: unknown; reason: string | null; actor_role: string }>(
    `select operation, before, after, reason, actor_role from registry.audit_log where area_id = $1 and source = 'registry' order by id`,
    [id],
  );

async function addUnit(name: string, staff: number, communeId = BA_TO): Promise<string> {
  const officer = await as('COMMUNE_OFFICER', communeId);
  const res = ok(
    await stack.gql<{ addUnit: { id: string } }>(
      ADD_UNIT,
      { c: communeId, u: { name, type: 'SCHOOL', staff, effectiveOn: DAY } },
      officer,
    ),
  );
  return res.addUnit.id;
}

describe('a commune officer keeps the commune’s registry', () => {
  it('adds a unit with the next id of the commune, audited, and the reports subgraph takes it as a reporter', async () => {
    const officer = await as('COMMUNE_OFFICER', BA_TO);
    const before = await stack.sql<{ id: string }>(`select id from registry.unit where commune_id = $1`, [BA_TO]);
    const max = Math.max(...before.map((u) => Number(u.id.split('-')[1])));
    const res = ok(
      await stack.gql<{ addUnit: Record<string, unknown> }>(
        ADD_UNIT,
        { c: BA_TO, u: { name: '  Trường Tiểu học Đồng Răm  ', type: 'SCHOOL', staff: 24, effectiveOn: DAY } },
        officer,
      ),
    );
    const id = `U02949-${String(max + 1).padStart(2, '0')}`;
    expect(res.addUnit).toEqual({
      id,
      name: 'Trường Tiểu học Đồng Răm',
      type: 'SCHOOL',
      staff: 24,
      openedOn: DAY,
      closedOn: null,
    });
    expect((await unitOf(id)).staffRevisions).toEqual([{ staff: 24, effectiveOn: DAY, reason: 'Thêm đơn vị' }]);
    const audit = await auditOf(id);
    expect(audit).toEqual([
      expect.objectContaining({ operation: 'addUnit', before: null, actor_role: 'COMMUNE_OFFICER' }),
    ]);
    await reportsKnow(id, `staff = 24`);
    expect((await rateOf(id)).adults).toBe(24);
  });

  it('corrects a unit’s staff as a revision with its reason; the unit’s rate moves and a live event arrives', async () => {
    const officer = await as('COMMUNE_OFFICER', BA_TO);
    const id = await addUnit('Trạm Y tế Làng Mới', 20);
    await reportsKnow(id, 'staff = 20');
    ok(
      await stack.gql(
        SUBMIT,
        {
          input: {
            reporterId: id,
            reportDate: '2026-12-04',
            groups: [{ group: 'OFFICIALS', registered: 10, completed: 6, certified: 4 }],
          },
        },
        officer,
      ),
    );
    expect((await rateOf(id)).officialsRate).toBeCloseTo(0.5);
    const client = wsClient(stack.gateway.url);
    const sub = subscribe<{ progressUpdated: { areaId: string; cause: string; progress: { adults: number } } }>(
      client,
      `subscription($a: ID!) { progressUpdated(areaId: $a) { areaId cause progress { adults officialsRate } } }`,
      { a: id },
    );
    await subscribed(stack);
    const res = ok(
      await stack.gql<{ correctUnitStaff: Record<string, unknown> }>(
        CORRECT,
        { id, s: 40, d: '2026-12-05', r: 'Quyết định giao biên chế bổ sung' },
        officer,
      ),
    );
    expect(res.correctUnitStaff).toMatchObject({
      unitId: id,
      staff: 40,
      effectiveOn: '2026-12-05',
      reason: 'Quyết định giao biên chế bổ sung',
    });
    const [event] = await sub.take(1, 15_000);
    expect(event.progressUpdated).toMatchObject({ areaId: id, cause: 'REGISTRY', progress: { adults: 40 } });
    const now = await unitOf(id);
    expect(now.staff).toBe(40);
    expect((await rateOf(id)).officialsRate).toBeCloseTo(0.25);
    expect(now.staffRevisions.map((r) => r.staff)).toEqual([20, 40]);
    const audit = await auditOf(id);
    expect(audit.at(-1)).toMatchObject({
      operation: 'correctUnitStaff',
      before: { staff: 20 },
      after: { staff: 40, effectiveOn: '2026-12-05', staffInForce: 40 },
      reason: 'Quyết định giao biên chế bổ sung',
    });
    await client.dispose();

    // Below the 4 certified in its report of 04/12: refused, in words a clerk can act on, and nothing changes.
    await until(
      'the registry has the unit’s report',
      async () =>
        (await stack.sql(`select 1 from registry.audit_log where area_id = $1 and source = 'reports'`, [id])).length >
        0,
    );
    const low = await stack.gql(CORRECT, { id, s: 3, d: '2026-12-06', r: 'Giảm biên chế' }, officer);
    expect(errorCode(low)).toBe('BAD_USER_INPUT');
    expect(message(low)).toContain('thấp hơn số người đã được chứng nhận (4)');
    expect((await unitOf(id)).staffRevisions).toHaveLength(2);

    // Closed before its last report (04/12): refused; on the day of it: closed, history kept.
    const early = await stack.gql(CLOSE_UNIT, { id, d: '2026-12-03', r: 'Sáp nhập' }, officer);
    expect(errorCode(early)).toBe('BAD_USER_INPUT');
    expect(message(early)).toContain('đã có báo cáo ngày 04/12/2026');
    expect((await unitOf(id)).closedOn).toBeNull();
    const closed = ok(
      await stack.gql<{ closeUnit: { closedOn: string } }>(CLOSE_UNIT, { id, d: '2026-12-04', r: 'Sáp nhập' }, officer),
    );
    expect(closed.closeUnit.closedOn).toBe('2026-12-04');
    await reportsKnow(id, `closed_on = '2026-12-04'`);
    expect((await unitOf(id)).staffRevisions).toHaveLength(2);
  });

  it('renames a unit and a village, keeping the old names, and refuses a name already used in the commune', async () => {
    const officer = await as('COMMUNE_OFFICER', BA_TO);
    const id = await addUnit('Hợp tác xã Làng Mới', 12);
    const other = await addUnit('Trường Mầm non Làng Mới', 8);
    const taken = await stack.gql(RENAME_UNIT, { id, n: ' Trường Mầm non Làng Mới ', d: DAY }, officer);
    expect(errorCode(taken)).toBe('BAD_USER_INPUT');
    expect(message(taken)).toContain(`Xã đã có cơ quan, đơn vị tên "Trường Mầm non Làng Mới" (mã ${other})`);
    expect((await unitOf(id)).name).toBe('Hợp tác xã Làng Mới');
    // Another spelling is another name: the letters spell names exactly.
    const renamed = ok(
      await stack.gql<{ renameUnit: { name: string; formerNames: Array<{ name: string; until: string }> } }>(
        RENAME_UNIT,
        { id, n: 'trường mầm non Làng Mới', d: DAY },
        officer,
      ),
    );
    expect(renamed.renameUnit).toMatchObject({
      name: 'trường mầm non Làng Mới',
      formerNames: [{ name: 'Hợp tác xã Làng Mới', until: DAY }],
    });
    expect((await auditOf(id)).at(-1)).toMatchObject({
      operation: 'renameUnit',
      before: { name: 'Hợp tác xã Làng Mới' },
    });

    const village = ok(
      await stack.gql<{ addVillage: { id: string; name: string } }>(
        ADD_VILLAGE,
        { c: BA_TO, v: { name: 'Thôn Mới', effectiveOn: DAY } },
        officer,
      ),
    ).addVillage;
    expect(village.id).toMatch(/^V02949-\d{2}$/);
    const existing = (await stack.sql<{ name: string }>(`select name from registry.village where id = 'V02949-08'`))[0];
    const clash = await stack.gql(RENAME_VILLAGE, { id: village.id, n: existing.name, d: DAY }, officer);
    expect(errorCode(clash)).toBe('BAD_USER_INPUT');
    const dup = await stack.gql(ADD_VILLAGE, { c: BA_TO, v: { name: existing.name, effectiveOn: DAY } }, officer);
    expect(errorCode(dup)).toBe('BAD_USER_INPUT');
    const moved = ok(
      await stack.gql<{ renameVillage: { name: string; formerNames: Array<{ name: string }> } }>(
        RENAME_VILLAGE,
        { id: village.id, n: 'Thôn Mới Một', d: DAY },
        officer,
      ),
    );
    expect(moved.renameVillage.formerNames.map((n) => n.name)).toEqual(['Thôn Mới']);
    const closed = ok(
      await stack.gql<{ closeVillage: { closedOn: string } }>(
        CLOSE_VILLAGE,
        { id: village.id, d: DAY, r: 'Sáp nhập vào thôn bên cạnh' },
        officer,
      ),
    );
    expect(closed.closeVillage.closedOn).toBe(DAY);
    // Kept in the database, not only in the answer.
    expect(
      await stack.sql(`select name, former_names, closed_on::text from registry.village where id = $1`, [village.id]),
    ).toEqual([{ name: 'Thôn Mới Một', former_names: [{ name: 'Thôn Mới', until: DAY }], closed_on: DAY }]);
    // Expected on the chase list up to its closing day, not after it.
    await reportsKnow(village.id, `closed_on = '${DAY}'`);
    const chase = async (reportDate: string) =>
      ok(
        await stack.gql<{ commune: { reportingStatus: { reporters: Array<{ village: { id: string } | null }> } } }>(
          `query($c: ID!, $d: Date!) { commune(id: $c) { reportingStatus(reportDate: $d) { reporters { village { id } } } } }`,
          { c: BA_TO, d: reportDate },
        ),
      ).commune.reportingStatus.reporters.some((r) => r.village?.id === village.id);
    expect(await chase(DAY)).toBe(true);
    expect(await chase('2026-12-04')).toBe(false);
    expect((await auditOf(village.id)).map((a) => a.operation)).toEqual([
      'addVillage',
      'renameVillage',
      'closeVillage',
    ]);
    // A closed village's name is free again; the closed one keeps it in its history.
    ok(await stack.gql(ADD_VILLAGE, { c: BA_TO, v: { name: 'Thôn Mới Một', effectiveOn: DAY } }, officer));
  });

  it('refuses bad input with a Vietnamese message, changing nothing', async () => {
    const officer = await as('COMMUNE_OFFICER', BA_TO);
    const count = async () =>
      (await stack.sql<{ n: number }>(`select count(*)::int as n from registry.unit where commune_id = $1`, [BA_TO]))[0]
        .n;
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '   ', type: 'AGENCY', staff: 5, effectiveOn: DAY }, 'Hãy nhập tên cơ quan, đơn vị'],
      [{ name: 'Đơn vị A', type: 'AGENCY', staff: -1, effectiveOn: DAY }, 'Biên chế phải là số nguyên không âm'],
      [{ name: 'Đơn vị A', type: 'AGENCY', staff: 5, effectiveOn: '2099-01-01' }, 'ở tương lai'],
    ];
    for (const [u, words] of cases) {
      const res = await stack.gql(ADD_UNIT, { c: BA_TO, u }, officer);
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(message(res)).toContain(words);
    }
    const id = await addUnit('Đơn vị B', 5);
    const noReason = await stack.gql(CORRECT, { id, s: 9, d: DAY, r: ' ' }, officer);
    expect(errorCode(noReason)).toBe('BAD_USER_INPUT');
    expect(message(noReason)).toContain('Hãy ghi lý do');
    expect(await count()).toBe(before + 1);
    expect((await unitOf(id)).staff).toBe(5);
  });
});

describe('a unit list from a CSV file', () => {
  const IMPORT = `mutation($c: ID!, $csv: String!) { importUnits(communeId: $c, csv: $csv) { id name type staff openedOn } }`;
  it('adds every row in one go, audited; a bad row refuses the whole list with its row number', async () => {
    const officer = await as('COMMUNE_OFFICER', BA_TO);
    const count = async () =>
      (await stack.sql<{ n: number }>(`select count(*)::int as n from registry.unit where commune_id = $1`, [BA_TO]))[0]
        .n;
    const before = await count();
    const bad = await stack.gql(
      IMPORT,
      { c: BA_TO, csv: 'Tên đơn vị;Loại;Biên chế\nTrường THPT Thử;Trường học;30\nTrường THPT Thử 2;SCHOOL;-1\n' },
      officer,
    );
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(message(bad)).toContain('Dòng 3: biên chế "-1"');
    const taken = await stack.gql(
      IMPORT,
      { c: BA_TO, csv: `Tên đơn vị;Loại;Biên chế\nTrường THPT Thử;Trường học;30\nĐơn vị B;Cơ quan;4\n` },
      officer,
    );
    expect(message(taken)).toContain('Dòng 3: Xã đã có cơ quan, đơn vị tên "Đơn vị B"');
    expect(await count()).toBe(before);
    const added = ok(
      await stack.gql<{ importUnits: Array<{ id: string; name: string; staff: number; openedOn: string }> }>(
        IMPORT,
        { c: BA_TO, csv: 'name,type,staff,date\nTrường THPT Thử,truong hoc,30,01/12/2026\nChi hội Thử,OTHER,7,\n' },
        officer,
      ),
    ).importUnits;
    expect(added.map((u) => [u.name, u.staff])).toEqual([
      ['Trường THPT Thử', 30],
      ['Chi hội Thử', 7],
    ]);
    // The first row's date as written; the second has none: today.
    expect(added[0].openedOn).toBe('2026-12-01');
    expect(added[1].openedOn >= added[0].openedOn).toBe(true);
    expect(await count()).toBe(before + 2);
    expect((await auditOf(added[0].id)).map((a) => [a.operation, a.reason])).toEqual([
      ['addUnit', 'Nhập danh sách đơn vị'],
    ]);
    await reportsKnow(added[1].id, 'staff = 7');
  });
});

describe('who may keep the registry', () => {
  it('refuses another commune’s officer, a village reporter and the province viewer; the province admin may', async () => {
    const u = { name: 'Đơn vị C', type: 'AGENCY', staff: 3, effectiveOn: DAY };
    const other = await stack.gql(ADD_UNIT, { c: BA_TO, u }, await as('COMMUNE_OFFICER', BA_TO_OTHER));
    expect(errorCode(other)).toBe('FORBIDDEN');
    expect(message(other)).toContain('Không có quyền cập nhật danh sách thôn, đơn vị');
    expect(errorCode(await stack.gql(ADD_UNIT, { c: BA_TO, u }, await as('VILLAGE_REPORTER', 'V02949-08')))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await stack.gql(ADD_UNIT, { c: BA_TO, u }, await as('PROVINCE_VIEWER', 'P23')))).toBe('FORBIDDEN');
    expect(errorCode(await stack.gql(ADD_UNIT, { c: BA_TO, u }))).toBe('UNAUTHENTICATED');
    const id = await addUnit('Đơn vị D', 3);
    const correct = await stack.gql(
      CORRECT,
      { id, s: 4, d: DAY, r: 'Rà soát' },
      await as('COMMUNE_OFFICER', BA_TO_OTHER),
    );
    expect(errorCode(correct)).toBe('FORBIDDEN');
    expect((await stack.sql(`select 1 from registry.unit where name = 'Đơn vị C'`)).length).toBe(0);
    ok(await stack.gql(ADD_UNIT, { c: BA_TO, u }, await as('PROVINCE_ADMIN', 'P23')));
  });

  it('refuses a change dated inside an approved period', async () => {
    const admin = await as('PROVINCE_ADMIN', 'P23');
    ok(
      await stack.gql(
        `mutation { approveReportingPeriod(communeId: "${NGOK_BAY}", reportDate: "2025-12-05") { state } }`,
        {},
        admin,
      ),
    );
    await until(
      'the registry knows the approval',
      async () =>
        (
          await stack.sql(
            `select 1 from registry.audit_log where commune_id = $1 and operation = 'approveReportingPeriod'`,
            [NGOK_BAY],
          )
        ).length > 0,
    );
    const u = { name: 'Đơn vị E', type: 'AGENCY', staff: 3, effectiveOn: '2025-12-01' };
    const res = await stack.gql(ADD_UNIT, { c: NGOK_BAY, u }, admin);
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(message(res)).toContain('kỳ báo cáo ngày 05/12/2025 đã được duyệt');
    expect((await stack.sql(`select 1 from registry.unit where name = 'Đơn vị E'`)).length).toBe(0);
    ok(await stack.gql(ADD_UNIT, { c: NGOK_BAY, u: { ...u, effectiveOn: '2025-12-06' } }, admin));
  });
});
