import { errorCode, logTo, ok, startTestStack, type GraphQLResponse, type TestStack } from '../support/stack';
import { report } from '../support/report-input';

/**
 * Data at the edge and in the logs (issue 21, item 6) through the gateway: text PostgreSQL refuses or a reader is
 * fooled by, names with nothing visible, a failed statement's log line, directives dated in the future or
 * numbered `!!!`, and a report naming more people than a village has to name.
 */
const lines: string[] = [];
let stack: TestStack;
let admin: { token: string };
let officer: { token: string };
beforeAll(async () => {
  logTo({ write: (line: string) => void lines.push(line) }, 'info');
  stack = await startTestStack();
  admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
  officer = { token: await stack.token('COMMUNE_OFFICER', 'C02949') };
});
afterAll(async () => {
  await stack?.stop();
  logTo(null);
});

const XA_RAU = 'V02949-08';
const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`;
const ISSUE = `mutation($input: IssueDirectiveInput!) { issueDirective(input: $input) { id number } }`;
const SET_PERSON = `mutation($input: SetKeyPersonInput!) { setKeyPerson(input: $input) { fullName } }`;
const SEARCH = `query($s: String) { communes(search: $s) { id } }`;
const PLANS = `{ commune(id: "C02949") { plans { id number } } }`;

const letter = (over: Record<string, unknown> = {}) => ({
  input: {
    provinceId: 'P23',
    number: '88/SKHCN-BCVT',
    kind: 'LETTER',
    title: 'Về việc báo cáo thử',
    issuedOn: '2025-11-11',
    issuer: 'Sở Khoa học và Công nghệ tỉnh Quảng Ngãi',
    ...over,
  },
});

let planId = '';
const keyPerson = (fullName: string) => ({
  input: { planId, villageId: 'V02949-13', role: 'VILLAGE_HEAD', fullName, reason: 'Thôn bầu trưởng thôn mới' },
});

async function rows() {
  const [r] = await stack.sql<Record<string, number>>(
    `select (select count(*) from reports.unit_report)::int as reports, (select count(*) from reports.report_person)::int as people,
            (select count(*) from directives.directive)::int as directives, (select count(*) from plans.key_person)::int as "keyPeople"`,
  );
  return r;
}

function refused(res: GraphQLResponse<unknown>, field: RegExp, message: RegExp) {
  expect(errorCode(res)).toBe('BAD_USER_INPUT');
  expect(res.errors![0].message).toMatch(message);
  expect(String(res.errors![0].extensions?.field ?? res.errors![0].message)).toMatch(field);
}

describe('text the database refuses or a reader is fooled by', () => {
  beforeAll(async () => {
    const plans = ok(
      await stack.gql<{ commune: { plans: Array<{ id: string; number: string }> } }>(PLANS, {}, officer),
    );
    planId = plans.commune.plans.find((p) => p.number === '76/KH-UBND')!.id;
  });

  it.each([
    ['a lone surrogate in a report note', SUBMIT, () => report([], 'ghi chú \ud800'), /input\.note/, 'officer'],
    [
      'a lone surrogate in a directive title',
      ISSUE,
      () => letter({ title: 'Kế hoạch \udc00' }),
      /input\.title/,
      'admin',
    ],
    [
      'a lone surrogate in a village head’s name',
      SET_PERSON,
      () => keyPerson('Đinh \ud83d Thắng'),
      /input\.fullName/,
      'officer',
    ],
    ['a lone surrogate in the public search', SEARCH, () => ({ s: '\ud800' }), /^search$/, 'anonymous'],
    [
      'a right-to-left override in a person’s name',
      SUBMIT,
      () => report([{ name: '\u202Eabc' }]),
      /input\.people\.0\.name/,
      'officer',
    ],
    ['an isolate in a directive issuer', ISSUE, () => letter({ issuer: 'UBND\u2066 tỉnh' }), /input\.issuer/, 'admin'],
  ])('refuses %s with BAD_USER_INPUT naming the field, not an internal error', async (_l, query, vars, field, who) => {
    const before = await rows();
    const auth = who === 'admin' ? admin : who === 'officer' ? officer : {};
    const res = await stack.gql(query, vars(), auth);
    refused(res, field, /^Trường ".*" có ký tự (không hợp lệ|đảo chiều văn bản) \(U\+[0-9A-F]{4}/);
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['only a right-to-left override', '\u202E'],
    ['only Hangul fillers', '\u3164\u3164'],
    ['only combining marks', '\u0301\u0303'],
    ['only a word joiner and a right-to-left mark', '\u2060\u200F'],
  ])('refuses a name of %s in a report and for a village head', async (_l, name) => {
    const before = await rows();
    expect(errorCode(await stack.gql(SUBMIT, report([{ name }]), officer))).toBe('BAD_USER_INPUT');
    expect(errorCode(await stack.gql(SET_PERSON, keyPerson(name), officer))).toBe('BAD_USER_INPUT');
    expect(errorCode(await stack.gql(ISSUE, letter({ title: name }), admin))).toBe('BAD_USER_INPUT');
    expect(await rows()).toEqual(before);
  });

  it('keeps an emoji and decomposed Vietnamese', async () => {
    const { submitUnitReport } = ok(
      await stack.gql<{ submitUnitReport: { id: string } }>(
        SUBMIT,
        report([{ name: 'Ba To\u0302' }], 'xong 👍'),
        officer,
      ),
    );
    const id = Number(submitUnitReport.id);
    const [row] = await stack.sql<{ note: string }>('select note from reports.unit_report where id = $1', [id]);
    const people = await stack.sql<{ name: string }>('select name from reports.report_person where report_id = $1', [
      id,
    ]);
    expect(row.note).toBe('xong 👍');
    // Stored as sent or in composed form (NFC): either way the same name, not a mangled one.
    expect(people.map((p) => p.name.normalize('NFC'))).toEqual(['Ba Tô']);
  });
});

describe('a failed statement in the log', () => {
  it('logs the error code, the statement and the request id, without the values or the SQL', async () => {
    // A refusal no rule knows about, so the insert reaches PostgreSQL and fails there (an internal error).
    await stack.sql(
      `alter table reports.unit_report add constraint forced_failure check (note is null or note not like 'boom%')`,
    );
    try {
      const res = await fetch(stack.gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${officer.token}`,
          'x-request-id': 'forced-failure-1',
        },
        body: JSON.stringify({
          query: SUBMIT,
          variables: report([{ name: 'Hồ Thị Bí Mật' }], 'boom: gọi 0912 345 678'),
        }),
      });
      const body = (await res.json()) as GraphQLResponse<unknown>;
      expect(errorCode(body)).toBe('INTERNAL_SERVER_ERROR');
      const mine = lines.filter((l) => l.includes('forced-failure-1'));
      const failure = mine.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.level === 'error');
      expect(failure).toMatchObject({ service: 'reports', requestId: 'forced-failure-1', msg: 'internal error' });
      expect(failure!.err).toMatchObject({ sqlState: '23514', statement: 'insert reports.unit_report' });
      const text = lines.join('\n');
      for (const secret of ['0912 345 678', 'Bí Mật', 'boom', XA_RAU, 'values (', 'Failing row'])
        expect(text).not.toContain(secret);
    } finally {
      await stack.sql(`alter table reports.unit_report drop constraint forced_failure`);
    }
  });
});

describe('directive dates and numbers', () => {
  it.each([
    ['dated 2030', { issuedOn: '2030-01-01' }, /issuedOn/, /^Ngày ban hành \(01\/01\/2030\) ở tương lai/],
    ['numbered !!!', { number: '!!!' }, /number/, /^Số văn bản "!!!" không đúng dạng;.*125\/KH-UBND/],
    ['numbered without a slash', { number: 'KH-UBND' }, /number/, /không đúng dạng/],
    [
      'with a deadline in 2099',
      {
        reportingDeadlines: [{ reporter: 'UBND xã', subject: 'Tiến độ', recurrence: 'ONCE', dueOn: '2099-01-01' }],
      },
      /reportingDeadlines\[0\]\.dueOn/,
      /quá xa/,
    ],
  ])('refuses a directive %s', async (_l, over, field, message) => {
    const before = await rows();
    const res = await stack.gql(ISSUE, letter(over), admin);
    refused(res, field, message);
    expect(await rows()).toEqual(before);
  });

  it('accepts the letters’ own forms of number', async () => {
    const res = ok(
      await stack.gql<{ issueDirective: { id: string; number: string } }>(
        ISSUE,
        letter({ number: '12/2025/QĐ-UBND' }),
        admin,
      ),
    );
    expect(res.issueDirective.id).toBe('12-2025-qd-ubnd-2025');
  });
});

describe('people named in one report', () => {
  // Short names keep 1,000 people under the gateway's 100 KB body limit (1,500 with longer names are refused there).
  const many = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `N${i + 1}` }));

  it('refuses 1,000 people and 201, and takes 200', async () => {
    for (const n of [1000, 201]) {
      const before = await rows();
      const res = await stack.gql(SUBMIT, report(many(n)), officer);
      refused(res, /^people$/, /^Một báo cáo chỉ được nêu tối đa 200 người/);
      expect(await rows()).toEqual(before);
    }
    ok(await stack.gql(SUBMIT, report(many(200)), officer));
  });
});
