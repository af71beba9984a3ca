import { provinceAdminFixture } from '../support/province-admin';
import { errorCode, ok } from '../support/stack';

const fixture = provinceAdminFixture([
  'directives.directive',
  'directives.directive_revision',
  'directives.outbox_event',
  'directives.audit_entry',
]);
const { asAdmin, counts, catchUpPlans } = fixture;

interface TargetRow {
  indicator: string;
  group: string;
  threshold: number;
  dueOn: string;
  strict: boolean;
  source: string;
  directiveId: string | null;
}

const ISSUE = `mutation($input: IssueDirectiveInput!) { issueDirective(input: $input) { id number title revision status targets { indicator group threshold dueOn } } }`;
const AMEND = `mutation($id: ID!, $changes: AmendDirectiveInput!, $reason: String!) { amendDirective(id: $id, changes: $changes, reason: $reason) { id title revision targets { threshold } } }`;
const WITHDRAW = `mutation($id: ID!, $reason: String!) { withdrawDirective(id: $id, reason: $reason, withdrawnOn: "2025-12-01") { id status revision withdrawnOn withdrawalReason } }`;

const weeklyLetter = (number: string) => ({
  provinceId: 'P23',
  number,
  kind: 'LETTER',
  title: 'Về việc báo cáo tiến độ hằng tuần',
  issuedOn: '2025-11-11',
  issuer: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
  addressedTo: ['COMMUNE', 'VILLAGE'],
  citesIds: ['125-kh-ubnd-2025'],
  targets: [{ indicator: 'CERTIFIED', group: 'RESIDENTS', threshold: 0.5, dueOn: '2025-12-31' }],
  reportingDeadlines: [
    {
      reporter: 'Các thôn, tổ dân phố',
      subject: 'Báo cáo kết quả',
      recurrence: 'WEEKLY',
      weekday: 5,
      dayPart: 'AFTERNOON',
    },
  ],
});

describe('province directives of the seed letters', () => {
  it('lists Quảng Ngãi’s directives, newest first, with targets, periods, deadlines and citations', async () => {
    const data = ok(
      await fixture.stack.gql<{
        province: {
          directives: Array<{
            id: string;
            number: string;
            kind: string;
            issuedOn: string;
            demo: boolean;
            targets: TargetRow[];
            campaignPeriods: Array<{ startsOn: string; endsOn: string }>;
            reportingDeadlines: Array<{ recurrence: string; dueOn: string; before: boolean; nextDueOn: string | null }>;
            cites: Array<{ number: string }>;
            citesNumbers: string[];
            province: { name: string };
          }>;
        };
      }>(`{ province(code: "23") { directives { id number kind issuedOn demo citesNumbers province { name }
            targets { indicator group threshold dueOn strict source directiveId }
            campaignPeriods { startsOn endsOn }
            reportingDeadlines { recurrence dueOn before nextDueOn(from: "2025-11-01") }
            cites { number } } } }`),
    );
    const list = data.province.directives;
    expect(list.map((d) => d.number)).toEqual([
      '2761/SKHCN-BCVT&CĐS',
      '2027/SKHCN-BCVT&CĐS',
      '639/SKHCN-BCVT&CĐS',
      '125/KH-UBND',
    ]);
    const [n2761, p2027, l639, p125] = list;
    // 125/KH-UBND is known through the letters that cite it; none states its targets. The 80% of adults is stated by
    // Khánh Cường implementing 2027/SKHCN (002 §3.2).
    expect(p125.targets).toEqual([]);
    expect(p125.citesNumbers).toContain('368-KH/TU');
    expect(p2027.targets.map((t) => [t.indicator, t.group, t.threshold, t.dueOn])).toEqual([
      ['JOINED', 'OFFICIALS', 1, '2025-11-10'],
      ['CERTIFIED', 'OFFICIALS', 1, '2025-11-10'],
      ['JOINED', 'RESIDENTS', 0.8, '2025-12-31'],
    ]);
    expect(p2027.campaignPeriods).toEqual([{ startsOn: '2025-10-10', endsOn: '2025-11-10' }]);
    expect(l639.targets[0]).toMatchObject({ indicator: 'DIGITAL_SIGNATURE', threshold: 0.5, strict: true });
    // "before 20/11/2025": the last day is the 19th.
    expect(l639.reportingDeadlines).toEqual([
      { recurrence: 'ONCE', dueOn: '2025-11-20', before: true, nextDueOn: '2025-11-19' },
    ]);
    expect(l639.cites.map((c) => c.number)).toEqual(['125/KH-UBND']);
    expect(n2761.cites.map((c) => c.number).sort()).toEqual(['125/KH-UBND', '2027/SKHCN-BCVT&CĐS']);
    // Reconstructed from the letters that cite them: marked demo.
    expect([n2761.demo, p2027.demo, l639.demo, p125.demo]).toEqual([true, true, false, false]);
    expect(p125.province.name).toBe('Quảng Ngãi');
  });

  it('carries the course and its certification rule as data', async () => {
    const data = ok(
      await fixture.stack.gql<{
        province: {
          course: {
            modules: Array<{ number: number; title: string }>;
            minContentShare: number;
            moduleQuizPassScore: number;
            moduleQuizQuestions: number;
            finalTestPassScore: number;
            finalTestQuestions: number;
          };
        };
      }>(
        `{ province(code: "23") { course { modules { number title } minContentShare moduleQuizPassScore moduleQuizQuestions finalTestPassScore finalTestQuestions } } }`,
      ),
    );
    const c = data.province.course;
    expect(c.modules).toHaveLength(5);
    expect(c.modules[0].title).toBe('Kiến thức số');
    expect([
      c.minContentShare,
      c.moduleQuizPassScore,
      c.moduleQuizQuestions,
      c.finalTestPassScore,
      c.finalTestQuestions,
    ]).toEqual([0.8, 4, 5, 21, 30]);
  });

  it('resolves directives by key for other subgraphs, batched in one statement', async () => {
    fixture.stack.resetSqlCount();
    const res = await fetch(fixture.stack.subgraphs.directives.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `query($r: [_Any!]!) { _entities(representations: $r) { ... on Directive { number } } }`,
        variables: {
          r: ['125-kh-ubnd-2025', '639-skhcn-bcvt-cds-2025', '2027-skhcn-bcvt-cds-2025'].map((id) => ({
            __typename: 'Directive',
            id,
          })),
        },
      }),
    });
    expect(((await res.json()) as { data: unknown }).data).toEqual({
      _entities: [{ number: '125/KH-UBND' }, { number: '639/SKHCN-BCVT&CĐS' }, { number: '2027/SKHCN-BCVT&CĐS' }],
    });
    expect(fixture.stack.subgraphs.directives.orm.sql.count).toBe(1);
  });
});

describe('issuing, amending and withdrawing', () => {
  it('issues a directive with a weekly Friday deadline, publishes it, and plans learns of it', async () => {
    const before = await counts();
    const issued = ok(
      await asAdmin<{ issueDirective: { id: string; revision: number; status: string } }>(ISSUE, {
        input: weeklyLetter('3001/SKHCN-BCVT&CĐS'),
      }),
    );
    expect(issued.issueDirective).toMatchObject({ revision: 1, status: 'IN_FORCE' });
    // The revision's event and its audit entry's event, and the audit entry.
    expect(await counts()).toEqual([before[0] + 1, before[1] + 1, before[2] + 2, before[3] + 1]);
    const id = issued.issueDirective.id;
    const data = ok(
      await fixture.stack.gql<{
        directive: {
          reportingDeadlines: Array<{ weekday: number; dayPart: string; nextDueOn: string }>;
          addressedTo: string[];
        };
      }>(
        `query($id: ID!) { directive(id: $id) { addressedTo reportingDeadlines { weekday dayPart nextDueOn(from: "2025-11-24") } } }`,
        { id },
      ),
    );
    expect(data.directive.addressedTo).toEqual(['COMMUNE', 'VILLAGE']);
    expect(data.directive.reportingDeadlines).toEqual([{ weekday: 5, dayPart: 'AFTERNOON', nextDueOn: '2025-11-28' }]);
    const events = await fixture.stack.sql<{ payload: { directiveId: string; revision: number; action: string } }>(
      `select payload from directives.outbox_event where topic = 'directive.changed' and payload->>'directiveId' = $1`,
      [id],
    );
    expect(events.map((e) => [e.payload.revision, e.payload.action])).toEqual([[1, 'ISSUED']]);
    await catchUpPlans();
    const copy = await fixture.stack.sql<{ status: string; revision: number }>(
      `select status, revision from plans.directive_projection where id = $1`,
      [id],
    );
    expect(copy).toEqual([{ status: 'IN_FORCE', revision: 1 }]);
  });

  it('amends as a new revision and keeps the old one readable; withdraws as one more', async () => {
    const { issueDirective: d } = ok(
      await asAdmin<{ issueDirective: { id: string } }>(ISSUE, { input: weeklyLetter('3002/SKHCN-BCVT&CĐS') }),
    );
    const amended = ok(
      await asAdmin<{ amendDirective: { title: string; revision: number; targets: Array<{ threshold: number }> } }>(
        AMEND,
        {
          id: d.id,
          changes: {
            title: 'Về việc báo cáo tiến độ hằng tuần (sửa đổi)',
            targets: [{ indicator: 'CERTIFIED', group: 'RESIDENTS', threshold: 0.6, dueOn: '2025-12-31' }],
          },
          reason: 'Nâng chỉ tiêu theo chỉ đạo của UBND tỉnh',
        },
      ),
    );
    expect(amended.amendDirective).toMatchObject({
      title: 'Về việc báo cáo tiến độ hằng tuần (sửa đổi)',
      revision: 2,
      targets: [{ threshold: 0.6 }],
    });
    const withdrawn = ok(
      await asAdmin<{ withdrawDirective: Record<string, unknown> }>(WITHDRAW, { id: d.id, reason: 'Ban hành nhầm' }),
    );
    expect(withdrawn.withdrawDirective).toMatchObject({
      status: 'WITHDRAWN',
      revision: 3,
      withdrawnOn: '2025-12-01',
      withdrawalReason: 'Ban hành nhầm',
    });

    const history = ok(
      await fixture.stack.gql<{
        directive: {
          revisions: Array<{
            revision: number;
            action: string;
            title: string;
            status: string;
            reason: string;
            targets: Array<{ threshold: number }>;
          }>;
          first: { title: string };
        };
      }>(
        `query($id: ID!) { directive(id: $id) { revisions { revision action title status reason targets { threshold } } first: revisionAt(revision: 1) { title } } }`,
        { id: d.id },
      ),
    );
    expect(history.directive.revisions.map((r) => [r.revision, r.action, r.status, r.targets[0].threshold])).toEqual([
      [1, 'ISSUED', 'IN_FORCE', 0.5],
      [2, 'AMENDED', 'IN_FORCE', 0.6],
      [3, 'WITHDRAWN', 'WITHDRAWN', 0.6],
    ]);
    expect(history.directive.first.title).toBe('Về việc báo cáo tiến độ hằng tuần');
    expect(history.directive.revisions[1].reason).toBe('Nâng chỉ tiêu theo chỉ đạo của UBND tỉnh');
    // Still listed for the province, but not among those in force.
    const listed = ok(
      await fixture.stack.gql<{ province: { all: Array<{ id: string }>; inForce: Array<{ id: string }> } }>(
        `{ province(code: "23") { all: directives { id } inForce: directives(inForceOnly: true) { id } } }`,
      ),
    );
    expect(listed.province.all.map((x) => x.id)).toContain(d.id);
    expect(listed.province.inForce.map((x) => x.id)).not.toContain(d.id);
    // A withdrawn directive is not amended again.
    const before = await counts();
    expect(errorCode(await asAdmin(AMEND, { id: d.id, changes: { title: 'x' }, reason: 'x' }))).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
  });

  it('records what a directive replaces', async () => {
    const { issueDirective: d } = ok(
      await asAdmin<{ issueDirective: { id: string } }>(ISSUE, {
        input: { ...weeklyLetter('3003/SKHCN-BCVT&CĐS'), replacesId: '639-skhcn-bcvt-cds-2025' },
      }),
    );
    const data = ok(
      await fixture.stack.gql<{
        directive: { replaces: { number: string }; replacedBy: unknown[] };
        old: { replacedBy: Array<{ id: string }> };
      }>(
        `query($id: ID!) { directive(id: $id) { replaces { number } replacedBy { id } } old: directive(id: "639-skhcn-bcvt-cds-2025") { replacedBy { id } } }`,
        { id: d.id },
      ),
    );
    expect(data.directive.replaces.number).toBe('639/SKHCN-BCVT&CĐS');
    expect(data.old.replacedBy.map((x) => x.id)).toContain(d.id);
  });
});

describe('bad input writes nothing', () => {
  it.each([
    [
      'a threshold above 1',
      { targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: 80, dueOn: '2025-12-31' }] },
      'targets[0].threshold',
      /Tỷ lệ chỉ tiêu phải từ 0 đến 1/,
    ],
    [
      'a negative threshold',
      { targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: -0.2, dueOn: '2025-12-31' }] },
      'targets[0].threshold',
      /từ 0 đến 1/,
    ],
    [
      'a due date before the issue date',
      { targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: 0.8, dueOn: '2025-10-01' }] },
      'targets[0].dueOn',
      /không thể trước ngày ban hành/,
    ],
    ['a duplicate directive number', { number: '125/KH-UBND' }, 'number', /đã có trong tỉnh/],
    ['an unknown cited directive', { citesIds: ['no-such-directive'] }, 'citesIds', /Không tìm thấy văn bản/],
    [
      'a weekly deadline without weekday',
      { reportingDeadlines: [{ reporter: 'Thôn', subject: 'Báo cáo', recurrence: 'WEEKLY' }] },
      'reportingDeadlines[0].weekday',
      /thứ Hai/,
    ],
    ['an empty title', { title: '  ' }, 'title', /không được để trống/],
  ])('refuses %s with BAD_USER_INPUT', async (_label, change, field, message) => {
    const before = await counts();
    const res = await asAdmin(ISSUE, { input: { ...weeklyLetter('4001/SKHCN'), ...change } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.field).toBe(field);
    expect(res.errors?.[0].message).toMatch(message);
    // Vietnamese first, English after it.
    expect(res.errors?.[0].message).toMatch(/^[^(]+\(.+\)$/);
    expect(await counts()).toEqual(before);
  });

  it('refuses an amendment to a threshold outside 0–1 and keeps the revision', async () => {
    const before = await counts();
    const res = await asAdmin(AMEND, {
      id: '125-kh-ubnd-2025',
      changes: { targets: [{ indicator: 'JOINED', group: 'RESIDENTS', threshold: 1.2, dueOn: '2025-12-31' }] },
      reason: 'Thử',
    });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(await counts()).toEqual(before);
    const d = ok(
      await fixture.stack.gql<{ directive: { revision: number } }>(
        `{ directive(id: "125-kh-ubnd-2025") { revision } }`,
      ),
    );
    expect(d.directive.revision).toBe(1);
  });

  it.each([
    ['directive', `{ directive(id: "nope") { id } }`],
    ['amendDirective', `mutation { amendDirective(id: "nope", changes: { title: "x" }, reason: "x") { id } }`],
    ['withdrawDirective', `mutation { withdrawDirective(id: "nope", reason: "x") { id } }`],
    [
      'issueDirective for an unknown province',
      `mutation { issueDirective(input: { provinceId: "X1", number: "1/X", kind: LETTER, title: "x", issuedOn: "2025-01-01", issuer: "x" }) { id } }`,
    ],
  ])('answers NOT_FOUND for an unknown id: %s', async (_label, query) => {
    const res = await asAdmin(query);
    expect(errorCode(res)).toBe('NOT_FOUND');
    expect(res.errors?.[0].message).toMatch(/Không tìm thấy/);
  });
});

describe('who may issue, amend and withdraw', () => {
  const AMEND_125 = { id: '125-kh-ubnd-2025', changes: { title: 'Sửa trái phép' }, reason: 'Thử quyền' };

  it.each([
    ['issueDirective', ISSUE, { input: weeklyLetter('6001/SKHCN') }],
    ['amendDirective', AMEND, AMEND_125],
    ['withdrawDirective', WITHDRAW, { id: '125-kh-ubnd-2025', reason: 'Thử quyền' }],
    ['amendDirective of an unknown directive', AMEND, { ...AMEND_125, id: 'nope' }],
  ])('answers an anonymous %s UNAUTHENTICATED and writes nothing', async (_label, query, variables) => {
    const before = await counts();
    const res = await fixture.stack.gql(query, variables);
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0].message).toMatch(/^Cần đăng nhập để ban hành chỉ đạo/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['PROVINCE_VIEWER', 'P23', 'issueDirective', ISSUE, { input: weeklyLetter('6002/SKHCN') }],
    ['COMMUNE_OFFICER', 'C02949', 'issueDirective', ISSUE, { input: weeklyLetter('6003/SKHCN') }],
    ['COMMUNE_OFFICER', 'C02949', 'amendDirective', AMEND, AMEND_125],
    ['PROVINCE_VIEWER', 'P23', 'withdrawDirective', WITHDRAW, { id: '125-kh-ubnd-2025', reason: 'Thử quyền' }],
    ['PROVINCE_ADMIN of another province', 'P04', 'issueDirective', ISSUE, { input: weeklyLetter('6004/SKHCN') }],
    ['PROVINCE_ADMIN of another province', 'P04', 'amendDirective', AMEND, AMEND_125],
  ])('refuses %s %s: %s is FORBIDDEN and writes nothing', async (role, area, _label, query, variables) => {
    const token = await fixture.stack.token(
      (role.startsWith('PROVINCE_ADMIN') ? 'PROVINCE_ADMIN' : role) as 'PROVINCE_VIEWER',
      area,
    );
    const before = await counts();
    const res = await fixture.stack.gql(query, variables, { token });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(res.errors?.[0].message).toMatch(
      /^Không có quyền ban hành chỉ đạo cho tỉnh P23: việc này dành cho quản trị cấp tỉnh \(P23\); tài khoản này là /,
    );
    expect(await counts()).toEqual(before);
    const d = ok(
      await fixture.stack.gql<{ directive: { revision: number; status: string } }>(
        `{ directive(id: "125-kh-ubnd-2025") { revision status } }`,
      ),
    );
    expect(d.directive).toEqual({ revision: 1, status: 'IN_FORCE' });
  });
});
