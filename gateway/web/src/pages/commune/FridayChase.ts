import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { fmtDate, fmtDateTime, STATE_VI } from '../../format';
import type { CommuneReportingStatusQuery, CommuneReportingStatusQueryVariables } from '../../generated/graphql';
import { ErrorBox, html, Loading } from '../../ui';

const REPORTING_STATUS_QUERY = /* GraphQL */ `
  query CommuneReportingStatus($id: ID!, $date: Date!) {
    commune(id: $id) {
      reportingStatus(reportDate: $date) {
        reportDate
        deadline
        onTime
        late
        missing
        reporters {
          name
          status
          firstSubmittedAt
          village {
            id
          }
          unit {
            id
          }
        }
      }
    }
  }
`;

type ReportingStatus = NonNullable<CommuneReportingStatusQuery['commune']>['reportingStatus'];

/** The latest Friday (the weekly reporting day) among the dates with figures. */
function latestFriday(dates: string[]): string | null {
  const fridays = dates.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 5).sort();
  return fridays.at(-1) ?? null;
}

/** Who reported for the latest Friday with figures: on time, late or not at all. */
export function FridayChase(props: { id: string; dates: string[]; updatedAt: Date | null }) {
  const friday = latestFriday(props.dates);
  const [data, setData] = useState<ReportingStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!friday) return;
    const variables: CommuneReportingStatusQueryVariables = { id: props.id, date: friday };
    gql<CommuneReportingStatusQuery>(REPORTING_STATUS_QUERY, variables).then(
      (d) => (setData(d.commune?.reportingStatus ?? null), setError(null)),
      setError,
    );
  }, [props.id, friday, props.updatedAt?.getTime()]);
  if (!friday) return html`<p class="muted">Chưa có báo cáo thứ Sáu nào.</p>`;
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (!data) return html`<${Loading} />`;
  const order: Record<string, number> = { MISSING: 0, LATE: 1, ON_TIME: 2 };
  const rows = [...data.reporters].sort(
    (a, b) => order[a.status] - order[b.status] || a.name.localeCompare(b.name, 'vi'),
  );
  return html`<p>
      Thứ Sáu ${fmtDate(data.reportDate)}, hạn ${fmtDateTime(data.deadline)}:
      <span class="ok">${data.onTime} đúng hạn</span> · <span class="late">${data.late} trễ hạn</span> ·
      <span class="behind">${data.missing} chưa báo cáo</span>
    </p>
    <div class="table-wrap scroll">
      <table data-testid="friday-chase">
        <thead>
          <tr>
            <th>Thôn / đơn vị</th>
            <th>Tình trạng</th>
            <th>Nộp lúc</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r) =>
              html`<tr data-state=${r.status}>
                <td>${r.village ? html`<a href=${`/village/${r.village.id}/report`}>${r.name}</a>` : r.name}</td>
                <td class=${r.status === 'ON_TIME' ? 'ok' : r.status === 'LATE' ? 'late' : 'behind'}>
                  ${STATE_VI[r.status]}
                </td>
                <td>${fmtDateTime(r.firstSubmittedAt)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
