/**
 * The plain data of targets, campaign periods and reporting deadlines, as directives and commune plans state them.
 * No GraphQL or ORM import: these shapes travel in JSON columns, in outbox events and through the rules.
 */
import type { IsoDate } from '../pure/dates';
import type {
  DayPartName,
  IndicatorName,
  PopulationGroupName,
  RecurrenceName,
  RewardSubjectName,
  StudentLevelName,
  UnitTypeName,
} from './enums';

/**
 * Where an item of a letter comes from: a citation (the letter and its section, e.g. "004_677c41495f04c64c.txt §4.1"
 * for the seed letters, "Mục 3.2" for a letter an official enters) or, for demo data the letters do not give, a
 * mark that it is illustrative (dữ liệu minh họa). Pages and exports show both.
 */
export interface Provenance {
  citation?: string | null;
  /** True for demo data no letter states (invented or completed by the system). */
  demo?: boolean | null;
}

/** A target (chỉ tiêu): a share of a population group reaching a stage by a date. 0.8 = 80%. */
export interface TargetData extends Provenance {
  indicator: IndicatorName;
  group: PopulationGroupName;
  threshold: number;
  dueOn: IsoDate;
  /** True when the letter says "over" (trên 50%) rather than "at least" (ít nhất 80%). */
  strict?: boolean;
  /** The wording of the letter, e.g. "người dân trong độ tuổi trưởng thành". */
  note?: string | null;
  /**
   * STUDENTS only: the school levels counted ("học sinh trung học": LOWER_SECONDARY and UPPER_SECONDARY), measured
   * over the students the schools state for those levels; absent: every student of the area.
   */
  studentLevels?: StudentLevelName[] | null;
}

/** A campaign period, e.g. the peak (đợt cao điểm) 10/10/2025 – 10/11/2025. */
export interface PeriodData {
  name: string;
  startsOn: IsoDate;
  endsOn: IsoDate;
}

/** A reporting deadline: once (before 20/11/2025) or recurring (every Friday afternoon). */
export interface DeadlineData extends Provenance {
  /** Who reports, in the letter's words (e.g. "Các thôn, tổ dân phố"). */
  reporter: string;
  /** What is reported (e.g. "Báo cáo kết quả thực hiện"). */
  subject: string;
  recurrence: RecurrenceName;
  /** ONCE: the last day. */
  dueOn?: IsoDate | null;
  /** ONCE: true when the letter says "before" (trước ngày), so the last day is the day before. */
  before?: boolean | null;
  /** WEEKLY: ISO weekday, 1 = Monday … 5 = Friday … 7 = Sunday. */
  weekday?: number | null;
  dayPart?: DayPartName | null;
  /** WEEKLY: the first and last day the recurrence applies (optional). */
  startsOn?: IsoDate | null;
  endsOn?: IsoDate | null;
  /**
   * The kinds of unit the deadline names, when it names any (Ba Tô's "Hiệu trưởng các trường học": SCHOOL): their
   * units are chased against it on the commune page.
   */
  reporterTypes?: UnitTypeName[] | null;
}

/**
 * A reward rule (tiêu chí khen thưởng) as data, stated in a commune's plan and evaluated by reports. Ba Tô's: a unit
 * with 100% of its officials certified and 50% of them each guiding 10–20 working-age residents; a village with 70%
 * of its working-age residents joined and certified; an official certified who guided at least 5, and 5 to 10 officials
 * rewarded; a resident certified who guided at least 2.
 */
export interface RewardRuleData extends Provenance {
  subject: RewardSubjectName;
  /** UNIT: share of its officials certified; VILLAGE: share of its working-age residents certified. */
  certifiedShare?: number | null;
  /** UNIT: share of its officials who must each have guided at least minGuided people. */
  guidingShare?: number | null;
  /** People each must have guided (working-age residents): the quota, at least … up to (null: open-ended). */
  minGuided?: number | null;
  maxGuided?: number | null;
  /**
   * How many of the subject are rewarded, at least … at most (Ba Tô's officials: "Số lượng khen thưởng từ 5-10 cá
   * nhân", 004 §4.1): when more meet the rule, the first `maxAwardees` in the stated order are proposed.
   */
  minAwardees?: number | null;
  maxAwardees?: number | null;
  description: string;
}
