import { registerEnumType } from 'type-graphql';
import type { CommuneKindName, UnitTypeName } from '../../../shared/pure/values';

// The values and their words are shared/pure/values' (the pages read them too): the enums must hold the same values.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export enum CommuneKind {
  COMMUNE = 'COMMUNE',
  WARD = 'WARD',
  SPECIAL_ZONE = 'SPECIAL_ZONE',
}
const _communeKind: Same<`${CommuneKind}`, CommuneKindName> = true;
registerEnumType(CommuneKind, {
  name: 'CommuneKind',
  description: 'xã (commune), phường (ward) or đặc khu (special zone)',
});

export enum VillageKind {
  VILLAGE = 'VILLAGE',
  RESIDENTIAL_GROUP = 'RESIDENTIAL_GROUP',
}
registerEnumType(VillageKind, {
  name: 'VillageKind',
  description: 'thôn / làng (village) or tổ dân phố (residential group, in wards)',
});

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
const _unitType: Same<`${UnitType}`, UnitTypeName> = true;
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
