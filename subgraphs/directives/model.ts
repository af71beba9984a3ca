/**
 * The plain data of directives: their content and the course rule. No GraphQL or ORM import: these shapes travel
 * in JSON columns, in outbox events and through the rules. Targets, periods and deadlines, which commune plans
 * state too, are shared/vocabulary/model.ts.
 */
import type { IsoDate } from '../../shared/pure/dates';
import type { AreaLevelName } from '../../shared/vocabulary/enums';
export type { DirectiveStatusName } from '../../shared/vocabulary/enums';
import type { DeadlineData, PeriodData, TargetData } from '../../shared/vocabulary/model';

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
/** The levels a directive is addressed to: the area levels. */
export type AdministrativeLevelName = AreaLevelName;

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
