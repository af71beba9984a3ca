/**
 * The plain data of directives and plans: targets, campaign periods, reporting deadlines, the course rule.
 * No GraphQL or ORM import: these shapes travel in JSON columns, in outbox events and through the rules.
 * The plans subgraph uses the same shapes (it imports this module, never the directives' tables).
 */
import type { IsoDate } from '../common/dates';

export const INDICATORS = ['JOINED', 'COMPLETED', 'CERTIFIED', 'DIGITAL_SIGNATURE', 'VNEID_CONFIRMED'] as const;
export type IndicatorName = (typeof INDICATORS)[number];

export const POPULATION_GROUPS = ['OFFICIALS', 'RESIDENTS', 'STUDENTS', 'WORKERS'] as const;
export type PopulationGroupName = (typeof POPULATION_GROUPS)[number];

/** A target (chỉ tiêu): a share of a population group reaching a stage by a date. 0.8 = 80%. */
export interface TargetData {
  indicator: IndicatorName;
  group: PopulationGroupName;
  threshold: number;
  dueOn: IsoDate;
  /** True when the letter says "over" (trên 50%) rather than "at least" (ít nhất 80%). */
  strict?: boolean;
  /** The wording of the letter, e.g. "người dân trong độ tuổi trưởng thành". */
  note?: string | null;
}

/** A campaign period, e.g. the peak (đợt cao điểm) 10/10/2025 – 10/11/2025. */
export interface PeriodData {
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

export type Recurrence = 'ONCE' | 'WEEKLY';
export type DayPart = 'MORNING' | 'AFTERNOON' | 'EVENING';

/** A reporting deadline: once (before 20/11/2025) or recurring (every Friday afternoon). */
export interface DeadlineData {
  /** Who reports, in the letter's words (e.g. "Các thôn, tổ dân phố"). */
  reporter: string;
  /** What is reported (e.g. "Báo cáo kết quả thực hiện"). */
  subject: string;
  recurrence: Recurrence;
  /** ONCE: the last day. */
  dueOn?: IsoDate | null;
  /** ONCE: true when the letter says "before" (trước ngày), so the last day is the day before. */
  before?: boolean | null;
  /** WEEKLY: ISO weekday, 1 = Monday … 5 = Friday … 7 = Sunday. */
  weekday?: number | null;
  dayPart?: DayPart | null;
  /** WEEKLY: the first and last day the recurrence applies (optional). */
  startsOn?: IsoDate | null;
  endsOn?: IsoDate | null;
}

export interface CourseModuleData {
  number: number;
  title: string;
}

/** The course and its certification rule, as the province letters state it. */
export interface CourseData {
  name: string;
  url: string;
  modules: CourseModuleData[];
  /** Share of each module's content to complete (0.8). */
  minContentShare: number;
  /** Each module's quiz: at least 4 of 5. */
  moduleQuizPassScore: number;
  moduleQuizQuestions: number;
  /** The final test: at least 21 of 30 (70%). */
  finalTestPassScore: number;
  finalTestQuestions: number;
}

export type DirectiveKindName = 'LETTER' | 'PLAN' | 'NOTICE' | 'DECISION' | 'RESOLUTION';
export type AdministrativeLevelName = 'PROVINCE' | 'COMMUNE' | 'VILLAGE' | 'UNIT';
export type DirectiveStatusName = 'IN_FORCE' | 'WITHDRAWN';

/** The content of a directive: what each revision snapshots. */
export interface DirectiveContent {
  number: string;
  kind: DirectiveKindName;
  title: string;
  issuedOn: IsoDate;
  issuer: string;
  addressedTo: AdministrativeLevelName[];
  citesIds: string[];
  /** Other documents it cites that are not in the system, by number (e.g. "368-KH/TU"). */
  citesNumbers: string[];
  replacesId: string | null;
  replacesNumber: string | null;
  targets: TargetData[];
  campaignPeriods: PeriodData[];
  reportingDeadlines: DeadlineData[];
  course: CourseData | null;
}

/** The course of the Quảng Ngãi portal (letters 639/SKHCN, 2027/SKHCN and the commune letters). */
export const QUANG_NGAI_COURSE: CourseData = {
  name: 'Bồi dưỡng kỹ năng số trên nền tảng trực tuyến Bình dân học vụ số tỉnh Quảng Ngãi',
  url: 'https://binhdanhocvuso.quangngai.gov.vn',
  modules: [
    { number: 1, title: 'Kiến thức số' },
    { number: 2, title: 'Sử dụng thiết bị số và phần mềm' },
    { number: 3, title: 'Khai thác thông tin và dữ liệu số' },
    { number: 4, title: 'Giao tiếp và hợp tác trên môi trường số' },
    { number: 5, title: 'Sáng tạo nội dung số' },
  ],
  minContentShare: 0.8,
  moduleQuizPassScore: 4,
  moduleQuizQuestions: 5,
  finalTestPassScore: 21,
  finalTestQuestions: 30,
};
