import { createHmac } from 'node:crypto';
import { errorCode, ok, startTestStack, type GraphQLResponse, type TestStack } from '../support/stack';
import { report } from '../support/report-input';

/**
 * Input edges (issue 11, item 8) through the gateway: control characters in any text (public search included),
 * names too long or invisible, implausible dates and tokens that live for a century are refused with a clear
 * code and a Vietnamese message, never a generic internal error, and nothing is written.
 */
let stack: TestStack;
let admin: { token: string };
beforeAll(async () => {
  stack = await startTestStack();
  admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
});
afterAll(() => stack?.stop());

const XA_RAU = 'V02949-08';
const SUBMIT = `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`;
const RECORD = `mutation($area: ID!, $p: PopulationInput!, $reason: String!) { recordPopulation(areaId: $area, population: $p, reason: $reason) { id } }`;
const SEARCH = `query($s: String) { communes(search: $s) { id } }`;
const APPROVE = `mutation($c: ID!, $d: Date!, $note: String) { approveReportingPeriod(communeId: $c, reportDate: $d, note: $note) { state } }`;
const ISSUE = `mutation($input: IssueDirectiveInput!) { issueDirective(input: $input) { id } }`;
const WITHDRAW = `mutation($id: ID!, $on: Date) { withdrawDirective(id: $id, reason: "Ban hành nhầm", withdrawnOn: $on) { status } }`;

async function rows() {
  const [r] = await stack.sql<Record<string, number>>(
    `select (select count(*) from reports.unit_report)::int as reports, (select count(*) from reports.report_person)::int as people,
            (select count(*) from registry.population_revision)::int as population, (select count(*) from reports.period_approval)::int as periods`,
  );
  return r;
}

function refused(res: GraphQLResponse<unknown>, code: string, message: RegExp) {
  expect(errorCode(res)).toBe(code);
  expect(res.errors![0].message).toMatch(message);
}

describe('control characters', () => {
  it.each([
    ['NUL in the public search', SEARCH, { s: 'ba\u0000to' }, /search/],
    ['BEL in a report note', SUBMIT, report([], 'ghi chú\u0007'), /input\.note/],
    ['NUL in a person’s name', SUBMIT, report([{ name: 'Hoa\u0000' }]), /input\.people\.0\.name/],
    [
      'ESC in a population reason',
      RECORD,
      { area: XA_RAU, p: { asOf: '2025-10-01', adults: 5 }, reason: 'x\u001b[31m' },
      /reason/,
    ],
    ['NUL in an approval note', APPROVE, { c: 'C02949', d: '2025-11-07', note: '\u0000' }, /note/],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_label, query, variables, field) => {
    const before = await rows();
    const res = await stack.gql(query, variables, admin);
    refused(res, 'BAD_USER_INPUT', /^Trường ".*" có ký tự điều khiển không hợp lệ \(U\+00[01][0-9A-F]\)/);
    expect(res.errors![0].message).toMatch(field);
    expect(await rows()).toEqual(before);
  });

  it('keeps line breaks and tabs in a note', async () => {
    const { submitUnitReport } = ok(
      await stack.gql<{ submitUnitReport: { id: string } }>(SUBMIT, report([], 'dòng 1\ndòng 2\tcột'), admin),
    );
    const [row] = await stack.sql<{ note: string }>('select note from reports.unit_report where id = $1', [
      Number(submitUnitReport.id),
    ]);
    expect(row.note).toBe('dòng 1\ndòng 2\tcột');
  });
});

describe('names', () => {
  it.each([
    ['201 characters', 'A'.repeat(201), /tối đa 200 ký tự/],
    ['only zero-width spaces', '\u200B\u200B\uFEFF', /Hãy nhập họ tên/],
    ['only spaces', '   ', /Hãy nhập họ tên/],
  ])('refuses a person’s name of %s', async (_label, name, message) => {
    const before = await rows();
    const res = await stack.gql(SUBMIT, report([{ name }]), admin);
    refused(res, 'BAD_USER_INPUT', message);
    expect(await rows()).toEqual(before);
  });

  it('stores a 200-character name', async () => {
    const { submitUnitReport } = ok(
      await stack.gql<{ submitUnitReport: { id: string } }>(SUBMIT, report([{ name: 'Ă'.repeat(200) }]), admin),
    );
    const people = await stack.sql<{ name: string }>('select name from reports.report_person where report_id = $1', [
      Number(submitUnitReport.id),
    ]);
    expect(people.map((p) => p.name)).toEqual(['Ă'.repeat(200)]);
  });
});

describe('dates', () => {
  it('refuses a population dated year 100 and accepts one from 2019', async () => {
    const before = await rows();
    const res = await stack.gql(
      RECORD,
      { area: XA_RAU, p: { asOf: '0100-06-01', adults: 5 }, reason: 'Điều tra' },
      admin,
    );
    refused(res, 'BAD_USER_INPUT', /^Ngày số liệu 01\/06\/0100 quá xa; .* từ ngày 01\/01\/2000 đến hôm nay/);
    expect(await rows()).toEqual(before);
    ok(
      await stack.gql(
        RECORD,
        { area: XA_RAU, p: { asOf: '2019-04-01', adults: 5 }, reason: 'Tổng điều tra 2019' },
        admin,
      ),
    );
  });

  it('refuses a withdrawal dated in 2030 and accepts one a month ahead', async () => {
    const issued = ok(
      await stack.gql<{ issueDirective: { id: string } }>(
        ISSUE,
        {
          input: {
            provinceId: 'P23',
            number: '77/TB-UBND',
            kind: 'LETTER',
            title: 'Thông báo thử',
            issuedOn: '2025-11-11',
            issuer: 'UBND tỉnh',
          },
        },
        admin,
      ),
    );
    const res = await stack.gql(WITHDRAW, { id: issued.issueDirective.id, on: '2030-01-01' }, admin);
    refused(res, 'BAD_USER_INPUT', /^Ngày thu hồi \(01\/01\/2030\) quá xa; chỉ được hẹn thu hồi trong 90 ngày tới/);
    const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(ok(await stack.gql(WITHDRAW, { id: issued.issueDirective.id, on: soon }, admin))).toEqual({
      withdrawDirective: { status: 'WITHDRAWN' },
    });
  });
});

describe('token lifetime', () => {
  const sign = (expInSeconds: number) => {
    const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(
      JSON.stringify({
        sub: 'long',
        iss: 'bdhvs-hub',
        role: 'PROVINCE_ADMIN',
        area: 'P23',
        exp: Math.floor(Date.now() / 1000) + expInSeconds,
      }),
    ).toString('base64url');
    return `${head}.${body}.${createHmac('sha256', stack.authSecret).update(`${head}.${body}`).digest('base64url')}`;
  };

  it('refuses a token valid for 100 years with 401 and accepts one valid for 29 days', async () => {
    const res = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sign(100 * 365 * 86_400)}` },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as GraphQLResponse<unknown>;
    refused(body, 'UNAUTHENTICATED', /^Mã truy cập có thời hạn quá dài \(tối đa 30 ngày\)/);
    ok(await stack.gql(`{ __typename }`, {}, { token: sign(29 * 86_400) }));
  });
});

describe('type errors', () => {
  it.each([
    [
      'a fraction for a count',
      { registered: 1.5 },
      /^Giá trị 1.5 của "input.groups\[0\].registered" không hợp lệ: phải là số nguyên \(/,
    ],
    [
      'an unknown group',
      { group: 'FOO' },
      /^Giá trị "FOO" của "input.groups\[0\].group" không hợp lệ: "FOO" không phải là giá trị được phép/,
    ],
  ])('answers %s Vietnamese first', async (_label, over, message) => {
    const input = report([]).input;
    const res = await stack.gql(SUBMIT, { input: { ...input, groups: [{ ...input.groups[0], ...over }] } }, admin);
    refused(res, 'BAD_USER_INPUT', message);
  });

  it('answers a wrong literal in the query text Vietnamese first', async () => {
    const res = await stack.gql(`{ auditLog(areaId: "P23", limit: 1.5) { id } }`, {}, admin);
    expect(res.errors![0].message).toMatch(/^Giá trị không hợp lệ: phải là số nguyên \(/);
  });
});
