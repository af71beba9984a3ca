/**
 * The enums more than one subgraph speaks, each declared once with one description, so every SDL that carries one
 * prints it identically (Federation merges enums by name). `…Name` is the plain string union of an enum, for data
 * that travels in JSON columns and events.
 */
import { registerEnumType } from 'type-graphql';
import type {
  AreaLevelName,
  IndicatorName,
  KeyPersonRoleName,
  PopulationGroupName,
  StudentLevelName,
  UnitTypeName,
} from '../pure/values';

// The value lists and their words are shared/pure/values' (the pages read them too); each enum here must hold exactly
// the same values, which `Same` checks at compile time.
export { INDICATORS, KEY_PERSON_ROLES, POPULATION_GROUPS, STUDENT_LEVELS } from '../pure/values';
export type { AreaLevelName, IndicatorName, KeyPersonRoleName, PopulationGroupName, StudentLevelName, UnitTypeName };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export enum Indicator {
  JOINED = 'JOINED',
  COMPLETED = 'COMPLETED',
  CERTIFIED = 'CERTIFIED',
  DIGITAL_SIGNATURE = 'DIGITAL_SIGNATURE',
  VNEID_CONFIRMED = 'VNEID_CONFIRMED',
  VNEID_SKILLS = 'VNEID_SKILLS',
}
registerEnumType(Indicator, {
  name: 'Indicator',
  description: 'What a target counts (chỉ số)',
  valuesConfig: {
    JOINED: { description: 'registered on the portal and joined the course (đăng ký, tham gia khóa học)' },
    COMPLETED: { description: 'finished all five modules (hoàn thành 5 chuyên đề)' },
    CERTIFIED: { description: 'passed the final test and holds the certificate (được cấp giấy chứng nhận)' },
    DIGITAL_SIGNATURE: { description: 'holds a digital or electronic signature (có chữ ký số / chữ ký điện tử)' },
    VNEID_CONFIRMED: {
      description: 'holds a level-2 electronic identity account on VNeID (tài khoản định danh điện tử mức 2)',
    },
    VNEID_SKILLS: {
      description:
        'digital skills confirmed on VNeID (xác nhận đạt phổ cập tri thức, kỹ năng số trên nền tảng VNeID; 003 §II)',
    },
  },
});
const _indicator: Same<`${Indicator}`, IndicatorName> = true;

export enum PopulationGroup {
  OFFICIALS = 'OFFICIALS',
  RESIDENTS = 'RESIDENTS',
  STUDENTS = 'STUDENTS',
  WORKERS = 'WORKERS',
}
registerEnumType(PopulationGroup, {
  name: 'PopulationGroup',
  description: 'Who a target is about (đối tượng)',
  valuesConfig: {
    OFFICIALS: { description: 'cán bộ, công chức, viên chức (CBCCVC) and public-sector workers' },
    RESIDENTS: { description: 'người dân trong độ tuổi trưởng thành (adults)' },
    STUDENTS: { description: 'học sinh' },
    WORKERS: { description: 'người lao động in enterprises and cooperatives' },
  },
});
const _population_group: Same<`${PopulationGroup}`, PopulationGroupName> = true;

export enum StudentLevel {
  PRIMARY = 'PRIMARY',
  LOWER_SECONDARY = 'LOWER_SECONDARY',
  UPPER_SECONDARY = 'UPPER_SECONDARY',
}
registerEnumType(StudentLevel, {
  name: 'StudentLevel',
  description: 'A school level (cấp học) students are counted by',
  valuesConfig: {
    PRIMARY: { description: 'tiểu học (grades 1–5)' },
    LOWER_SECONDARY: { description: 'trung học cơ sở, THCS (grades 6–9)' },
    UPPER_SECONDARY: { description: 'trung học phổ thông, THPT (grades 10–12)' },
  },
});
const _student_level: Same<`${StudentLevel}`, StudentLevelName> = true;

export enum TargetSource {
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
}
registerEnumType(TargetSource, {
  name: 'TargetSource',
  description: 'Who set a target: a province directive or a commune plan',
});
export type TargetSourceName = `${TargetSource}`;

export enum RewardSubject {
  UNIT = 'UNIT',
  VILLAGE = 'VILLAGE',
  OFFICIAL = 'OFFICIAL',
  RESIDENT = 'RESIDENT',
}
registerEnumType(RewardSubject, {
  name: 'RewardSubject',
  description: 'Who a reward rule is for: a unit, a village, an official, a resident',
});
export type RewardSubjectName = `${RewardSubject}`;

export enum Recurrence {
  ONCE = 'ONCE',
  WEEKLY = 'WEEKLY',
}
registerEnumType(Recurrence, { name: 'Recurrence', description: 'A one-off deadline or a weekly one' });
export type RecurrenceName = `${Recurrence}`;

export enum DayPart {
  MORNING = 'MORNING',
  AFTERNOON = 'AFTERNOON',
  EVENING = 'EVENING',
}
registerEnumType(DayPart, { name: 'DayPart', description: 'buổi sáng, buổi chiều, buổi tối' });
export type DayPartName = `${DayPart}`;

/** A province directive's status and the revisions it goes through (the directives subgraph and its events). */
export enum DirectiveStatus {
  IN_FORCE = 'IN_FORCE',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(DirectiveStatus, {
  name: 'DirectiveStatus',
  description: 'còn hiệu lực (IN_FORCE) or đã thu hồi (WITHDRAWN)',
});
export type DirectiveStatusName = `${DirectiveStatus}`;

export enum RevisionAction {
  ISSUED = 'ISSUED',
  AMENDED = 'AMENDED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(RevisionAction, { name: 'RevisionAction', description: 'ban hành, sửa đổi, thu hồi' });
export type RevisionActionName = `${RevisionAction}`;

/** The level of an area; its id says it (shared/ids.ts). Units (cơ quan, đơn vị) have staff, not a population. */
export enum AreaLevel {
  PROVINCE = 'PROVINCE',
  COMMUNE = 'COMMUNE',
  VILLAGE = 'VILLAGE',
  UNIT = 'UNIT',
}
const _area_level: Same<`${AreaLevel}`, AreaLevelName> = true;

/** The levels that have a population: the GraphQL enum `AreaLevel` (registry's population revisions). */
export const PopulatedLevel = {
  PROVINCE: AreaLevel.PROVINCE,
  COMMUNE: AreaLevel.COMMUNE,
  VILLAGE: AreaLevel.VILLAGE,
} as const;
export type PopulatedLevel = (typeof PopulatedLevel)[keyof typeof PopulatedLevel];
registerEnumType(PopulatedLevel, {
  name: 'AreaLevel',
  description: 'tỉnh, xã or thôn: the levels that have a population',
});

/** The key people of a village a commune plan names (cán bộ chủ chốt thôn), who must finish the course. */
export enum KeyPersonRole {
  VILLAGE_HEAD = 'VILLAGE_HEAD',
  PARTY_CELL_SECRETARY = 'PARTY_CELL_SECRETARY',
  FRONT_HEAD = 'FRONT_HEAD',
}
registerEnumType(KeyPersonRole, {
  name: 'KeyPersonRole',
  description: 'A key person of a village (cán bộ chủ chốt thôn, tổ dân phố)',
  valuesConfig: {
    VILLAGE_HEAD: { description: 'Trưởng thôn, tổ trưởng tổ dân phố' },
    PARTY_CELL_SECRETARY: { description: 'Bí thư Chi bộ thôn, tổ dân phố' },
    FRONT_HEAD: { description: 'Trưởng Ban Công tác Mặt trận thôn, tổ dân phố' },
  },
});
const _key_person_role: Same<`${KeyPersonRole}`, KeyPersonRoleName> = true;

export enum UnitType {
  AGENCY = 'AGENCY',
  PARTY = 'PARTY',
  POLICE = 'POLICE',
  MILITARY = 'MILITARY',
  FATHERLAND_FRONT = 'FATHERLAND_FRONT',
  MASS_ORGANISATION = 'MASS_ORGANISATION',
  SCHOOL = 'SCHOOL',
  HEALTH = 'HEALTH',
  ENTERPRISE = 'ENTERPRISE',
  COOPERATIVE = 'COOPERATIVE',
  DIGITAL_TEAM = 'DIGITAL_TEAM',
  OTHER = 'OTHER',
}
const _unit_type: Same<`${UnitType}`, UnitTypeName> = true;
registerEnumType(UnitType, {
  name: 'UnitType',
  description: 'What kind of organisation a unit (cơ quan, đơn vị) is',
  valuesConfig: {
    AGENCY: { description: 'cơ quan nhà nước (People’s Committee, its offices)' },
    PARTY: { description: 'Đảng ủy (Party committee)' },
    POLICE: { description: 'Công an xã' },
    MILITARY: { description: 'Ban chỉ huy quân sự' },
    FATHERLAND_FRONT: { description: 'Ủy ban Mặt trận Tổ quốc Việt Nam' },
    MASS_ORGANISATION: { description: 'Youth Union, Women’s Union, Farmers’ Union, Veterans (đoàn thể)' },
    SCHOOL: { description: 'trường học' },
    HEALTH: { description: 'trạm y tế' },
    ENTERPRISE: { description: 'doanh nghiệp' },
    COOPERATIVE: { description: 'hợp tác xã, tổ hợp tác' },
    DIGITAL_TEAM: { description: 'Tổ công nghệ số cộng đồng (community digital technology team)' },
    OTHER: { description: 'other unit' },
  },
});
