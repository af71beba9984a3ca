/**
 * The value sets the API speaks (its enums' values) and the words officials read for them, once for the server (its
 * GraphQL enums, exports and documents) and the pages. A table is typed by its value set, so a value added to the
 * set without words fails the typecheck. The GraphQL enums' own descriptions are documentation for developers and
 * stay with the enums.
 */

export const INDICATORS = [
  'JOINED',
  'COMPLETED',
  'CERTIFIED',
  'DIGITAL_SIGNATURE',
  'VNEID_CONFIRMED',
  'VNEID_SKILLS',
] as const;
export type IndicatorName = (typeof INDICATORS)[number];
/** What a target counts, as a sentence continues it: "80% người dân … tham gia khóa học". */
export const INDICATOR_VI: Record<IndicatorName, string> = {
  JOINED: 'tham gia khóa học',
  COMPLETED: 'hoàn thành 5 chuyên đề',
  CERTIFIED: 'được cấp chứng nhận',
  DIGITAL_SIGNATURE: 'có chữ ký số / chữ ký điện tử',
  VNEID_CONFIRMED: 'có tài khoản định danh điện tử mức 2 (VNeID)',
  VNEID_SKILLS: 'được xác nhận đạt phổ cập kỹ năng số trên VNeID',
};

export const POPULATION_GROUPS = ['OFFICIALS', 'RESIDENTS', 'STUDENTS', 'WORKERS'] as const;
export type PopulationGroupName = (typeof POPULATION_GROUPS)[number];
/** A group as a heading or a table cell writes it. */
export const GROUP_VI: Record<PopulationGroupName, string> = {
  OFFICIALS: 'Cán bộ, công chức, viên chức',
  RESIDENTS: 'Người dân',
  STUDENTS: 'Học sinh',
  WORKERS: 'Người lao động',
};
/**
 * The school levels students are counted by (cấp học): a target can be about some of them ("100% học sinh trung học":
 * lower and upper secondary, 003 §II.1; "học sinh từ cấp tiểu học": all three, §II.2).
 */
export const STUDENT_LEVELS = ['PRIMARY', 'LOWER_SECONDARY', 'UPPER_SECONDARY'] as const;
export type StudentLevelName = (typeof STUDENT_LEVELS)[number];
export const STUDENT_LEVEL_VI: Record<StudentLevelName, string> = {
  PRIMARY: 'tiểu học',
  LOWER_SECONDARY: 'trung học cơ sở',
  UPPER_SECONDARY: 'trung học phổ thông',
};

/** The students of some levels as a heading writes them: "Học sinh trung học", "Học sinh từ cấp tiểu học". */
export function studentsOfLevels(levels: readonly string[] | null | undefined): string {
  const set = new Set(levels ?? []);
  const has = (l: StudentLevelName) => set.has(l);
  if (set.size === 0) return GROUP_VI.STUDENTS;
  if (has('PRIMARY') && has('LOWER_SECONDARY') && has('UPPER_SECONDARY')) return 'Học sinh từ cấp tiểu học';
  if (set.size === 2 && has('LOWER_SECONDARY') && has('UPPER_SECONDARY')) return 'Học sinh trung học';
  const words = STUDENT_LEVELS.filter(has).map((l) => STUDENT_LEVEL_VI[l]);
  return `Học sinh ${words.join(', ')}`;
}

/**
 * The other counts a village or unit reports beside its course figures (all optional, cumulative): the residents its
 * people guided (for the reward rules) and three measures of its adults, never one for another (003 §II, 001 §7).
 */
export const REPORT_MEASURES = ['guidedResidents', 'digitalSignatures', 'vneidConfirmed', 'vneidSkills'] as const;
export type ReportMeasureName = (typeof REPORT_MEASURES)[number];
export const REPORT_MEASURE_VI: Record<ReportMeasureName, string> = {
  guidedResidents: 'Số người dân được hướng dẫn',
  digitalSignatures: 'Số người trưởng thành có chữ ký số',
  vneidConfirmed: 'Số người có tài khoản định danh điện tử mức 2 (VNeID)',
  vneidSkills: 'Số người được xác nhận đạt phổ cập kỹ năng số trên VNeID',
};
/** The measures that count adults: never more than the reporter's adults (a unit: its staff). */
export const ADULT_MEASURES: readonly ReportMeasureName[] = ['digitalSignatures', 'vneidConfirmed', 'vneidSkills'];

/** A group inside a sentence: "Số người dân đã đăng ký …". */
export const groupInSentence = (group: PopulationGroupName): string => GROUP_VI[group].toLocaleLowerCase('vi');

export const COMMUNE_KINDS = ['COMMUNE', 'WARD', 'SPECIAL_ZONE'] as const;
export type CommuneKindName = (typeof COMMUNE_KINDS)[number];
/** Xã, phường, đặc khu: the word before a commune's own name. */
export const COMMUNE_KIND_VI: Record<CommuneKindName, string> = {
  COMMUNE: 'Xã',
  WARD: 'Phường',
  SPECIAL_ZONE: 'Đặc khu',
};

export const UNIT_TYPES = [
  'AGENCY',
  'PARTY',
  'POLICE',
  'MILITARY',
  'FATHERLAND_FRONT',
  'MASS_ORGANISATION',
  'SCHOOL',
  'HEALTH',
  'ENTERPRISE',
  'COOPERATIVE',
  'DIGITAL_TEAM',
  'OTHER',
] as const;
export type UnitTypeName = (typeof UNIT_TYPES)[number];
export const UNIT_TYPE_VI: Record<UnitTypeName, string> = {
  AGENCY: 'Cơ quan',
  PARTY: 'Đảng ủy',
  POLICE: 'Công an',
  MILITARY: 'Quân sự',
  FATHERLAND_FRONT: 'Mặt trận',
  MASS_ORGANISATION: 'Đoàn thể',
  SCHOOL: 'Trường học',
  HEALTH: 'Y tế',
  ENTERPRISE: 'Doanh nghiệp',
  COOPERATIVE: 'Hợp tác xã',
  DIGITAL_TEAM: 'Tổ CNS cộng đồng',
  OTHER: 'Khác',
};

/** A village's or unit's weekly report on a chase list (ReportingState). */
export const REPORTING_STATES = ['ON_TIME', 'LATE', 'MISSING'] as const;
export type ReportingStateName = (typeof REPORTING_STATES)[number];
export const REPORTING_STATE_VI: Record<ReportingStateName, string> = {
  ON_TIME: 'Đã gửi số liệu đúng hạn',
  LATE: 'Gửi số liệu trễ hạn',
  MISSING: 'Chưa gửi số liệu',
};

/** A commune's report asked for by a directive, on the province's follow-up (FollowUpState). */
export const FOLLOW_UP_STATES = ['ON_TIME', 'LATE', 'DRAFT', 'MISSING'] as const;
export type FollowUpStateName = (typeof FOLLOW_UP_STATES)[number];
export const FOLLOW_UP_STATE_VI: Record<FollowUpStateName, string> = {
  ON_TIME: 'Đã nộp báo cáo đúng hạn',
  LATE: 'Nộp báo cáo trễ hạn',
  DRAFT: 'Đang soạn / bị trả lại',
  MISSING: 'Chưa nộp báo cáo',
};

/** Where a target stands (TargetState). */
export const TARGET_STATES = ['MET', 'ON_TRACK', 'AT_RISK', 'MISSED', 'NOT_MEASURED', 'CHECK_FIGURES'] as const;
export type TargetStateName = (typeof TARGET_STATES)[number];
export const TARGET_STATE_VI: Record<TargetStateName, string> = {
  MET: 'Đã đạt',
  ON_TRACK: 'Đúng tiến độ',
  AT_RISK: 'Có nguy cơ không đạt',
  MISSED: 'Không đạt',
  NOT_MEASURED: 'Chưa đo được',
  CHECK_FIGURES: 'Cần rà soát số liệu',
};

/** A commune's report to the province (CommuneReportStatus). */
export const COMMUNE_REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'RETURNED', 'ACCEPTED'] as const;
export type CommuneReportStatusName = (typeof COMMUNE_REPORT_STATUSES)[number];
export const COMMUNE_REPORT_STATUS_VI: Record<CommuneReportStatusName, string> = {
  DRAFT: 'Đang soạn',
  SUBMITTED: 'Đã gửi tỉnh',
  RETURNED: 'Bị trả lại',
  ACCEPTED: 'Tỉnh đã tiếp nhận',
};

/** The key people of a village a commune plan names (KeyPersonRole). */
export const KEY_PERSON_ROLES = ['VILLAGE_HEAD', 'PARTY_CELL_SECRETARY', 'FRONT_HEAD'] as const;
export type KeyPersonRoleName = (typeof KEY_PERSON_ROLES)[number];
/** The roles as the commune's letter names them. */
export const KEY_ROLE_TITLE: Record<KeyPersonRoleName, string> = {
  VILLAGE_HEAD: 'Trưởng thôn',
  PARTY_CELL_SECRETARY: 'Bí thư Chi bộ',
  FRONT_HEAD: 'Trưởng ban Công tác Mặt trận',
};
/** The roles as a report's sentence names them, short. */
export const KEY_ROLE_SHORT: Record<KeyPersonRoleName, string> = { ...KEY_ROLE_TITLE, FRONT_HEAD: 'Trưởng ban CTMT' };

/** Why a key person's revision was written (KeyPersonChange). */
export const KEY_PERSON_CHANGES = ['NAMED', 'REPLACED', 'UPDATED', 'CERTIFIED', 'CORRECTED'] as const;
export type KeyPersonChangeName = (typeof KEY_PERSON_CHANGES)[number];
export const KEY_PERSON_CHANGE_VI: Record<KeyPersonChangeName, string> = {
  NAMED: 'Nhập lần đầu',
  REPLACED: 'Thay người',
  UPDATED: 'Cập nhật thông tin',
  CERTIFIED: 'Ghi ngày cấp giấy chứng nhận',
  CORRECTED: 'Sửa ngày cấp giấy chứng nhận',
};

export const AREA_LEVELS = ['PROVINCE', 'COMMUNE', 'VILLAGE', 'UNIT'] as const;
/** The level of an area; its id says it (shared/pure/ids.ts). */
export type AreaLevelName = (typeof AREA_LEVELS)[number];

/** The words of a value, or the value itself when the table does not know it (a value newer than the page). */
export function wordsFor<K extends string>(table: Record<K, string>, value: string | null | undefined): string {
  if (value == null) return '';
  return Object.hasOwn(table, value) ? table[value as K] : value;
}

/**
 * A rank change as the letters write it (004: "giảm 04 bậc"): places moved up (positive) or down since the previous
 * ranking; "giữ nguyên" when it did not move; empty when there was no previous ranking.
 */
export function rankChangeWords(change: number | null | undefined): string {
  if (change == null) return '';
  if (change === 0) return 'Giữ nguyên';
  return `${change > 0 ? 'Tăng' : 'Giảm'} ${String(Math.abs(change)).padStart(2, '0')} bậc`;
}
