/**
 * The deadlines of a commune's plan that name kinds of unit (issue 24, item 4): Ba Tô's letter of 27/10/2025 asks the
 * schools for their results before 05/11 and the digital teams by 07/11; the commune page chases those units.
 */
import { todayInVietnam } from '../../shared/pure/dates';
import { eventually } from '../support/wait';
import { ok, startTestStack, type TestStack } from '../support/stack';

const BA_TO = 'C02949';
let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack?.stop());

interface Status {
  deadline: { reporter: string; dueOn: string; before: boolean; document: string; citation: string | null };
  since: string;
  due: string;
  onTime: number;
  late: number;
  missing: number;
  reporters: Array<{ name: string; status: string; unit: { id: string } | null }>;
}
const STATUS = `query { commune(id: "${BA_TO}") {
  units { id name type }
  unitDeadlines { reporterTypes dueOn }
  unitDeadlineStatus { deadline { reporter dueOn before document citation } since due onTime late missing
    reporters { name status unit { id } } } } }`;
type Answer = {
  commune: {
    units: Array<{ id: string; name: string; type: string }>;
    unitDeadlines: Array<{ reporterTypes: string[]; dueOn: string }>;
    unitDeadlineStatus: Status[];
  };
};
const read = async () => ok(await stack.gql<Answer>(STATUS)).commune;

it('lists each deadline with the commune’s units of the kinds it names, dated from the plan', async () => {
  const c = await read();
  expect(c.unitDeadlines).toEqual([
    { reporterTypes: ['SCHOOL'], dueOn: '2025-11-05' },
    { reporterTypes: ['DIGITAL_TEAM'], dueOn: '2025-11-07' },
  ]);
  const [schools, teams] = c.unitDeadlineStatus;
  expect(schools.deadline).toMatchObject({ reporter: 'Hiệu trưởng các trường học', before: true });
  expect(schools.since).toBe('2025-10-27');
  // "Trước ngày 05/11": the last day is the 4th, so a report must arrive before 00:00 of the 5th, Vietnam time.
  expect(schools.due).toBe('2025-11-04T17:00:00.000Z');
  const names = (type: string) =>
    c.units
      .filter((u) => u.type === type)
      .map((u) => u.id)
      .sort();
  expect(schools.reporters.map((r) => r.unit!.id).sort()).toEqual(names('SCHOOL'));
  expect(teams.reporters.map((r) => r.unit!.id).sort()).toEqual(names('DIGITAL_TEAM'));
  expect(names('SCHOOL').length).toBeGreaterThan(0);
  for (const s of [schools, teams]) expect(s.onTime + s.late + s.missing).toBe(s.reporters.length);
});

it('a school added to the commune is chased; its report within the window counts, late or on time by when it came', async () => {
  const officer = { token: await stack.token('COMMUNE_OFFICER', BA_TO) };
  const name = 'Trường Tiểu học Thử Nghiệm';
  const { addUnit } = ok(
    await stack.gql<{ addUnit: { id: string } }>(
      `mutation($c: ID!, $u: NewUnitInput!) { addUnit(communeId: $c, unit: $u) { id } }`,
      { c: BA_TO, u: { name, type: 'SCHOOL', staff: 12, effectiveOn: todayInVietnam() } },
      officer,
    ),
  );
  const state = async () =>
    (await read()).unitDeadlineStatus[0].reporters.find((r) => r.unit?.id === addUnit.id)?.status;
  await eventually(state, (s) => expect(s).toBe('MISSING'));

  const admin = { token: await stack.token('PROVINCE_ADMIN', 'P23') };
  ok(
    await stack.gql(
      `mutation($input: UnitReportInput!) { submitUnitReport(input: $input) { id } }`,
      {
        input: {
          reporterId: addUnit.id,
          reportDate: '2025-11-03',
          groups: [{ group: 'OFFICIALS', registered: 12, completed: 10, certified: 9 }],
        },
      },
      admin,
    ),
  );
  // Sent today, long after 04/11/2025: late. A report a day after the last day would not count at all.
  expect(await state()).toBe('LATE');
  // As if it had come on 03/11 (the submission instant set in the database): on time.
  await stack.sql(`update reports.unit_report set submitted_at = '2025-11-03T09:00:00+07:00' where reporter_id = $1`, [
    addUnit.id,
  ]);
  expect(await state()).toBe('ON_TIME');
});
