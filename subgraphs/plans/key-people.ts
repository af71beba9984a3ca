/**
 * The key people of each village a commune plan names (cán bộ chủ chốt thôn: trưởng thôn, bí thư chi bộ, trưởng ban
 * công tác Mặt trận), who must finish the course and hold its certificate (Ba Tô's letter: "14/14 đồng chí Trưởng
 * thôn, Bí thư Chi bộ thôn, Trưởng Ban Công tác Mặt trận thôn phải hoàn thành và có giấy chứng nhận"). Plain
 * functions (no GraphQL, no ORM): input checks, which person is in force, and the certification counts per role.
 * The checks a clerk's page makes too are shared/pure/key-people's.
 */
import { can } from '../../shared/pure/auth-rules';
import type { IsoDate } from '../../shared/pure/dates';
import { BadInputError, bilingual, NotFoundError } from '../../shared/pure/errors';
import { cleanText, isBlank } from '../../shared/pure/text';
import {
  certificationDateProblem,
  nameProblem,
  needsReasonProblem,
  phoneDigits,
  phoneProblem,
  reasonProblem,
  type Problem,
} from '../../shared/pure/key-people';
import type { KeyPersonChangeName, KeyPersonRoleName } from '../../shared/pure/values';
import type { Viewer } from '../../shared/pure/viewer';
import type { AreaFacts } from './model';

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

/** A refusal of the key people's checks (shared/pure/key-people, which the page makes too), on `field`. */
const refuse = (problem: Problem, field: string): BadInputError =>
  new BadInputError(bilingual(problem.vi, problem.en), field);

/** A Vietnamese phone number, stored as its national digits (shared/pure/key-people's phoneDigits); null when empty. */
export function normalizePhone(raw: string | null | undefined, field = 'phone'): string | null {
  const digits = phoneDigits(raw);
  if (digits === null) throw refuse(phoneProblem(raw ?? '', field), field);
  return digits || null;
}

/** A certification date: a real date, not before the campaign, not after today (in Vietnam). */
export function certificationDate(value: string, today: IsoDate, field = 'certifiedOn'): IsoDate {
  const problem = certificationDateProblem(value, today, field);
  if (problem) throw refuse(problem, field);
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

/** A reason of at most 500 characters, cleaned; null when none is given. */
function checkedReason(value: string | null | undefined): string | null {
  const problem = reasonProblem(value);
  if (problem) throw refuse(problem, 'reason');
  return value === null || value === undefined || isBlank(value) ? null : cleanText(value);
}

/** A person named for a role: a name (at most 200 characters), an optional phone and certification date. */
export function checkKeyPerson(input: KeyPersonInputData, today: IsoDate): CheckedKeyPerson {
  const problem = nameProblem(input.fullName);
  if (problem) throw refuse(problem, 'fullName');
  return {
    fullName: cleanText(input.fullName),
    phone: normalizePhone(input.phone),
    certifiedOn: input.certifiedOn ? certificationDate(input.certifiedOn, today) : null,
    reason: checkedReason(input.reason),
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
  return refuse(needsReasonProblem(fullName, certifiedOn), 'reason');
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
  const why = checkedReason(reason);
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
