/**
 * Reporting periods' approval as more than one subgraph speaks of it: reports locks a period (a commune × a report
 * date) when it is approved, and the registry refuses a population correction that would move a locked period.
 */
import { viDate, type IsoDate } from '../pure/dates';
import { bilingual, ForbiddenError } from '../pure/errors';

/** OPEN: never approved; APPROVED: locked; REOPENED: approved once, then reopened (takes reports again). */
export type PeriodState = 'OPEN' | 'APPROVED' | 'REOPENED';

export interface PeriodApprovalFacts {
  state: PeriodState;
  approvedAt: Date | null;
  approvedByName: string | null;
}

/** A moment as officials read it, in Vietnam time (UTC+7): "08:05 ngày 27/11/2025". */
export function viDateTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600 * 1000).toISOString();
  return `${local.slice(11, 16)} ngày ${viDate(local.slice(0, 10))}`;
}

/**
 * The refusal of a write into a locked period (a report, a portal import row, a population correction): when and
 * by whom it was approved, and what to do. `where` says which row or commune, when the caller wrote several.
 */
export function lockedPeriodError(
  reportDate: IsoDate,
  period: PeriodApprovalFacts,
  where?: { vi: string; en: string },
): ForbiddenError {
  const at = period.approvedAt ? viDateTime(period.approvedAt) : '?';
  const by = period.approvedByName ?? '?';
  return new ForbiddenError(
    bilingual(
      `${where ? `${where.vi}: k` : 'K'}ỳ báo cáo ngày ${viDate(reportDate)} đã được duyệt lúc ${at} bởi ${by}; đề nghị UBND xã mở lại kỳ báo cáo`,
      `${where ? `${where.en}: ` : ''}period ${reportDate} approved on ${period.approvedAt ? period.approvedAt.toISOString() : '?'} by ${by}; ask the commune to reopen it`,
    ),
  );
}
