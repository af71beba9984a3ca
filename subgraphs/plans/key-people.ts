/**
 * The key people of each village a commune plan names (cán bộ chủ chốt thôn: trưởng thôn, bí thư chi bộ, trưởng ban
 * công tác Mặt trận), who must finish the course and hold its certificate (Ba Tô's letter: "14/14 đồng chí Trưởng
 * thôn, Bí thư Chi bộ thôn, Trưởng Ban Công tác Mặt trận thôn phải hoàn thành và có giấy chứng nhận"). Plain
 * functions (no GraphQL, no ORM): input checks, the revisions of a role, and who may see names and phones
 * (key-people-certification.ts: who is in force and the certification counts per role).
 */
import { can } from '../../shared/auth-rules';
import { isIsoDate, viDate, type IsoDate } from '../../shared/dates';
import { BadInputError, bilingual, NotFoundError } from '../../shared/errors';
import { cleanText, isBlank } from '../../shared/text';
import type { KeyPersonRoleName } from '../../shared/vocabulary/enums';
import type { Viewer } from '../../shared/viewer';
import type { AreaFacts } from './model';

/** The roles as a report names them, short. */
export const KEY_ROLE_VI: Record<KeyPersonRoleName, string> = {
  VILLAGE_HEAD: 'Trưởng thôn',
  PARTY_CELL_SECRETARY: 'Bí thư Chi bộ',
  FRONT_HEAD: 'Trưởng ban CTMT',
};

/** The campaign's start: no certificate of the course is older. */
export const CERTIFICATION_FROM: IsoDate = '2025-01-01';

/** Why a revision was written. */
export type KeyPersonChangeName = 'NAMED' | 'REPLACED' | 'UPDATED' | 'CERTIFIED' | 'CORRECTED';

/** A key person as stored (the revision in force unless said otherwise). */
export interface KeyPersonFacts {
  planId: string;
  /** The plan's date: when two plans of a commune name someone for the same village and role, the newer counts. */
  planIssuedOn: IsoDate;
  villageId: string;
  role: KeyPersonRoleName;
  fullName: string;
  phone: string | null;
  certifiedOn: IsoDate | null;
}

const MOBILE = /^0[35789]\d{8}$/;
const LANDLINE = /^02\d{9}$/;

/**
 * A Vietnamese phone number, stored as its national digits: a mobile number of 10 digits (03, 05, 07, 08, 09…) or
 * a landline with its area code (02xx, 11 digits). Spaces, dots, dashes, brackets and +84 / 84 are accepted when
 * typed. Null for an empty value.
 */
export function normalizePhone(raw: string | null | undefined, field = 'phone'): string | null {
  if (raw === null || raw === undefined || isBlank(raw)) return null;
  let digits = cleanText(raw).replace(/[\s.\-()]/g, '');
  if (digits.startsWith('+84')) digits = `0${digits.slice(3)}`;
  else if (/^84\d{9,10}$/.test(digits)) digits = `0${digits.slice(2)}`;
  if (MOBILE.test(digits) || LANDLINE.test(digits)) return digits;
  throw new BadInputError(
    bilingual(
      `Số điện thoại "${cleanText(raw)}" không hợp lệ; hãy nhập số di động 10 chữ số (ví dụ 0912 345 678) hoặc ` +
        `số cố định có mã vùng (ví dụ 0255 3822 123)`,
      `${field} is not a Vietnamese mobile or landline number`,
    ),
    field,
  );
}

/** The number as people read it: 0912 345 678, 0255 3822 123. */
export function formatPhone(phone: string): string {
  return phone.length === 10
    ? `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`
    : `${phone.slice(0, 4)} ${phone.slice(4, 8)} ${phone.slice(8)}`;
}

/** A certification date: a real date, not before the campaign, not after today (in Vietnam). */
export function certificationDate(value: string, today: IsoDate, field = 'certifiedOn'): IsoDate {
  if (!isIsoDate(value))
    throw new BadInputError(
      bilingual('Ngày cấp giấy chứng nhận không hợp lệ; hãy nhập theo dạng YYYY-MM-DD', `${field} must be a date`),
      field,
    );
  if (value > today)
    throw new BadInputError(
      bilingual(
        `Ngày cấp giấy chứng nhận (${viDate(value)}) không thể sau hôm nay (${viDate(today)})`,
        `${field} ${value} is in the future`,
      ),
      field,
    );
  if (value < CERTIFICATION_FROM)
    throw new BadInputError(
      bilingual(
        `Ngày cấp giấy chứng nhận (${viDate(value)}) không thể trước khi bắt đầu phong trào (${viDate(CERTIFICATION_FROM)})`,
        `${field} ${value} is before the campaign`,
      ),
      field,
    );
  return value;
}

/** The village must exist (NOT_FOUND) and be of the plan's commune (BAD_USER_INPUT). */
export function villageOfCommune(
  village: AreaFacts | null,
  villageId: string,
  commune: { id: string; name: string },
): AreaFacts {
  if (!village || village.level !== 'VILLAGE')
    throw new NotFoundError(
      bilingual(`Không tìm thấy thôn, tổ dân phố có mã "${villageId}"`, `no village has id ${villageId}`),
    );
  if (village.communeId !== commune.id)
    throw new BadInputError(
      bilingual(
        `${village.name} (${villageId}) không thuộc xã ${commune.name}; chỉ nhập cán bộ chủ chốt của thôn trong xã`,
        `${villageId} belongs to another commune (${village.communeId}), not ${commune.id}`,
      ),
      'villageId',
    );
  return village;
}

export interface KeyPersonInputData {
  fullName: string;
  phone?: string | null;
  certifiedOn?: string | null;
  reason?: string | null;
}

export interface CheckedKeyPerson {
  fullName: string;
  phone: string | null;
  certifiedOn: IsoDate | null;
  reason: string | null;
}

const optionalText = (value: string | null | undefined, field: string, label: string, max: number) => {
  if (value === null || value === undefined || isBlank(value)) return null;
  const text = cleanText(value);
  if (text.length > max)
    throw new BadInputError(bilingual(`${label} dài quá ${max} ký tự`, `${field} is longer than ${max}`), field);
  return text;
};

/** A person named for a role: a name (at most 200 characters), an optional phone and certification date. */
export function checkKeyPerson(input: KeyPersonInputData, today: IsoDate): CheckedKeyPerson {
  if (isBlank(input.fullName))
    throw new BadInputError(bilingual('Họ và tên không được để trống', 'fullName is required'), 'fullName');
  const fullName = cleanText(input.fullName);
  if (fullName.length > 200)
    throw new BadInputError(
      bilingual('Họ và tên dài quá 200 ký tự', 'fullName is longer than 200 characters'),
      'fullName',
    );
  return {
    fullName,
    phone: normalizePhone(input.phone),
    certifiedOn: input.certifiedOn ? certificationDate(input.certifiedOn, today) : null,
    reason: optionalText(input.reason, 'reason', 'Lý do', 500),
  };
}

/** What a new revision of the person in a role is, given the one in force. */
export function changeOf(
  current: Pick<KeyPersonFacts, 'fullName'> | null,
  next: Pick<CheckedKeyPerson, 'fullName'>,
): KeyPersonChangeName {
  if (!current) return 'NAMED';
  return current.fullName.toLocaleLowerCase('vi') === next.fullName.toLocaleLowerCase('vi') ? 'UPDATED' : 'REPLACED';
}

/** Changing a recorded certification date is a correction: it needs a reason. */
function needsReason(fullName: string, certifiedOn: IsoDate): BadInputError {
  return new BadInputError(
    bilingual(
      `${fullName} đã có giấy chứng nhận ngày ${viDate(certifiedOn)}; muốn sửa phải ghi lý do`,
      `correcting a recorded certification date needs a reason`,
    ),
    'reason',
  );
}

/**
 * The next revision when someone is (re)named for a role: the change, and the certification date it carries. The same
 * person keeps a recorded date unless another is given, and changing that date needs a reason (as a correction).
 * Null when nothing would change (the same name, phone and date again).
 */
export function nextKeyPerson(
  current: Pick<KeyPersonFacts, 'fullName' | 'phone' | 'certifiedOn'> | null,
  next: CheckedKeyPerson,
): { change: KeyPersonChangeName; certifiedOn: IsoDate | null } | null {
  const change = changeOf(current, next);
  if (change !== 'UPDATED' || !current) return { change, certifiedOn: next.certifiedOn };
  const certifiedOn = next.certifiedOn ?? current.certifiedOn;
  if (current.certifiedOn !== null && certifiedOn !== current.certifiedOn && !next.reason)
    throw needsReason(current.fullName, current.certifiedOn);
  if (current.fullName === next.fullName && current.phone === next.phone && current.certifiedOn === certifiedOn)
    return null;
  if (current.certifiedOn !== null && certifiedOn !== current.certifiedOn) return { change: 'CORRECTED', certifiedOn };
  const sameOtherwise = current.fullName === next.fullName && current.phone === next.phone;
  return { change: sameOtherwise && current.certifiedOn === null ? 'CERTIFIED' : 'UPDATED', certifiedOn };
}

/**
 * Recording a certification date for the person in force: a first date is CERTIFIED; a different date, or removing
 * one recorded by mistake (null), is CORRECTED and needs a reason; the same date again changes nothing (null).
 */
export function checkCertification(
  current: Pick<KeyPersonFacts, 'certifiedOn' | 'fullName'> | null,
  certifiedOn: string | null,
  reason: string | null | undefined,
  today: IsoDate,
  seat: string,
): { certifiedOn: IsoDate | null; reason: string | null; change: KeyPersonChangeName } | null {
  if (!current)
    throw new BadInputError(
      bilingual(
        `Chưa có ai được nhập cho ${seat}; hãy nhập họ tên người đảm nhiệm trước khi ghi ngày cấp giấy chứng nhận`,
        `nobody is named for ${seat} yet`,
      ),
      'role',
    );
  const date = certifiedOn ? certificationDate(certifiedOn, today) : null;
  const why = optionalText(reason, 'reason', 'Lý do', 500);
  if (current.certifiedOn === null && date === null)
    throw new BadInputError(
      bilingual(`${current.fullName} chưa có ngày cấp giấy chứng nhận để xoá`, `no certification date to remove`),
      'certifiedOn',
    );
  if (date === current.certifiedOn) return null;
  if (current.certifiedOn !== null && !why) throw needsReason(current.fullName, current.certifiedOn);
  return { certifiedOn: date, reason: why, change: current.certifiedOn === null ? 'CERTIFIED' : 'CORRECTED' };
}

/**
 * Names and phones are personal data: a caller whose area covers the commune (its officer, the province's admins and
 * viewers) sees every village's people; a village reporter of the commune sees its own village's; anyone else
 * nothing (null: not shown, as against an empty list: nobody named).
 */
export function visibleKeyPeople<P extends Pick<KeyPersonFacts, 'villageId'>>(
  viewer: Viewer,
  area: { provinceId: string; communeId: string },
  people: readonly P[],
): P[] | null {
  if (can(viewer, 'READ_PERSONAL', area)) return [...people];
  const own = viewer.area;
  if (viewer.role !== 'VILLAGE_REPORTER' || !own || `C${own.slice(1, 6)}` !== area.communeId) return null;
  return people.filter((p) =>
    can(viewer, 'READ_PERSONAL', { provinceId: area.provinceId, communeId: area.communeId, villageId: p.villageId }),
  );
}
