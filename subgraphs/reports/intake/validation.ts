/** Checks of a village's or unit's report before anything is written. Plain functions: no GraphQL, no ORM. */
import { isIsoDate, viDate, type IsoDate } from '../../../shared/pure/dates';
import { BadInputError, bilingual, viNumber } from '../../../shared/pure/errors';
import { cleanText, isBlank } from '../../../shared/pure/text';
import { CAMPAIGN_START } from '../approval/rules';
import { GROUPS, emptyFigures, type Figures, type Group } from '../progress/rules';
import { ADULT_MEASURES, groupInSentence, REPORT_MEASURE_VI, REPORT_MEASURES } from '../../../shared/pure/values';
import { count } from './count';
import { checkStudentLevels, type StudentLevelFigures } from './student-levels';
export { checkStudentLevels, type StudentLevelFigures } from './student-levels';

export { CAMPAIGN_START } from '../approval/rules';
// A retry's content compared with the first report's (idempotency keys): idempotency.ts.
export { checkRetryMatches, contentOfInput, contentOfRow, type SubmissionContent } from './idempotency';
/** The column of a person's name (report_person.name). */
export const MAX_PERSON_NAME = 200;

/**
 * The people one report may name (for rewards: officials and residents who certified or guided others). A village
 * has some 670 adults (Ba Tô: 9,412 in 14 villages) and a reward list names a few of them; 200 is far above any real
 * list while one report can no longer write 1,500 rows. REPORT_MAX_PEOPLE raises it for an unusually large unit.
 */
export function maxPeoplePerReport(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.REPORT_MAX_PEOPLE?.trim();
  if (!raw) return 200;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`REPORT_MAX_PEOPLE must be a whole number ≥ 1; got "${raw}"`);
  return n;
}
export const MAX_PEOPLE_PER_REPORT = maxPeoplePerReport();

export interface GroupInput {
  group: Group;
  registered: number;
  completed: number;
  certified: number;
}

export interface PersonInputShape {
  name: string;
  role: 'OFFICIAL' | 'RESIDENT';
  certified: boolean;
  guided: number;
}

export interface ReportInputShape {
  reportDate: IsoDate;
  groups: GroupInput[];
  guidedResidents?: number | null;
  digitalSignatures?: number | null;
  vneidConfirmed?: number | null;
  vneidSkills?: number | null;
  studentLevels?: StudentLevelFigures[] | null;
  people?: PersonInputShape[] | null;
  note?: string | null;
  idempotencyKey?: string | null;
}

/** Validates a report and returns its figures per group (groups not given count zero). */
export function validateReport(input: ReportInputShape, today: IsoDate): Figures {
  if (!isIsoDate(input.reportDate))
    throw new BadInputError(bilingual('Ngày báo cáo không hợp lệ', 'reportDate is not a valid date'), 'reportDate');
  if (input.reportDate > today) {
    throw new BadInputError(
      bilingual(
        `Ngày báo cáo ${viDate(input.reportDate)} ở tương lai; chỉ báo cáo số liệu đến hôm nay (${viDate(today)})`,
        'the report date is in the future',
      ),
      'reportDate',
    );
  }
  if (input.reportDate < CAMPAIGN_START) {
    throw new BadInputError(
      bilingual(
        `Ngày báo cáo ${input.reportDate} trước khi phong trào bắt đầu (${CAMPAIGN_START})`,
        'the report date is before the campaign',
      ),
      'reportDate',
    );
  }
  if (input.groups.length === 0)
    throw new BadInputError(
      bilingual('Báo cáo cần số liệu của ít nhất một nhóm', 'at least one group is required'),
      'groups',
    );
  const figures = emptyFigures();
  const seen = new Set<Group>();
  for (const g of input.groups) {
    if (!GROUPS.includes(g.group))
      throw new BadInputError(bilingual(`Nhóm "${g.group}" không hợp lệ`, 'unknown group'), 'groups');
    if (seen.has(g.group))
      throw new BadInputError(
        bilingual(`Nhóm ${groupInSentence(g.group)} được nhập hai lần`, `group ${g.group} appears twice`),
        `groups.${g.group}`,
      );
    seen.add(g.group);
    const vi = groupInSentence(g.group);
    count(g.registered, `Số ${vi} đã đăng ký`, `groups.${g.group}.registered`);
    count(g.completed, `Số ${vi} đã hoàn thành 5 chuyên đề`, `groups.${g.group}.completed`);
    count(g.certified, `Số ${vi} đã được cấp chứng nhận`, `groups.${g.group}.certified`);
    if (g.completed > g.registered) {
      throw new BadInputError(
        bilingual(
          `Số ${vi} hoàn thành (${viNumber(g.completed)}) không thể lớn hơn số đã đăng ký (${viNumber(g.registered)})`,
          'completed cannot exceed registered',
        ),
        `groups.${g.group}.completed`,
      );
    }
    if (g.certified > g.completed) {
      throw new BadInputError(
        bilingual(
          `Số ${vi} được cấp chứng nhận (${viNumber(g.certified)}) không thể lớn hơn số đã hoàn thành (${viNumber(g.completed)})`,
          'certified cannot exceed completed',
        ),
        `groups.${g.group}.certified`,
      );
    }
    figures[g.group] = { registered: g.registered, completed: g.completed, certified: g.certified };
  }
  // The form names these as the API does (shared/pure/values' REPORT_MEASURE_VI) and checks them the same way.
  for (const m of REPORT_MEASURES) {
    const value = input[m];
    if (value != null) count(value, REPORT_MEASURE_VI[m], m);
  }
  checkStudentLevels(input.studentLevels ?? [], figures.STUDENTS);
  const named = (input.people ?? []).length;
  if (named > MAX_PEOPLE_PER_REPORT)
    throw new BadInputError(
      bilingual(
        `Một báo cáo chỉ được nêu tối đa ${viNumber(MAX_PEOPLE_PER_REPORT)} người (đang nêu ${viNumber(named)}); hãy chỉ nêu những người đề nghị khen thưởng`,
        `a report names at most ${MAX_PEOPLE_PER_REPORT} people`,
      ),
      'people',
    );
  for (const [i, p] of (input.people ?? []).entries()) {
    if (isBlank(p.name))
      throw new BadInputError(
        bilingual('Hãy nhập họ tên người được đề nghị khen thưởng', 'a person needs a name'),
        `people.${i}.name`,
      );
    if (cleanText(p.name).length > MAX_PERSON_NAME)
      throw new BadInputError(
        bilingual(
          `Họ tên người thứ ${i + 1} dài ${cleanText(p.name).length} ký tự; tối đa ${MAX_PERSON_NAME} ký tự`,
          `a person's name is at most ${MAX_PERSON_NAME} characters`,
        ),
        `people.${i}.name`,
      );
    count(p.guided, `Số người ${p.name} đã hướng dẫn`, `people.${i}.guided`);
  }
  if ((input.note ?? '').length > 1000)
    throw new BadInputError(bilingual('Ghi chú quá dài (tối đa 1000 ký tự)', 'note is too long'), 'note');
  if (
    input.idempotencyKey !== undefined &&
    input.idempotencyKey !== null &&
    !/^[\w.:-]{8,100}$/.test(input.idempotencyKey)
  ) {
    throw new BadInputError(
      bilingual(
        'Mã chống gửi trùng không hợp lệ (8–100 ký tự chữ, số, - _ . :)',
        'idempotencyKey must be 8–100 of [A-Za-z0-9_.:-]',
      ),
      'idempotencyKey',
    );
  }
  return figures;
}

/**
 * Registered above the group's known population is accepted (the registry's figure may be out of date) and
 * flagged as an anomaly the commune must resolve, rather than rejected: a village that really reached everyone
 * should never be blocked by a stale census.
 */
export function findAnomalies(
  figures: Figures,
  limits: { adults?: number | null; staff?: number | null; students?: number | null },
): string[] {
  const out: string[] = [];
  const nonOfficials = figures.RESIDENTS.registered + figures.WORKERS.registered;
  if (limits.adults != null && nonOfficials > limits.adults) {
    out.push(
      bilingual(
        `Số người dân đăng ký (${viNumber(nonOfficials)}) vượt số người trưởng thành (${viNumber(limits.adults)}); xã cần rà soát`,
        'registered residents exceed adults',
      ),
    );
  }
  if (limits.staff != null && figures.OFFICIALS.registered > limits.staff) {
    out.push(
      bilingual(
        `Số CBCCVC đăng ký (${viNumber(figures.OFFICIALS.registered)}) vượt biên chế của đơn vị (${viNumber(limits.staff)}); xã cần rà soát`,
        'registered officials exceed staff',
      ),
    );
  }
  if (limits.students != null && figures.STUDENTS.registered > limits.students) {
    out.push(
      bilingual(
        `Số học sinh đăng ký (${viNumber(figures.STUDENTS.registered)}) vượt số học sinh (${viNumber(limits.students)}); xã cần rà soát`,
        'registered students exceed students',
      ),
    );
  }
  return out;
}

/**
 * The adult measures (digital signature, VNeID level-2 account, digital skills confirmed on VNeID) are counts of the
 * reporter's adults (a unit: its staff): never above them. Unlike registrations, which may outrun a stale census, a stated share above 100% is refused.
 */
export function checkAdultMeasures(
  input: Pick<ReportInputShape, 'digitalSignatures' | 'vneidConfirmed' | 'vneidSkills'>,
  adults: number | null | undefined,
): void {
  if (adults == null) return;
  for (const field of ADULT_MEASURES) {
    const value = input[field as keyof typeof input];
    if (value != null && value > adults)
      throw new BadInputError(
        bilingual(
          `${REPORT_MEASURE_VI[field]} (${viNumber(value)}) không thể lớn hơn số người trưởng thành (${viNumber(adults)})`,
          `${field} cannot exceed adults`,
        ),
        field,
      );
  }
}
