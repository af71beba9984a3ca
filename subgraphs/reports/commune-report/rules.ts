/**
 * The rules of a commune's periodic report (báo cáo định kỳ của xã) to the province, as plain functions: its states
 * and who moves it between them, its free-text sections, whether it was on time, and whether the figures frozen at
 * submission still equal today's. No GraphQL, no ORM.
 */
import { addDays } from '../../../shared/vocabulary/deadlines';
import type { DeadlineData } from '../../../shared/vocabulary/model';
import { BadInputError, bilingual } from '../../../shared/pure/errors';
import type { IsoDate } from '../../../shared/pure/dates';

export type CommuneReportStatus = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'ACCEPTED';
export type CommuneReportAction = 'EDIT' | 'SUBMIT' | 'RETURN' | 'ACCEPT';

const STATUS_WORDS: Record<CommuneReportStatus, string> = {
  DRAFT: 'đang soạn',
  SUBMITTED: 'đã gửi',
  RETURNED: 'bị trả lại',
  ACCEPTED: 'đã được tiếp nhận',
};

/** The commune edits and submits a DRAFT or RETURNED report; the province returns or accepts a SUBMITTED one. */
const TRANSITIONS: Record<CommuneReportAction, Partial<Record<CommuneReportStatus, CommuneReportStatus>>> = {
  EDIT: { DRAFT: 'DRAFT', RETURNED: 'RETURNED' },
  SUBMIT: { DRAFT: 'SUBMITTED', RETURNED: 'SUBMITTED' },
  RETURN: { SUBMITTED: 'RETURNED' },
  ACCEPT: { SUBMITTED: 'ACCEPTED' },
};

const ACTION_WORDS: Record<CommuneReportAction, [vi: string, en: string]> = {
  EDIT: ['sửa', 'edit'],
  SUBMIT: ['gửi', 'submit'],
  RETURN: ['trả lại', 'return'],
  ACCEPT: ['tiếp nhận', 'accept'],
};

/** The status after the action, or BAD_USER_INPUT naming the current status. */
export function nextStatus(current: CommuneReportStatus, action: CommuneReportAction): CommuneReportStatus {
  const next = TRANSITIONS[action][current];
  if (next) return next;
  const [vi, en] = ACTION_WORDS[action];
  throw new BadInputError(
    bilingual(
      `Báo cáo ${STATUS_WORDS[current]}, không thể ${vi}` +
        (current === 'SUBMITTED' && action !== 'RETURN' && action !== 'ACCEPT'
          ? '; chờ tỉnh tiếp nhận hoặc trả lại'
          : ''),
      `a ${current} report cannot be ${en === 'submit' ? 'submitted' : en + 'ed'}`,
    ),
    'id',
  );
}

/** Which side acts: the commune (its officer, or the province admin for it) or the province. */
export const ACTION_SIDE: Record<CommuneReportAction, 'COMMUNE' | 'PROVINCE'> = {
  EDIT: 'COMMUNE',
  SUBMIT: 'COMMUNE',
  RETURN: 'PROVINCE',
  ACCEPT: 'PROVINCE',
};

const MAX_SECTION = 10_000;

/** A free-text section trimmed (empty is none); at most 10 000 characters. */
export function checkSection(text: string | null | undefined, field: string, label: string): string | null {
  const value = (text ?? '').trim();
  if (value.length > MAX_SECTION)
    throw new BadInputError(
      bilingual(`Mục "${label}" dài quá ${MAX_SECTION} ký tự`, `${field} is longer than ${MAX_SECTION} characters`),
      field,
    );
  return value || null;
}

/** The commune's document number (số văn bản), e.g. "45/BC-UBND": at most 60 characters; empty is none. */
export function checkNumber(text: string | null | undefined): string | null {
  const value = (text ?? '').trim();
  if (value.length > 60)
    throw new BadInputError(
      bilingual('Số văn bản dài quá 60 ký tự', 'the number is longer than 60 characters'),
      'number',
    );
  return value || null;
}

/**
 * A report goes up the line as a document: it needs its number (số văn bản) first, so that nothing unnumbered — or
 * sent by a stray click on an empty draft — reaches the province.
 */
export function checkReadyToSubmit(report: { number: string | null }): void {
  if (!report.number?.trim())
    throw new BadInputError(
      bilingual(
        'Hãy nhập số văn bản của báo cáo (vd. 45/BC-UBND) và lưu trước khi gửi lên tỉnh',
        'a report needs its document number before it is submitted',
      ),
      'number',
    );
}

/** The reason of a return: required, at most 1000 characters. */
export function checkReturnReason(reason: string | null | undefined): string {
  const value = (reason ?? '').trim();
  if (!value)
    throw new BadInputError(bilingual('Cần nêu lý do trả lại báo cáo', 'a reason is required to return'), 'reason');
  if (value.length > 1000)
    throw new BadInputError(
      bilingual('Lý do dài quá 1000 ký tự', 'the reason is longer than 1000 characters'),
      'reason',
    );
  return value;
}

/** The one-off deadline of a directive due on `dueOn`, or BAD_USER_INPUT listing the ones it has. */
export function findRequest(deadlines: readonly DeadlineData[], dueOn: IsoDate, number: string): DeadlineData {
  const once = deadlines.filter((d) => d.recurrence === 'ONCE' && d.dueOn);
  const found = once.find((d) => d.dueOn === dueOn);
  if (found) return found;
  const known = once.map((d) => d.dueOn).join(', ') || 'không có';
  throw new BadInputError(
    bilingual(
      `Văn bản ${number} không yêu cầu báo cáo hạn ${dueOn} (các hạn: ${known})`,
      `${number} has no one-off reporting deadline on ${dueOn}`,
    ),
    'dueOn',
  );
}

/** The instant a one-off deadline passes: the end of its last day ("before 20/11": 00:00 on the 20th), Vietnam time. */
export function dueInstant(deadline: DeadlineData): Date {
  const last = deadline.before ? addDays(deadline.dueOn!, -1) : deadline.dueOn!;
  return new Date(`${addDays(last, 1)}T00:00:00+07:00`);
}

/** The day the report's figures are taken: the deadline's last day, or today when that is still ahead. */
export function figuresDay(deadline: DeadlineData, today: IsoDate): IsoDate {
  const last = deadline.before ? addDays(deadline.dueOn!, -1) : deadline.dueOn!;
  return last < today ? last : today;
}

export type FollowUpState = 'ON_TIME' | 'LATE' | 'MISSING' | 'DRAFT';

/**
 * Where a commune stands on a request: ON_TIME or LATE by its first submission; DRAFT when it has only a draft (or
 * a returned report) and MISSING when it has nothing — both count as not submitted.
 */
export function followUpState(
  firstSubmittedAt: Date | null,
  status: CommuneReportStatus | null,
  due: Date,
): FollowUpState {
  if (firstSubmittedAt) return firstSubmittedAt.getTime() <= due.getTime() ? 'ON_TIME' : 'LATE';
  return status ? 'DRAFT' : 'MISSING';
}

/** The parts of the figures whose change the report shows (values, not the date they were computed). */
export interface ComparableFigures {
  learners: number;
  adults: number | null;
  participationRate: number | null;
  groups: ReadonlyArray<{ group: string; registered: number; completed: number; certified: number }>;
  villages: ReadonlyArray<{ id: string; learners: number; adults: number | null }>;
  rank: { position: number } | null;
}

/** The differences between the submitted figures and today's, in words (empty when they are equal). */
export function figureDifferences(submitted: ComparableFigures, today: ComparableFigures): string[] {
  const out: string[] = [];
  if (submitted.learners !== today.learners)
    out.push(`Số người tham gia: ${submitted.learners} khi gửi, nay ${today.learners}`);
  if (submitted.adults !== today.adults)
    out.push(`Số người trong độ tuổi: ${submitted.adults} khi gửi, nay ${today.adults}`);
  const groups = new Map(today.groups.map((g) => [g.group, g]));
  for (const g of submitted.groups) {
    const now = groups.get(g.group);
    if (!now || now.registered !== g.registered || now.completed !== g.completed || now.certified !== g.certified)
      out.push(`Nhóm ${g.group}: số liệu đã thay đổi`);
  }
  const villages = new Map(today.villages.map((v) => [v.id, v]));
  for (const v of submitted.villages) {
    const now = villages.get(v.id);
    if (!now || now.learners !== v.learners || now.adults !== v.adults) out.push(`${v.id}: số liệu đã thay đổi`);
  }
  if ((submitted.rank?.position ?? null) !== (today.rank?.position ?? null))
    out.push(`Xếp hạng: ${submitted.rank?.position ?? '—'} khi gửi, nay ${today.rank?.position ?? '—'}`);
  return out;
}
