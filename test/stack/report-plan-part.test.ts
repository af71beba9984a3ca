/**
 * The plan part of a commune report (sessions held, tasks done) is frozen by plans when the report is submitted
 * (reports' outbox event), stays as submitted when a task changes afterwards, is frozen again on resubmission, and
 * is what the .docx states.
 */
import JSZip from 'jszip';
import { DEMO_IDS } from '../../shared/vocabulary/demo';
import { eventually } from '../support/browser';
import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let base: string;
beforeAll(async () => {
  stack = await startTestStack();
  base = stack.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => stack?.stop());

interface Line {
  number: string;
  tasksDone: number;
  tasksTotal: number;
  sessionsHeld: number;
}
interface KeyPeople {
  roles: Array<{ role: string; required: number; named: number; certified: number }>;
  missing: Array<{ villageId: string; role: string; fullName: string | null }> | null;
  line: string;
}
interface Read {
  communeReport: {
    revision: number;
    figures: { asOf: string };
    planPart: { asOf: string; plans: Line[]; keyPeople: KeyPeople | null } | null;
  };
  commune: {
    plans: Array<{ number: string; tasks: Array<{ id: string; status: string }>; sessions: Array<{ heldOn: string }> }>;
  };
}
const READ = `query($id: Int!) { communeReport(id: $id) { revision figures { asOf } planPart { asOf plans { number tasksDone tasksTotal sessionsHeld }
    keyPeople { roles { role required named certified } missing { villageId role fullName } line } } }
  commune(id: "C02949") { plans { number tasks { id status } sessions { heldOn } } } }`;

/** Today's plan part, counted from the plans' own fields, in the report's order (oldest plan first). */
const live = (r: Read, asOf: string): Line[] =>
  [...r.commune.plans].reverse().map((p) => {
    const tasks = p.tasks.filter((t) => t.status !== 'CANCELLED');
    return {
      number: p.number,
      tasksDone: tasks.filter((t) => t.status === 'DONE').length,
      tasksTotal: tasks.length,
      sessionsHeld: p.sessions.filter((s) => s.heldOn <= asOf).length,
    };
  });

async function docxText(id: number, token: string): Promise<string> {
  const res = await fetch(`${base}/export/commune/C02949/report/${id}.docx`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(await res.arrayBuffer());
  return (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
}

it('freezes sessions held and tasks done at submission; a later task change shows only after resubmitting', async () => {
  const officer = await stack.token('COMMUNE_OFFICER', 'C02949');
  const admin = await stack.token('PROVINCE_ADMIN', 'P23');
  let id = 0;
  const read = async () => ok(await stack.gql<Read>(READ, { id }, { token: officer }));
  const { saveCommuneReport } = ok(
    await stack.gql<{ saveCommuneReport: { id: number } }>(
      `mutation($input: CommuneReportInput!) { saveCommuneReport(input: $input) { id } }`,
      { input: { communeId: 'C02949', directiveId: DEMO_IDS.letter639, dueOn: '2025-11-20' } },
      { token: officer },
    ),
  );
  id = saveCommuneReport.id;
  expect((await read()).communeReport.planPart).toBeNull(); // a draft has no frozen plan part

  // Nothing unnumbered goes up the line: the number first, then the submission.
  const unnumbered = await stack.gql(
    `mutation($id: Int!) { submitCommuneReport(id: $id) { id } }`,
    { id },
    { token: officer },
  );
  expect(errorCode(unnumbered)).toBe('BAD_USER_INPUT');
  expect(unnumbered.errors?.[0].extensions?.field).toBe('number');
  expect(unnumbered.errors?.[0].message).toMatch(/^Hãy nhập số văn bản của báo cáo/);
  ok(
    await stack.gql(
      `mutation($input: CommuneReportInput!) { saveCommuneReport(input: $input) { id } }`,
      { input: { communeId: 'C02949', directiveId: DEMO_IDS.letter639, dueOn: '2025-11-20', number: '51/BC-UBND' } },
      { token: officer },
    ),
  );
  ok(await stack.gql(`mutation($id: Int!) { submitCommuneReport(id: $id) { id } }`, { id }, { token: officer }));
  const first = await eventually(read, (r) => expect(r.communeReport.planPart).not.toBeNull());
  const asOf = first.communeReport.figures.asOf;
  expect(first.communeReport.planPart!.asOf).toBe(asOf);
  const frozen = first.communeReport.planPart!.plans;
  expect(
    frozen.map(({ number, tasksDone, tasksTotal, sessionsHeld }) => ({ number, tasksDone, tasksTotal, sessionsHeld })),
  ).toEqual(live(first, asOf));
  expect(frozen.reduce((n, l) => n + l.tasksTotal, 0)).toBeGreaterThan(0);

  // A task not yet done is marked done: today's count moves, the submitted report keeps its frozen part.
  const open = first.commune.plans
    .flatMap((p) => p.tasks)
    .find((t) => t.status === 'TODO' || t.status === 'IN_PROGRESS')!;
  expect(open).toBeDefined();
  ok(
    await stack.gql(
      `mutation($t: ID!) { setTaskStatus(taskId: $t, status: DONE) { id } }`,
      { t: open.id },
      { token: officer },
    ),
  );
  const after = await read();
  const doneNow = live(after, asOf).reduce((n, l) => n + l.tasksDone, 0);
  const doneFrozen = frozen.reduce((n, l) => n + l.tasksDone, 0);
  expect(doneNow).toBe(doneFrozen + 1);
  expect(after.communeReport.planPart!.plans).toEqual(frozen);
  const total = frozen.reduce((n, l) => n + l.tasksTotal, 0);
  const text = await docxText(id, officer);
  expect(text).toContain(`đã hoàn thành ${doneFrozen}/${total} nhiệm vụ`);
  expect(text).toContain('số liệu kế hoạch khi gửi báo cáo');

  // The key people's certification is frozen too: Xà Râu's village head (demo: not yet certified) is listed, and
  // recording the certificate now changes today's counts, not the submitted report's.
  const keyPeople = first.communeReport.planPart!.keyPeople!;
  const heads = keyPeople.roles.find((r) => r.role === 'VILLAGE_HEAD')!;
  expect(heads).toMatchObject({ required: 14, named: 14 });
  expect(keyPeople.roles.map((r) => r.role)).toEqual(['VILLAGE_HEAD', 'PARTY_CELL_SECRETARY', 'FRONT_HEAD']);
  const xaRau = keyPeople.missing!.find((m) => m.villageId === 'V02949-08' && m.role === 'VILLAGE_HEAD')!;
  expect(xaRau.fullName).toBeTruthy();
  expect(keyPeople.line).toMatch(
    new RegExp(
      `^Cán bộ chủ chốt thôn hoàn thành và có giấy chứng nhận: Trưởng thôn ${heads.certified}/14, .*; chưa có: .*Trưởng thôn Xà Râu \\(${xaRau.fullName}\\)`,
    ),
  );
  expect(text).toContain(keyPeople.line);
  const planId = (
    await stack.sql<{ id: string }>(
      `select id from plans.commune_plan where commune_id = 'C02949' and number = '76/KH-UBND'`,
    )
  )[0].id;
  ok(
    await stack.gql(
      `mutation($p: ID!, $d: Date) { recordKeyPersonCertification(planId: $p, villageId: "V02949-08", role: VILLAGE_HEAD, certifiedOn: $d) { id } }`,
      { p: planId, d: asOf },
      { token: officer },
    ),
  );
  expect((await read()).communeReport.planPart!.keyPeople).toEqual(keyPeople);

  // Returned and resubmitted: frozen again, with the task now done.
  ok(
    await stack.gql(
      `mutation($id: Int!) { returnCommuneReport(id: $id, reason: "Bổ sung số liệu") { id } }`,
      { id },
      { token: admin },
    ),
  );
  ok(await stack.gql(`mutation($id: Int!) { submitCommuneReport(id: $id) { id } }`, { id }, { token: officer }));
  await eventually(read, (r) =>
    expect(r.communeReport.planPart!.plans.reduce((n, l) => n + l.tasksDone, 0)).toBe(doneFrozen + 1),
  );
  const resubmitted = await docxText(id, officer);
  expect(resubmitted).toContain(`đã hoàn thành ${doneFrozen + 1}/${total} nhiệm vụ`);
  // Frozen again: Xà Râu's head now counts as certified.
  const again = (await read()).communeReport.planPart!.keyPeople!;
  expect(again.roles.find((r) => r.role === 'VILLAGE_HEAD')!.certified).toBe(heads.certified + 1);
  expect(again.missing!.some((m) => m.villageId === 'V02949-08' && m.role === 'VILLAGE_HEAD')).toBe(false);
  expect(resubmitted).toContain(again.line);
});
