/**
 * The rules of approving and locking reporting periods (docs/access.md, "Approval and locking"), as plain
 * functions: a reporting period is a commune × a report date; an APPROVED period takes no new report version until
 * the commune or the province reopens it with a reason.
 */
import { isIsoDate, viDate, type IsoDate } from '../../../shared/pure/dates';
import { BadInputError, bilingual } from '../../../shared/pure/errors';
import { lockedPeriodError, viDateTime, type PeriodApprovalFacts } from '../../../shared/vocabulary/periods';
import { isBlank } from '../../../shared/pure/text';

/** The first day of the campaign: nothing is reported, imported or approved before it. */
export const CAMPAIGN_START: IsoDate = '2025-01-01';

export {
  lockedPeriodError,
  viDateTime,
  type PeriodApprovalFacts,
  type PeriodState,
} from '../../../shared/vocabulary/periods';

/** The period's date: a real date within the campaign, not in the future (today in Vietnam is allowed). */
export function checkPeriodDate(reportDate: IsoDate, today: IsoDate): void {
  if (!isIsoDate(reportDate))
    throw new BadInputError(bilingual(`Ngày "${reportDate}" không hợp lệ`, 'invalid report date'), 'reportDate');
  if (reportDate < CAMPAIGN_START)
    throw new BadInputError(
      bilingual(
        `Ngày ${viDate(reportDate)} trước khi phong trào bắt đầu (${viDate(CAMPAIGN_START)}); không có kỳ báo cáo nào`,
        'the report date is before the campaign',
      ),
      'reportDate',
    );
  if (reportDate > today) {
    throw new BadInputError(
      bilingual(
        `Chưa thể duyệt hay mở lại kỳ báo cáo ngày ${viDate(reportDate)}: ngày này ở tương lai`,
        'the report date is in the future',
      ),
      'reportDate',
    );
  }
}

/** Approving needs a period that is not approved already. */
export function checkCanApprove(current: PeriodApprovalFacts, reportDate: IsoDate): void {
  if (current.state === 'APPROVED') {
    throw new BadInputError(
      bilingual(
        `Kỳ báo cáo ngày ${viDate(reportDate)} đã được duyệt${current.approvedAt ? ` lúc ${viDateTime(current.approvedAt)}` : ''}${current.approvedByName ? ` bởi ${current.approvedByName}` : ''}`,
        'the period is already approved',
      ),
      'reportDate',
    );
  }
}

/** Reopening needs an approved period. */
export function checkCanReopen(current: PeriodApprovalFacts, reportDate: IsoDate): void {
  if (current.state !== 'APPROVED') {
    throw new BadInputError(
      bilingual(
        `Kỳ báo cáo ngày ${viDate(reportDate)} chưa được duyệt nên không cần mở lại`,
        'the period is not approved, there is nothing to reopen',
      ),
      'reportDate',
    );
  }
}

/** The reason of a reopening, trimmed: required, at most 1000 characters. */
export function checkReason(reason: string | null | undefined): string {
  const text = (reason ?? '').trim();
  if (isBlank(text))
    throw new BadInputError(
      bilingual('Cần nêu lý do mở lại kỳ báo cáo', 'a reason is required to reopen a period'),
      'reason',
    );
  if (text.length > 1000)
    throw new BadInputError(
      bilingual('Lý do dài quá 1000 ký tự', 'the reason is longer than 1000 characters'),
      'reason',
    );
  return text;
}

/** A note of an approval, trimmed; empty is none. */
export function checkNote(note: string | null | undefined): string | null {
  const text = (note ?? '').trim();
  if (text.length > 1000)
    throw new BadInputError(bilingual('Ghi chú dài quá 1000 ký tự', 'the note is longer than 1000 characters'), 'note');
  return text || null;
}

/** Throws `lockedPeriodError` when the period is approved; any other state takes reports. */
export function checkPeriodOpen(reportDate: IsoDate, period: PeriodApprovalFacts | null): void {
  if (period?.state === 'APPROVED') throw lockedPeriodError(reportDate, period);
}
