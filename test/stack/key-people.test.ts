/**
 * Key people of villages named by a commune plan (trưởng thôn, bí thư chi bộ, trưởng ban công tác Mặt trận): the
 * demo, setKeyPerson and recordKeyPersonCertification through the gateway (access, refusals that write nothing,
 * revisions kept, audit rows), who sees names and phones (the plan, the village, the Friday chase list), and the
 * SQL statements of the chase list not growing with villages.
 */
import { provinceAdminFixture } from '../support/province-admin';
import { errorCode, ok } from '../support/stack';
import { eventually } from '../support/wait';

const fixture = provinceAdminFixture(['plans.key_person', 'plans.audit_entry', 'plans.outbox_event']);
const { asAdmin, counts } = fixture;

interface Person {
  id: string;
  role: string;
  revision: number;
  current: boolean;
  fullName: string;
  phone: string | null;
  certifiedOn: string | null;
  change: string;
  reason: string | null;
  village: { id: string; name: string };
}
const PERSON = `id role revision current fullName phone certifiedOn change reason village { id name }`;
const SET = `mutation($input: SetKeyPersonInput!) { setKeyPerson(input: $input) { ${PERSON} } }`;
const CERTIFY = `mutation($planId: ID!, $villageId: ID!, $role: KeyPersonRole!, $certifiedOn: Date, $reason: String) {
  recordKeyPersonCertification(planId: $planId, villageId: $villageId, role: $role, certifiedOn: $certifiedOn, reason: $reason) { ${PERSON} } }`;

interface PlanRead {
  commune: {
    plans: Array<{
      id: string;
      number: string;
      keyPeople: Person[] | null;
      keyPeopleCertification: Array<{ role: string; required: number; named: number; certified: number }>;
    }>;
  };
}
const PLAN = (history = false) =>
  `{ commune(id: "C02949") { plans { id number keyPeople(history: ${history}) { ${PERSON} } keyPeopleCertification { role required named certified } } } }`;

let planId = '';
const token = (role: Parameters<typeof fixture.stack.token>[0], area: string) => fixture.stack.token(role, area);
const baTo = async (auth?: string, history = false) =>
  ok(await fixture.stack.gql<PlanRead>(PLAN(history), {}, { token: auth })).commune.plans.find(
    (p) => p.number === '76/KH-UBND',
  )!;

beforeAll(async () => {
  planId = (await baTo()).id;
});

describe('the demo', () => {
  it('names three key people in each of Ba Tô’s 14 villages; anyone sees the counts, not the names', async () => {
    const pub = await baTo();
    expect(pub.keyPeople).toBeNull();
    expect(pub.keyPeopleCertification).toEqual([
      { role: 'VILLAGE_HEAD', required: 14, named: 14, certified: 12 },
      { role: 'PARTY_CELL_SECRETARY', required: 14, named: 14, certified: 14 },
      { role: 'FRONT_HEAD', required: 14, named: 14, certified: 11 },
    ]);
    const officer = await baTo(await token('COMMUNE_OFFICER', 'C02949'));
    expect(officer.keyPeople).toHaveLength(42);
    expect(officer.keyPeople!.every((p) => p.current)).toBe(true);
    const head = officer.keyPeople!.find((p) => p.village.id === 'V02949-08' && p.role === 'VILLAGE_HEAD')!;
    expect(head.village.name).toBe('Xà Râu');
    expect(head.phone).toMatch(/^0999\d{6}$/);
    expect(head.certifiedOn).toBeNull();
    // Làng Mâm's head was replaced: the history keeps the first one.
    const history = (await baTo(await token('COMMUNE_OFFICER', 'C02949'), true)).keyPeople!.filter(
      (p) => p.village.id === 'V02949-02' && p.role === 'VILLAGE_HEAD',
    );
    expect(history.map((p) => [p.revision, p.current, p.change])).toEqual([
      [1, false, 'NAMED'],
      [2, true, 'REPLACED'],
    ]);
    // a village reporter sees its own village's people only; another commune's officer nothing
    expect((await baTo(await token('VILLAGE_REPORTER', 'V02949-08'))).keyPeople!.map((p) => p.village.id)).toEqual([
      'V02949-08',
      'V02949-08',
      'V02949-08',
    ]);
    expect((await baTo(await token('COMMUNE_OFFICER', 'C02032'))).keyPeople).toBeNull();
  });
});

describe('the commune’s key people today (what a report submitted now would freeze)', () => {
  const Q = `{ commune(id: "C02949") { keyPeople { roles { role required named certified } missing { villageId role fullName } line } } }`;
  interface Today {
    commune: {
      keyPeople: {
        roles: Array<{ role: string; certified: number }>;
        missing: Array<{ villageId: string; role: string; fullName: string | null }> | null;
        line: string;
      };
    };
  }
  it('says the counts to anyone and the names only within the commune', async () => {
    const pub = ok(await fixture.stack.gql<Today>(Q)).commune.keyPeople;
    expect(pub.missing).toBeNull();
    expect(pub.line).toMatch(/^Cán bộ chủ chốt thôn hoàn thành và có giấy chứng nhận: Trưởng thôn \d+\/14, .*\.$/);
    expect(pub.line).not.toContain('chưa có');
    const officer = ok(await fixture.stack.gql<Today>(Q, {}, { token: await token('COMMUNE_OFFICER', 'C02949') }))
      .commune.keyPeople;
    expect(officer.roles).toEqual(pub.roles);
    expect(officer.missing!.length).toBe(officer.roles.reduce((n, r) => n + 14 - r.certified, 0));
    expect(officer.line).toContain('; chưa có: ');
    for (const m of officer.missing!) expect(officer.line).toContain(m.fullName ?? 'chưa có người đảm nhiệm');
  });
});

describe('naming, replacing and certifying', () => {
  it('replaces a village head: a new revision, the old kept, one audit row with before and after', async () => {
    const officer = await token('COMMUNE_OFFICER', 'C02949');
    const before = await counts();
    const old = (await baTo(officer)).keyPeople!.find(
      (p) => p.village.id === 'V02949-13' && p.role === 'VILLAGE_HEAD',
    )!;
    const res = ok(
      await fixture.stack.gql<{ setKeyPerson: Person }>(
        SET,
        {
          input: {
            planId,
            villageId: 'V02949-13',
            role: 'VILLAGE_HEAD',
            fullName: '  Đinh Văn   Thắng ',
            phone: '+84 912 345 678',
            reason: 'Thôn bầu trưởng thôn mới',
          },
        },
        { token: officer },
      ),
    ).setKeyPerson;
    expect(res).toMatchObject({
      revision: old.revision + 1,
      current: true,
      fullName: 'Đinh Văn Thắng',
      phone: '0912345678',
      certifiedOn: null,
      change: 'REPLACED',
      reason: 'Thôn bầu trưởng thôn mới',
    });
    const [people, audit, outbox] = await counts();
    expect([people, audit]).toEqual([before[0] + 1, before[1] + 1]);
    expect(outbox).toBeGreaterThan(before[2]);
    const rows = await fixture.stack.sql<{ full_name: string; current: boolean; revision: number }>(
      `select full_name, current, revision from plans.key_person where plan_id = $1 and village_id = 'V02949-13'
         and role = 'VILLAGE_HEAD' order by revision`,
      [planId],
    );
    expect(rows.map((r) => [r.revision, r.current, r.full_name])).toEqual([
      [old.revision, false, old.fullName],
      [old.revision + 1, true, 'Đinh Văn Thắng'],
    ]);
    const [entry] = await fixture.stack.sql<{
      operation: string;
      actor_role: string;
      area_id: string;
      commune_id: string;
      province_id: string;
      target_type: string;
      before: { fullName: string };
      after: { fullName: string; phone: string; change: string };
      reason: string;
    }>(`select * from plans.audit_entry order by id desc limit 1`);
    expect(entry).toMatchObject({
      operation: 'setKeyPerson',
      actor_role: 'COMMUNE_OFFICER',
      area_id: 'V02949-13',
      commune_id: 'C02949',
      province_id: 'P23',
      target_type: 'KeyPerson',
      before: { fullName: old.fullName },
      after: { fullName: 'Đinh Văn Thắng', phone: '0912345678', change: 'REPLACED' },
      reason: 'Thôn bầu trưởng thôn mới',
    });
    // The commune officer reads it in the one audit log (the registry keeps plans' audit.recorded events).
    const log = await eventually(
      async () =>
        ok(
          await fixture.stack.gql<{
            auditLog: Array<{ operation: string; source: string; targetId: string; reason: string }>;
          }>(
            `query($a: ID!) { auditLog(areaId: $a) { operation source targetId reason } }`,
            { a: 'C02949' },
            { token: officer },
          ),
        ).auditLog,
      (entries) =>
        expect(entries).toContainEqual(
          expect.objectContaining({ operation: 'setKeyPerson', targetId: `${planId}:V02949-13:VILLAGE_HEAD` }),
        ),
    );
    expect(
      log.find((e) => e.operation === 'setKeyPerson' && e.targetId === `${planId}:V02949-13:VILLAGE_HEAD`),
    ).toMatchObject({ source: 'plans', reason: 'Thôn bầu trưởng thôn mới' });
    // The same again writes nothing.
    const again = await counts();
    ok(
      await fixture.stack.gql(
        SET,
        {
          input: {
            planId,
            villageId: 'V02949-13',
            role: 'VILLAGE_HEAD',
            fullName: 'Đinh Văn Thắng',
            phone: '0912345678',
          },
        },
        { token: officer },
      ),
    );
    expect(await counts()).toEqual(again);
  });

  it('records a certification, refuses to correct it without a reason, corrects it with one', async () => {
    const officer = await token('COMMUNE_OFFICER', 'C02949');
    const seat = { planId, villageId: 'V02949-08', role: 'VILLAGE_HEAD' };
    const first = ok(
      await fixture.stack.gql<{ recordKeyPersonCertification: Person }>(
        CERTIFY,
        { ...seat, certifiedOn: '2025-11-20' },
        { token: officer },
      ),
    ).recordKeyPersonCertification;
    expect(first).toMatchObject({ certifiedOn: '2025-11-20', change: 'CERTIFIED', current: true });

    const before = await counts();
    const refused = await fixture.stack.gql(CERTIFY, { ...seat, certifiedOn: '2025-11-21' }, { token: officer });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].message).toMatch(/đã có giấy chứng nhận ngày 20\/11\/2025; muốn sửa phải ghi lý do/);
    expect(await counts()).toEqual(before);

    const corrected = ok(
      await fixture.stack.gql<{ recordKeyPersonCertification: Person }>(
        CERTIFY,
        { ...seat, certifiedOn: '2025-11-18', reason: 'Ghi nhầm ngày trên giấy chứng nhận' },
        { token: officer },
      ),
    ).recordKeyPersonCertification;
    expect(corrected).toMatchObject({
      certifiedOn: '2025-11-18',
      change: 'CORRECTED',
      revision: first.revision + 1,
      fullName: first.fullName,
      phone: first.phone,
    });
    const history = (await baTo(officer, true)).keyPeople!.filter(
      (p) => p.village.id === 'V02949-08' && p.role === 'VILLAGE_HEAD',
    );
    expect(history.map((p) => [p.certifiedOn, p.change, p.current])).toEqual([
      [null, 'NAMED', false],
      ['2025-11-20', 'CERTIFIED', false],
      ['2025-11-18', 'CORRECTED', true],
    ]);
    const audit = await fixture.stack.sql<{
      operation: string;
      reason: string | null;
      before: { certifiedOn: string };
    }>(`select operation, reason, before from plans.audit_entry where target_id = $1 order by id`, [
      `${planId}:V02949-08:VILLAGE_HEAD`,
    ]);
    expect(audit.map((a) => [a.operation, a.reason, a.before.certifiedOn])).toEqual([
      ['recordKeyPersonCertification', null, null],
      ['recordKeyPersonCertification', 'Ghi nhầm ngày trên giấy chứng nhận', '2025-11-20'],
    ]);
    // The counts follow.
    expect((await baTo()).keyPeopleCertification[0]).toEqual({
      role: 'VILLAGE_HEAD',
      required: 14,
      named: 14,
      certified: 13,
    });
  });

  it('keeps one person in force when two officials name someone for the same role at once', async () => {
    const officer = await token('COMMUNE_OFFICER', 'C02949');
    const names = ['Võ Văn Tài', 'Lê Thị Hoa', 'Trần Minh Phúc', 'Huỳnh Thị Nga'];
    const results = await Promise.all(
      names.map((fullName) =>
        fixture.stack.gql<{ setKeyPerson: Person }>(
          SET,
          { input: { planId, villageId: 'V02949-11', role: 'PARTY_CELL_SECRETARY', fullName } },
          { token: officer },
        ),
      ),
    );
    const revisions = results.map((r) => ok(r).setKeyPerson.revision).sort();
    expect(new Set(revisions).size).toBe(names.length);
    const rows = await fixture.stack.sql<{ revision: number; current: boolean }>(
      `select revision, current from plans.key_person where plan_id = $1 and village_id = 'V02949-11'
         and role = 'PARTY_CELL_SECRETARY' order by revision`,
      [planId],
    );
    expect(rows.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.filter((r) => r.current).map((r) => r.revision)).toEqual([5]);
  });

  it('lets Quảng Ngãi’s province admin name someone in a village of the province', async () => {
    const res = await asAdmin<{ setKeyPerson: Person }>(SET, {
      input: {
        planId,
        villageId: 'V02949-03',
        role: 'FRONT_HEAD',
        fullName: 'Phạm Thị Lan',
        certifiedOn: '2025-11-03',
      },
    });
    expect(ok(res).setKeyPerson).toMatchObject({ change: 'REPLACED', certifiedOn: '2025-11-03', phone: null });
  });
});

describe('refusals write nothing', () => {
  const input = (over: Record<string, unknown> = {}) => ({
    input: { planId, villageId: 'V02949-05', role: 'PARTY_CELL_SECRETARY', fullName: 'Huỳnh Văn Sơn', ...over },
  });

  it.each([
    ['COMMUNE_OFFICER', 'C02032'],
    ['VILLAGE_REPORTER', 'V02949-05'],
    ['PROVINCE_VIEWER', 'P23'],
    ['PROVINCE_ADMIN', 'P04'],
  ] as const)('FORBIDDEN for %s %s', async (role, area) => {
    const before = await counts();
    const auth = { token: await token(role, area) };
    const set = await fixture.stack.gql(SET, input(), auth);
    expect(errorCode(set)).toBe('FORBIDDEN');
    expect(set.errors![0].message).toMatch(
      /^Không có quyền sửa kế hoạch cho xã C02949: việc này dành cho quản trị cấp tỉnh \(P23\) hoặc cán bộ xã \(C02949\)/,
    );
    const cert = await fixture.stack.gql(
      CERTIFY,
      { planId, villageId: 'V02949-05', role: 'PARTY_CELL_SECRETARY', certifiedOn: '2025-11-01', reason: 'x' },
      auth,
    );
    expect(errorCode(cert)).toBe('FORBIDDEN');
    expect(await counts()).toEqual(before);
  });

  it('UNAUTHENTICATED without a token', async () => {
    const before = await counts();
    expect(errorCode(await fixture.stack.gql(SET, input()))).toBe('UNAUTHENTICATED');
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unknown plan', { planId: 'c02949-khong-co' }, /Không tìm thấy kế hoạch/],
    ['an unknown village', { villageId: 'V02949-99' }, /Không tìm thấy thôn, tổ dân phố có mã "V02949-99"/],
    ['a unit instead of a village', { villageId: 'U02949-01' }, /Không tìm thấy thôn/],
  ])('NOT_FOUND for %s', async (_label, over, message) => {
    const before = await counts();
    const res = await asAdmin(SET, input(over));
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors![0].message).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['a village of another commune', { villageId: 'V02032-01' }, 'villageId', /không thuộc xã Ba Tô/],
    ['a bad phone', { phone: '091 234' }, 'phone', /^Số điện thoại "091 234" không hợp lệ/],
    ['a future certification date', { certifiedOn: '2099-01-01' }, 'certifiedOn', /không thể sau hôm nay/],
    ['a certification before the campaign', { certifiedOn: '2024-06-01' }, 'certifiedOn', /trước khi bắt đầu/],
    ['an empty name', { fullName: ' \u200b ' }, 'fullName', /^Họ và tên không được để trống/],
    ['a name too long', { fullName: 'Đinh '.repeat(50) }, 'fullName', /dài quá 200 ký tự/],
  ])('BAD_USER_INPUT for %s', async (_label, over, field, message) => {
    const before = await counts();
    const res = await asAdmin(SET, input(over));
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions?.field).toBe(field);
    expect(res.errors![0].message).toMatch(message);
    expect(res.errors![0].message).toMatch(/^[^(]+\(.+\)$/);
    expect(await counts()).toEqual(before);
  });

  it('BAD_USER_INPUT to certify a seat nobody holds, or a future date', async () => {
    const before = await counts();
    // Ngọk Bay's plan names village heads only.
    const ngokBay = ok(
      await asAdmin<{ commune: { plans: Array<{ id: string }> } }>(`{ commune(id: "C02032") { plans { id } } }`),
    ).commune.plans[0].id;
    const nobody = await asAdmin(CERTIFY, {
      planId: ngokBay,
      villageId: 'V02032-01',
      role: 'FRONT_HEAD',
      certifiedOn: '2025-11-01',
    });
    expect(errorCode(nobody)).toBe('BAD_USER_INPUT');
    expect(nobody.errors![0].message).toMatch(/^Chưa có ai được nhập cho Trưởng ban CTMT/);
    const future = await asAdmin(CERTIFY, {
      planId,
      villageId: 'V02949-10',
      role: 'FRONT_HEAD',
      certifiedOn: '2099-01-01',
    });
    expect(errorCode(future)).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });
});

interface Chase {
  commune: {
    reportingStatus: {
      reporters: Array<{
        status: string;
        village: {
          id: string;
          keyPeople: Array<{ role: string; fullName: string; phone: string | null }> | null;
        } | null;
      }>;
    };
  };
}
const CHASE = `query($id: ID!) { commune(id: $id) { reportingStatus(reportDate: "2025-11-21") { reporters { status
  village { id keyPeople { role fullName phone } } } } } }`;

describe('the Friday chase list', () => {
  it('gives the commune officer each village head’s phone, and a public caller none', async () => {
    const officer = ok(
      await fixture.stack.gql<Chase>(CHASE, { id: 'C02949' }, { token: await token('COMMUNE_OFFICER', 'C02949') }),
    );
    const villages = officer.commune.reportingStatus.reporters.filter((r) => r.village);
    expect(villages).toHaveLength(14);
    for (const r of villages) {
      const head = r.village!.keyPeople!.find((p) => p.role === 'VILLAGE_HEAD');
      expect(head?.phone).toMatch(/^0\d{9,10}$/);
    }
    const pub = ok(await fixture.stack.gql<Chase>(CHASE, { id: 'C02949' }));
    expect(pub.commune.reportingStatus.reporters.filter((r) => r.village).map((r) => r.village!.keyPeople)).toEqual(
      Array(14).fill(null),
    );
    const other = ok(
      await fixture.stack.gql<Chase>(CHASE, { id: 'C02949' }, { token: await token('COMMUNE_OFFICER', 'C02032') }),
    );
    expect(other.commune.reportingStatus.reporters.every((r) => !r.village?.keyPeople)).toBe(true);
  });

  it('reads the key people of every village in a constant number of statements', async () => {
    const auth = { token: await token('PROVINCE_ADMIN', 'P23') };
    const measure = async (id: string) => {
      fixture.stack.resetSqlCount();
      const data = ok(await fixture.stack.gql<Chase>(CHASE, { id }, auth));
      return {
        villages: data.commune.reportingStatus.reporters.filter((r) => r.village).length,
        named: data.commune.reportingStatus.reporters.filter((r) => r.village?.keyPeople?.length).length,
        statements: fixture.stack.sqlCount(),
      };
    };
    const baTo = await measure('C02949');
    const ngokBay = await measure('C02032');
    expect(baTo.villages).toBe(14);
    expect(ngokBay.villages).not.toBe(baTo.villages);
    expect(ngokBay.named).toBe(6);
    expect(baTo.statements).toBe(ngokBay.statements);
  });
});
