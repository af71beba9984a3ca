import { fmtDate } from '../../format';
import type { CommuneReportFieldsFragment } from '../../generated/graphql';
import { html } from '../../ui';
import { todayInVietnam } from '../../../../../shared/pure/dates';

/**
 * A report the province returned, said at the top of the commune page with the province's reason and a link to the
 * report's part of the page: the officer must not have to find it at the bottom.
 */
export function ReturnedNotice(props: { reports: readonly CommuneReportFieldsFragment[] | null }) {
  const returned = (props.reports ?? []).filter((r) => r.status === 'RETURNED');
  if (returned.length === 0) return null;
  return html`<div class="stale-warning" role="alert" data-testid="returned-notice">
    ${returned.map((r) => {
      // One string, so that no line break of the template swallows a space.
      const when = r.reviewedAt ? ` ngày ${fmtDate(todayInVietnam(new Date(r.reviewedAt)))}` : '';
      const why = r.reviewNote ? `: “${r.reviewNote}”` : '.';
      const text = `Tỉnh trả lại báo cáo theo văn bản ${r.directiveNumber} (hạn ${fmtDate(r.dueOn)})${when}${why} `;
      return html`<p>${text}<a href="#commune-reports">Sửa và gửi lại báo cáo</a></p>`;
    })}
  </div>`;
}
