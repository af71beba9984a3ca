/** A commune's periodic report through the gateway: drafting, submitting, returning, the province's follow-up. */
import JSZip from 'jszip';
import { DEMO_IDS } from '../../shared/vocabulary/demo';
import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

const BA_TO = 'C02949';
const OTHER = 'C02762';
const REQUEST = { directiveId: DEMO_IDS.letter639, dueOn: '2025-11-20' };
const FIELDS = `id status commune { id } directiveNumber dueOn deadline difficulties proposals submittedAt onTime reviewNote revision
  figures { asOf learners adults participationRate groups { group registered completed certified }
    villages { id name level formerCommune learners } rank { position outOf change } notReported { id name } }
  figureDifferences`;
const SAVE = `mutation($input: CommuneReportInput!) { saveCommuneReport(input: $input) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: Int!) { submitCommuneReport(id: $id) { ${FIELDS} } }`;
const RETURN = `mutation($id: Int!, $reason: String!) { returnCommuneReport(id: $id, reason: $reason) { id status reviewNote } }`;
const ACCEPT = `mutation($id: Int!) { acceptCommuneReport(id: $id) { id status } }`;
const FOLLOW_UP = `query { province(code: "23") { reportFollowUp(directiveId: "${REQUEST.directiveId}", dueOn: "${REQUEST.dueOn}") {
  directiveNumber dueOn onTime late draft missing communes { commune { id } name state status reportId firstSubmittedAt } } } }`;

interface Report {
  id: number;
  status: string;
  directiveNumber: string;
  difficulties: string | null;
  submittedAt: string | null;
  onTime: boolean | null;
  reviewNote: string | null;
  figures: {
    asOf: string;
    learners: number;
    groups: Array<{ group: string; registered: number }>;
    villages: Array<{ id: string; level: string; formerCommune: string | null; learners: number }>;
    rank: { position: number; outOf: number } | null;
    notReported: Array<{ id: string }>;
  };
  figureDifferences: string[];
}
const rows = async () =>
  await stack.sql<{ status: string; revision: number }>(`select status, revision from reports.commune_report`);
const input = (extra: Record<string, unknown> = {}) => ({ input: { communeId: BA_TO, ...REQUEST, ...extra } });

describe('a commune’s periodic report', () => {
  let officer: { token: string };
  let admin: { token: string };
  beforeAll(async () => {
    officer = { token: await stack.token('COMMUNE_OFFICER', BA_TO) };
    admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
  });

  it('refuses anonymous callers, another commune’s officer, an unknown commune and request, and writes nothing', async () => {
    expect(errorCode(await stack.gql(SAVE, input()))).toBe('UNAUTHENTICATED');
    const other = { token: await stack.token('COMMUNE_OFFICER', OTHER) };
    expect(errorCode(await stack.gql(SAVE, input(), other))).toBe('FORBIDDEN');
    expect(errorCode(await stack.gql(SAVE, input({ communeId: 'C99999' }), admin))).toBe('NOT_FOUND');
    expect(errorCode(await stack.gql(SAVE, input({ dueOn: '2025-11-21' }), officer))).toBe('BAD_USER_INPUT');
    expect(errorCode(await stack.gql(SAVE, input({ directiveId: 'no-such-letter' }), officer))).toBe('NOT_FOUND');
    expect(await rows()).toEqual([]);
  });

  let report: Report;
  it('drafts the figures from the hub’s data: groups, 14 villages with their former commune, rank, who has not reported', async () => {
    report = ok(
      await stack.gql<{ saveCommuneReport: Report }>(
        SAVE,
        input({ difficulties: 'Thiếu thiết bị', number: '45/BC-UBND' }),
        officer,
      ),
    ).saveCommuneReport;
    expect(report).toMatchObject({
      status: 'DRAFT',
      directiveNumber: '639/SKHCN-BCVT&CĐS',
      difficulties: 'Thiếu thiết bị',
    });
    expect(report.figures.asOf).toBe('2025-11-19');
    const api = ok(
      await stack.gql<{ commune: { progress: { learners: number }; rank: { position: number; outOf: number } } }>(
        `query { commune(id: "${BA_TO}") { progress(asOf: "2025-11-19") { learners } rank(asOf: "2025-11-19") { position outOf } } }`,
      ),
    ).commune;
    expect(report.figures.learners).toBe(api.progress.learners);
    expect(report.figures.rank).toMatchObject(api.rank);
    expect(report.figures.groups.map((g) => g.group)).toEqual(['OFFICIALS', 'RESIDENTS', 'STUDENTS', 'WORKERS']);
    const villages = report.figures.villages.filter((v) => v.level === 'VILLAGE');
    expect(villages).toHaveLength(14);
    expect(villages.every((v) => v.formerCommune)).toBe(true);
    expect(report.figureDifferences).toEqual([]);
  });

  it('submits once, freezes the figures, and refuses a second submission and edits', async () => {
    const submitted = ok(
      await stack.gql<{ submitCommuneReport: Report }>(SUBMIT, { id: report.id }, officer),
    ).submitCommuneReport;
    expect(submitted.status).toBe('SUBMITTED');
    expect(submitted.submittedAt).toBeTruthy();
    expect(submitted.onTime).toBe(false); // the clock is past 20/11/2025
    const before = await rows();
    expect(errorCode(await stack.gql(SUBMIT, { id: report.id }, officer))).toBe('BAD_USER_INPUT');
    expect(errorCode(await stack.gql(SAVE, input({ proposals: 'x' }), officer))).toBe('BAD_USER_INPUT');
    expect(errorCode(await stack.gql(SUBMIT, { id: 999999 }, officer))).toBe('NOT_FOUND');
    expect(await rows()).toEqual(before);
  });

  it('shows when today’s figures differ from the submitted ones', async () => {
    await stack.sql(`update reports.commune_report set figures = jsonb_set(figures, '{learners}', '1') where id = $1`, [
      report.id,
    ]);
    const read = ok(
      await stack.gql<{ communeReport: Report }>(
        `query($id: Int!) { communeReport(id: $id) { ${FIELDS} } }`,
        { id: report.id },
        officer,
      ),
    ).communeReport;
    expect(read.figures.learners).toBe(1);
    expect(read.figureDifferences[0]).toMatch(/^Số người tham gia: 1 khi gửi, nay \d+/);
    expect(
      errorCode(
        await stack.gql(
          `query { communeReport(id: ${report.id}) { id } }`,
          {},
          {
            token: await stack.token('COMMUNE_OFFICER', OTHER),
          },
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('is returned only by the province, with a reason; then edited and resubmitted, and accepted', async () => {
    expect(errorCode(await stack.gql(RETURN, { id: report.id, reason: 'Thiếu số liệu' }, officer))).toBe('FORBIDDEN');
    expect(errorCode(await stack.gql(RETURN, { id: report.id, reason: ' ' }, admin))).toBe('BAD_USER_INPUT');
    const returned = ok(
      await stack.gql<{ returnCommuneReport: Report }>(
        RETURN,
        { id: report.id, reason: 'Thiếu số liệu khối đơn vị' },
        admin,
      ),
    ).returnCommuneReport;
    expect(returned).toMatchObject({ status: 'RETURNED', reviewNote: 'Thiếu số liệu khối đơn vị' });
    const edited = ok(
      await stack.gql<{ saveCommuneReport: Report }>(SAVE, input({ proposals: 'Hỗ trợ thiết bị' }), officer),
    ).saveCommuneReport;
    expect(edited.status).toBe('RETURNED');
    const again = ok(
      await stack.gql<{ submitCommuneReport: Report }>(SUBMIT, { id: report.id }, officer),
    ).submitCommuneReport;
    expect(again.status).toBe('SUBMITTED');
    expect(again.figureDifferences).toEqual([]);
    expect(
      ok(await stack.gql<{ acceptCommuneReport: Report }>(ACCEPT, { id: report.id }, admin)).acceptCommuneReport.status,
    ).toBe('ACCEPTED');
  });

  it('records every step in the audit trail through the outbox', async () => {
    const audit = await stack.sql<{ operation: string }>(
      `select operation from reports.audit_entry where target_type = 'CommuneReport' order by id`,
    );
    expect(audit.map((a) => a.operation)).toEqual([
      'saveCommuneReport',
      'submitCommuneReport',
      'returnCommuneReport',
      'saveCommuneReport',
      'submitCommuneReport',
      'acceptCommuneReport',
    ]);
    const events = await stack.sql<{ n: string }>(
      `select count(*) as n from reports.outbox_event where payload->>'targetType' = 'CommuneReport'`,
    );
    expect(Number(events[0].n)).toBe(6);
  });

  it('lets the province see who submitted for the request, late or on time, and who did not', async () => {
    const [f] = ok(
      await stack.gql<{
        province: {
          reportFollowUp: Array<{
            late: number;
            onTime: number;
            missing: number;
            communes: Array<{ commune: { id: string }; state: string; status: string | null; reportId: number | null }>;
          }>;
        };
      }>(FOLLOW_UP),
    ).province.reportFollowUp;
    expect(f.communes).toHaveLength(96);
    expect(f).toMatchObject({ late: 1, onTime: 0, missing: 95 });
    expect(f.communes.find((c) => c.commune.id === BA_TO)).toMatchObject({
      state: 'LATE',
      status: 'ACCEPTED',
      reportId: report.id,
    });
  });

  it('downloads as a .docx with the administrative layout, within the caller’s area only', async () => {
    const base = stack.gateway.url.replace(/\/graphql$/, '');
    const path = `${base}/export/commune/${BA_TO}/report/${report.id}.docx`;
    const get = (url: string, token?: string) =>
      fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const res = await get(path, officer.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'UBND XÃ BA TÔ',
      'Số: 45/BC-UBND',
      'Kính gửi',
      '639/SKHCN-BCVT&amp;CĐS',
      'KHÓ KHĂN, VƯỚNG MẮC',
      'Thiếu thiết bị',
      'Hỗ trợ thiết bị',
      'TM. ỦY BAN NHÂN DÂN',
      'Thực hiện kế hoạch và chỉ tiêu',
    ])
      expect(text).toContain(expected);
    // Section I's date line says how many of Ba Tô's 14 villages have figures of the newest date.
    expect(text).toMatch(
      /I\. KẾT QUẢ THỰC HIỆN \(số liệu đến ngày \d{2}\/\d{2}\/\d{4}; \d+\/14 thôn có số liệu ngày \d{2}\/\d{2}\/\d{4}\)/,
    );
    // The officer who sent it is named as the sender, not as the Chairman who signs.
    const signature = text.slice(text.indexOf('CHỦ TỊCH'));
    expect(signature).toMatch(/^CHỦ TỊCH\(Người gửi trên hệ thống: [^)]+\)/);
    // The targets table is as of the report's figures date, as section I is, in officials' words: each target's
    // result, due date and letter are the API's targetStatus on that date; no code reaches the page.
    const { commune } = ok(
      await stack.gql<{
        commune: { targetStatus: Array<{ value: number | null; dueOn: string; document: string | null }> };
      }>(`query($d: Date!) { commune(id: "${BA_TO}") { targetStatus(asOf: $d) { value dueOn document } } }`, {
        d: report.figures.asOf,
      }),
    );
    expect(commune.targetStatus.length).toBeGreaterThan(0);
    for (const t of commune.targetStatus) {
      expect(text).toContain(t.dueOn.split('-').reverse().join('/'));
      expect(text).toContain((t.document ?? 'chưa rõ số văn bản').replace(/&/g, '&amp;'));
      if (t.value !== null) expect(text).toContain(`${(t.value * 100).toFixed(2).replace('.', ',')}%`);
    }
    expect(text).not.toMatch(
      /\b(JOINED|COMPLETED|CERTIFIED|DIGITAL_SIGNATURE|VNEID_CONFIRMED|VNEID_SKILLS|RESIDENTS|OFFICIALS|STUDENTS|WORKERS|NOT_MEASURED|ON_TRACK|AT_RISK|CHECK_FIGURES)\b/,
    );
    // Tasks and sessions come from the plans subgraph through the gateway, in the same operation.
    expect(text).toMatch(/Kế hoạch: [^;]+; đã hoàn thành [1-9]\d*\/\d+ nhiệm vụ; đã tổ chức [1-9]\d* buổi/);
    expect((await get(path)).status).toBe(401);
    expect((await get(path, await stack.token('COMMUNE_OFFICER', OTHER))).status).toBe(403);
    expect((await get(`${base}/export/commune/${OTHER}/report/${report.id}.docx`, admin.token)).status).toBe(404);
    expect((await get(`${base}/export/commune/${BA_TO}/report/999999.docx`, admin.token)).status).toBe(404);
  });

  it('states the targets frozen at its submission: a later village report moves today’s view, not the report', async () => {
    interface Row {
      indicator: string;
      group: string;
      dueOn: string;
      value: number | null;
      status: string;
    }
    const ROW = 'indicator group dueOn value status';
    const read = () =>
      stack.gql<{ communeReport: { targetStatus: Row[] | null }; commune: { targetStatus: Row[] } }>(
        `query($id: Int!, $d: Date!) { communeReport(id: $id) { targetStatus { ${ROW} } }
           commune(id: "${BA_TO}") { targetStatus(asOf: $d) { ${ROW} } } }`,
        { id: report.id, d: report.figures.asOf },
        admin,
      );
    // Plans freezes the targets in force a moment after the submission.
    const before = await eventually(
      async () => ok(await read()),
      (r) => expect(r.communeReport.targetStatus).not.toBeNull(),
    );
    expect(before.communeReport.targetStatus).toEqual(before.commune.targetStatus);
    const residents = (rows: Row[]) => rows.find((t) => t.group === 'RESIDENTS' && t.indicator === 'JOINED')!.value;
    // A village reports late for a day before the figures' date, with many more learners.
    const dayBefore = new Date(Date.parse(`${report.figures.asOf}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    ok(
      await stack.gql(
        `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
        {
          input: {
            reporterId: 'V02949-05',
            reportDate: dayBefore,
            groups: [{ group: 'RESIDENTS', registered: 3_000, completed: 0, certified: 0 }],
          },
        },
        admin,
      ),
    );
    const after = await eventually(
      async () => ok(await read()),
      (r) => expect(residents(r.commune.targetStatus)).not.toBe(residents(before.commune.targetStatus)),
    );
    expect(after.communeReport.targetStatus).toEqual(before.communeReport.targetStatus);
    // The .docx states the frozen figure, not today's view of that date.
    const base = stack.gateway.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/export/commune/${BA_TO}/report/${report.id}.docx`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const text = (
      await (await JSZip.loadAsync(await res.arrayBuffer())).file('word/document.xml')!.async('string')
    ).replace(/<[^>]+>/g, '');
    const percent = (v: number | null) => `${((v ?? 0) * 100).toFixed(2).replace('.', ',')}%`;
    expect(text).toContain(percent(residents(before.communeReport.targetStatus!)));
    expect(text).not.toContain(percent(residents(after.commune.targetStatus)));
  });
});

describe('SQL statements of the follow-up and the reports of every commune', () => {
  const ALL = `query { province(code: "23") { reportFollowUp { communes { state reportId } }
    communes { id communeReports { id status figures { learners } } } } }`;
  async function measure(): Promise<{ reports: number; statements: number }> {
    const admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
    stack.resetSqlCount();
    const data = ok(await stack.gql<{ province: { communes: Array<{ communeReports: unknown[] }> } }>(ALL, {}, admin));
    return {
      reports: data.province.communes.reduce((n, c) => n + c.communeReports.length, 0),
      statements: stack.sqlCount(),
    };
  }

  it('do not grow with the number of reports or communes', async () => {
    await measure(); // warm the snapshots, as a running hub has them
    const few = await measure();
    await stack.sql(
      `insert into reports.commune_report (commune_id, province_id, directive_id, due_on, status, figures, submitted_at, first_submitted_at)
       select id, province_id, $1, '2025-11-20', 'SUBMITTED', '{"asOf":"2025-11-19","learners":1,"adults":null,"participationRate":null,"figuresDate":null,"groups":[],"villages":[],"rank":null,"notReported":[]}', now(), now()
         from reports.area where level = 'COMMUNE' and province_id = 'P23' and id <> 'C02949' order by id limit 40`,
      [REQUEST.directiveId],
    );
    const many = await measure();
    expect(many.reports).toBe(few.reports + 40);
    expect(many.statements).toBe(few.statements);
    // 11 when measured (all four subgraphs): a handful, not one per commune or report.
    expect(few.statements).toBeGreaterThan(0);
    expect(few.statements).toBeLessThanOrEqual(15);
  });
});
