import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let admin: { token: string };
beforeAll(async () => {
  stack = await startTestStack();
  admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
});
afterAll(() => stack?.stop());

const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`;

describe('reporting completeness', () => {
  it('gives a commune its Friday chase list: on time, late, missing', async () => {
    const data = ok(
      await stack.gql<{
        commune: {
          reportingStatus: {
            onTime: number;
            late: number;
            missing: number;
            deadline: string;
            reporters: Array<{
              name: string;
              status: string;
              village: { id: string } | null;
              unit: { id: string } | null;
            }>;
          };
        };
      }>(
        `{ commune(id: "C02949") { reportingStatus(reportDate: "2025-11-07") { onTime late missing deadline reporters { name status village { id } unit { id } } } } }`,
      ),
    );
    const s = data.commune.reportingStatus;
    expect(s.deadline).toBe('2025-11-07T10:00:00.000Z'); // 17:00 in Vietnam
    const units = (
      await stack.sql<{ n: number }>(
        `select count(*)::int as n from reports.area where commune_id = 'C02949' and level in ('VILLAGE','UNIT')`,
      )
    )[0].n;
    expect(s.reporters).toHaveLength(units);
    expect(s.onTime + s.late + s.missing).toBe(units);
    expect(s.onTime).toBeGreaterThan(0);
    // Missing first, then late, then on time.
    const order = s.reporters.map((r) => ['MISSING', 'LATE', 'ON_TIME'].indexOf(r.status));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(s.reporters.filter((r) => r.village).length).toBe(14);
  });

  it('marks a report that arrives after the deadline LATE, and everyone else for that date MISSING', async () => {
    ok(
      await stack.gql(
        SUBMIT,
        {
          input: {
            reporterId: 'V02949-01',
            reportDate: '2025-12-19',
            groups: [{ group: 'RESIDENTS', registered: 500, completed: 100, certified: 50 }],
          },
        },
        admin,
      ),
    );
    const s = ok(
      await stack.gql<{
        commune: {
          reportingStatus: {
            onTime: number;
            late: number;
            missing: number;
            reporters: Array<{ status: string; village: { id: string } | null }>;
          };
        };
      }>(
        `{ commune(id: "C02949") { reportingStatus(reportDate: "2025-12-19") { onTime late missing reporters { status village { id } } } } }`,
      ),
    ).commune.reportingStatus;
    expect([s.onTime, s.late]).toEqual([0, 1]);
    expect(s.reporters.find((r) => r.village?.id === 'V02949-01')?.status).toBe('LATE');
    expect(s.missing).toBe(s.reporters.length - 1);
  });

  it('lists the communes that have not reported by a province deadline', async () => {
    const q = (deadline: string) =>
      stack.gql<{
        province: {
          reportingStatus: {
            onTime: number;
            missing: number;
            since: string;
            communes: Array<{ name: string; status: string; reportersReported: number; reportersTotal: number }>;
          };
        };
      }>(
        `{ province(code: "23") { reportingStatus(deadline: "${deadline}") { onTime missing since communes { name status reportersReported reportersTotal } } } }`,
      );
    const before20Nov = ok(await q('2025-11-20')).province.reportingStatus;
    expect(before20Nov.since).toBe('2025-11-13');
    expect(before20Nov.communes).toHaveLength(96);
    expect(before20Nov.onTime).toBe(96);
    const early = ok(await q('2025-10-25')).province.reportingStatus;
    expect(early.missing).toBe(96);
    expect(
      errorCode(
        await stack.gql(
          `{ province(code: "23") { reportingStatus(deadline: "2025-11-20", dueTime: "25:00") { onTime } } }`,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('chases by a directive’s own deadline: "before 20/11/2025" in letter 639/SKHCN (001 §8)', async () => {
    const directives = ok(
      await stack.gql<{ province: { directives: Array<{ id: string; number: string }> } }>(
        `{ province(code: "23") { directives { id number } } }`,
      ),
    ).province.directives;
    const letter = directives.find((d) => d.number.startsWith('639/'))!;
    const byLetter = ok(
      await stack.gql<{
        province: { reportingStatus: { deadline: string; since: string; onTime: number; communes: unknown[] } };
      }>(
        `query($d: ID!) { province(code: "23") { reportingStatus(directiveId: $d) { deadline since onTime communes { name } } } }`,
        { d: letter.id },
      ),
    ).province.reportingStatus;
    expect(byLetter.deadline).toBe('2025-11-19T17:00:00.000Z'); // 00:00 on 20/11 in Vietnam
    expect(byLetter.since).toBe('2025-11-13');
    expect(byLetter.communes).toHaveLength(96);
    // The dashboard's first chase, in the page's one query: the latest one-off deadline of the directives in force.
    const latest = ok(
      await stack.gql<{ province: { reportingStatus: { deadline: string; since: string } } }>(
        `{ province(code: "23") { reportingStatus(latest: true) { deadline since } } }`,
      ),
    ).province.reportingStatus;
    expect(latest.deadline >= byLetter.deadline).toBe(true);
    expect(latest.since).toBe(
      new Date(Date.parse(latest.deadline) + 7 * 3_600_000 - 7 * 86_400_000).toISOString().slice(0, 10),
    );
    expect(errorCode(await stack.gql(`{ province(code: "23") { reportingStatus { onTime } } }`))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(await stack.gql(`{ province(code: "23") { reportingStatus(directiveId: "nope") { onTime } } }`)),
    ).toBe('NOT_FOUND');
  });
});

describe('rewards', () => {
  it('evaluates Ba Tô’s rules for units, villages and people from the latest reports', async () => {
    const unit = (
      await stack.sql<{ id: string; staff: number }>(
        `select id, staff from reports.area where commune_id = 'C02949' and unit_type = 'POLICE'`,
      )
    )[0];
    const half = Math.ceil(unit.staff / 2);
    ok(
      await stack.gql(
        SUBMIT,
        {
          input: {
            reporterId: unit.id,
            reportDate: '2025-12-20',
            groups: [{ group: 'OFFICIALS', registered: unit.staff, completed: unit.staff, certified: unit.staff }],
            people: [
              ...Array.from({ length: half }, (_, i) => ({
                name: `Cán bộ ${i + 1}`,
                role: 'OFFICIAL',
                certified: true,
                guided: 12,
              })),
              { name: 'Người dân A', role: 'RESIDENT', certified: true, guided: 2 },
              { name: 'Người dân B', role: 'RESIDENT', certified: false, guided: 9 },
            ],
          },
        },
        admin,
      ),
    );
    const r = ok(
      await stack.gql<{
        commune: {
          rewards: {
            units: Array<{ unit: { id: string }; eligible: boolean; reason: string }>;
            villages: Array<{ eligible: boolean }>;
            people: Array<{ name: string; role: string; eligible: boolean }>;
          };
        };
      }>(
        `{ commune(id: "C02949") { rewards(asOf: "2025-12-20") { units { unit { id } eligible reason } villages { eligible } people { name role eligible } } } }`,
        {},
        { token: await stack.token('COMMUNE_OFFICER', 'C02949') },
      ),
    ).commune.rewards;
    const police = r.units.find((u) => u.unit.id === unit.id)!;
    expect(police.eligible).toBe(true);
    expect(police.reason).toContain('100%');
    expect(r.units.filter((u) => u.unit.id !== unit.id).every((u) => !u.eligible)).toBe(true);
    expect(r.villages).toHaveLength(14);
    expect(r.people.find((p) => p.name === 'Cán bộ 1')).toMatchObject({ role: 'OFFICIAL', eligible: true });
    expect(r.people.find((p) => p.name === 'Người dân A')?.eligible).toBe(true);
    expect(r.people.find((p) => p.name === 'Người dân B')?.eligible).toBe(false);
    // Names are personal data: not for anonymous callers, nor for another commune's officer.
    const q = `{ commune(id: "C02949") { rewards(asOf: "2025-12-20") { people { name } units { eligible } } } }`;
    for (const auth of [{}, { token: await stack.token('COMMUNE_OFFICER', 'C02762') }]) {
      const res = ok(await stack.gql<{ commune: { rewards: { people: unknown; units: unknown[] } } }>(q, {}, auth));
      expect(res.commune.rewards.people).toBeNull();
      expect(res.commune.rewards.units.length).toBeGreaterThan(0);
    }
  });

  it('proposes at most 10 of Ba Tô’s officials who meet its rule, in the stated order, and says so for the others', async () => {
    const unit = (
      await stack.sql<{ id: string; staff: number }>(
        `select id, staff from reports.area where commune_id = 'C02949' and level = 'UNIT' and unit_type <> 'POLICE' and unit_type <> 'DIGITAL_TEAM' order by id limit 1`,
      )
    )[0];
    ok(
      await stack.gql(
        SUBMIT,
        {
          input: {
            reporterId: unit.id,
            reportDate: '2025-12-21',
            groups: [{ group: 'OFFICIALS', registered: 12, completed: 12, certified: 12 }],
            people: Array.from({ length: 12 }, (_, i) => ({
              name: `Công chức ${String(i + 1).padStart(2, '0')}`,
              role: 'OFFICIAL',
              certified: true,
              guided: 20 + i,
            })),
          },
        },
        admin,
      ),
    );
    const { people } = ok(
      await stack.gql<{ commune: { rewards: { people: Array<{ name: string; eligible: boolean; reason: string }> } } }>(
        `{ commune(id: "C02949") { rewards(asOf: "2025-12-21") { people { name eligible reason } } } }`,
        {},
        { token: await stack.token('COMMUNE_OFFICER', 'C02949') },
      ),
    ).commune.rewards;
    const mine = people.filter((p) => p.name.startsWith('Công chức'));
    expect(mine).toHaveLength(12);
    const proposed = people.filter((p) => p.eligible && /trong số được đề xuất/.test(p.reason));
    expect(proposed.length).toBeLessThanOrEqual(10);
    // The two who guided fewest of these twelve (20 and 21) come after ten who guided more.
    for (const name of ['Công chức 01', 'Công chức 02'])
      expect(mine.find((p) => p.name === name)).toMatchObject({
        eligible: false,
        reason: expect.stringContaining('ngoài số lượng khen thưởng (5–10 cá nhân') as unknown,
      });
    expect(mine.find((p) => p.name === 'Công chức 12')?.reason).toContain('thứ 1 trong số được đề xuất');
  });

  it('judges another commune by its own plan’s rules, and one whose plan has none not at all', async () => {
    const unit = (
      await stack.sql<{ id: string; staff: number }>(
        `select id, staff from reports.area where commune_id = 'C01590' and level = 'UNIT' and staff >= 10
         and unit_type <> 'DIGITAL_TEAM' order by id limit 1`,
      )
    )[0];
    // 90% of its officials certified, nobody guiding: Khánh Cường's 90% rule is met, Ba Tô's 100% + 50% would not be.
    const certified = Math.ceil(unit.staff * 0.9);
    ok(
      await stack.gql(
        SUBMIT,
        {
          input: {
            reporterId: unit.id,
            reportDate: '2025-12-20',
            groups: [{ group: 'OFFICIALS', registered: unit.staff, completed: certified, certified }],
            people: [
              { name: 'Cán bộ X', role: 'OFFICIAL', certified: true, guided: 3 },
              { name: 'Người dân Y', role: 'RESIDENT', certified: true, guided: 9 },
            ],
          },
        },
        admin,
      ),
    );
    type R = {
      rulesState: string;
      note: string | null;
      document: string | null;
      rules: Array<{
        subject: string;
        minGuided: number | null;
        maxGuided: number | null;
        minAwardees: number | null;
        maxAwardees: number | null;
      }>;
      units: Array<{ unit: { id: string }; eligible: boolean; rule: string; share: number | null }>;
      villages: Array<{ eligible: boolean }>;
      people: Array<{ name: string; eligible: boolean; rule: string; guided: number | null }> | null;
    };
    const FIELDS = `rulesState note document rules { subject minGuided maxGuided minAwardees maxAwardees }
      units { unit { id } eligible rule share } villages { eligible } people { name eligible rule guided }`;
    const data = ok(
      await stack.gql<{ kc: { rewards: R }; nb: { rewards: R }; bt: { rewards: R } }>(
        `{ kc: commune(id: "C01590") { rewards(asOf: "2025-12-20") { ${FIELDS} } }
           nb: commune(id: "C02032") { rewards(asOf: "2025-12-20") { ${FIELDS} } }
           bt: commune(id: "C02949") { rewards(asOf: "2025-12-20") { ${FIELDS} } } }`,
        {},
        { token: await stack.token('PROVINCE_VIEWER', 'P23') },
      ),
    );
    const kc = data.kc.rewards;
    expect(kc).toMatchObject({ rulesState: 'FROM_PLAN', note: null, document: 'UBND-VHXH 10/2025' });
    expect(kc.units.find((u) => u.unit.id === unit.id)).toMatchObject({
      eligible: true,
      share: certified / unit.staff,
    });
    expect(kc.units.find((u) => u.unit.id === unit.id)?.rule).toContain('90%');
    // Its plan has no rule for residents: only the official is judged.
    expect(kc.people).toEqual([expect.objectContaining({ name: 'Cán bộ X', eligible: true, guided: 3 })]);
    expect(data.nb.rewards).toMatchObject({ rulesState: 'NO_RULES_IN_PLAN', document: null, rules: [] });
    expect(data.nb.rewards.note).toContain('chưa có tiêu chí khen thưởng');
    expect([data.nb.rewards.units, data.nb.rewards.villages, data.nb.rewards.people]).toEqual([[], [], []]);
    // Ba Tô: its plan's rules; its officials each guide at least 5, and 5 to 10 of them are rewarded (004 §4.1).
    expect(data.bt.rewards).toMatchObject({ rulesState: 'FROM_PLAN', document: 'UBND 10/2025' });
    expect(data.bt.rewards.rules.find((r) => r.subject === 'OFFICIAL')).toEqual({
      subject: 'OFFICIAL',
      minGuided: 5,
      maxGuided: null,
      minAwardees: 5,
      maxAwardees: 10,
    });
    expect(data.bt.rewards.people?.length).toBeGreaterThan(0);
  });
});
