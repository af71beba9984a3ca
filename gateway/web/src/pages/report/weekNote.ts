import { fmtDate } from '../../format';
import { fridayOfWeek, reportingFriday } from '../../../../../shared/pure/dates';

/** Which week a report dated `reportDate` counts for, in words, and why the date is not today. */
export function weekNote(reportDate: string, today: string): string {
  if (!reportDate) return '';
  const friday = reportingFriday(today);
  const thisWeek = fridayOfWeek(today);
  if (reportDate === friday && friday === today) return `Báo cáo của thứ Sáu tuần này, hôm nay ${fmtDate(today)}.`;
  if (reportDate === friday && friday === thisWeek)
    return `Báo cáo của thứ Sáu tuần này, ${fmtDate(friday)} (hôm nay ${fmtDate(today)} vẫn tính cho thứ Sáu đó).`;
  if (reportDate === friday)
    return `Báo cáo của thứ Sáu tuần trước, ${fmtDate(friday)}: thứ Sáu tuần này (${fmtDate(thisWeek)}) chưa tới.`;
  if (fridayOfWeek(reportDate) === reportDate)
    return `Báo cáo của thứ Sáu ${fmtDate(reportDate)}, không phải tuần này.`;
  return `Báo cáo cho ngày ${fmtDate(reportDate)} (không phải thứ Sáu).`;
}
