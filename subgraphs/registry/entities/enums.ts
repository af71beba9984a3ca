import { registerEnumType } from 'type-graphql';
import type { CommuneKindName } from '../../../shared/pure/values';

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

// Unit kinds are spoken by plans and reports too (the deadlines that name a kind of reporter): declared once there.
export { UnitType } from '../../../shared/vocabulary/enums';
