import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { fmtDate } from '../../format';
import type {
  DeadlineStatusFieldsFragment,
  ProvinceDeadlineStatusQuery,
  ProvinceDeadlineStatusQueryVariables,
} from '../../generated/graphql';
import { ErrorBox, html, Loading } from '../../ui';
import { todayInVietnam } from '../../../../../shared/pure/dates';
import { REPORTING_STATE_VI, wordsFor } from '../../../../../shared/pure/values';

/** A deadline's chase, as the dashboard's query (the latest one-off deadline) and a picked date give it. */
export const DEADLINE_STATUS_FIELDS = /* GraphQL */ `
  fragment DeadlineStatusFields on ProvinceReportingStatus {
    since
    deadline
    onTime
    late
    missing
    communes {
      commune {
        id
      }
      name
      status
      firstSubmittedAt
      reportersReported
      reportersTotal
    }
  }
`;

/** Asked only when the official picks another date. */
const DEADLINE_QUERY =
  /* GraphQL */ `
  query ProvinceDeadlineStatus($code: String!, $deadline: Date!) {
    province(code: $code) {
      reportingStatus(deadline: $deadline) {
        ...DeadlineStatusFields
      }
    }
  }
` + DEADLINE_STATUS_FIELDS;

type DeadlineStatus = DeadlineStatusFieldsFragment;

/**
 * The communes that have not reported by the latest one-off deadline of the directives (from the dashboard's
 * query), or by a date the official picks.
 */
export function DeadlineChase(props: { code: string; initial: DeadlineStatus | null; error: unknown }) {
  // The date in Vietnam of the deadline's instant (00:00 there): "before 20/11" is 2025-11-20.
  const first = props.initial ? todayInVietnam(new Date(props.initial.deadline)) : null;
  const [picked, setPicked] = useState<string | null>(null);
  const [fetched, setFetched] = useState<DeadlineStatus | null>(null);
  const [fetchError, setFetchError] = useState<unknown>(null);
  const deadline = picked ?? first;
  useEffect(() => {
    if (!picked || picked === first) return;
    let stale = false;
    setFetched(null);
    const variables: ProvinceDeadlineStatusQueryVariables = { code: props.code, deadline: picked };
    gql<ProvinceDeadlineStatusQuery>(DEADLINE_QUERY, variables).then(
      (d) => stale || (setFetched(d.province?.reportingStatus ?? null), setFetchError(null)),
      (e: unknown) => stale || setFetchError(e),
    );
    return () => {
      stale = true;
    };
  }, [picked]);
  const own = picked && picked !== first;
  const data = own ? fetched : props.initial;
  const error = own ? fetchError : props.error;
  const chase = data?.communes.filter((c) => c.status !== 'ON_TIME') ?? [];
  return html` <label class="inline"
      >Hạn báo cáo (trước ngày)
      <input
        type="date"
        value=${deadline ?? ''}
        onChange=${(e: Event) => setPicked((e.target as HTMLInputElement).value || null)}
        data-testid="deadline"
      />
      <span class="muted">${deadline ? fmtDate(deadline) : ''}</span></label
    >
    ${error ? html`<${ErrorBox} error=${error} />` : null}
    ${
      !data
        ? error || !deadline
          ? null
          : html`<${Loading} />`
        : html` <p>
              Từ ${fmtDate(data.since)}, số xã có thôn, đơn vị gửi số liệu:${' '}
              <span class="ok">${data.onTime} đúng hạn</span> · <span class="late">${data.late} trễ hạn</span> ·${' '}
              <span class="behind">${data.missing} chưa gửi số liệu</span>
            </p>
            ${
              chase.length === 0
                ? html`<p class="muted">
                    Tất cả các xã đã gửi số liệu tuần đúng hạn (báo cáo định kỳ của xã: xem mục dưới).
                  </p>`
                : html` <table data-testid="deadline-chase">
                    <thead>
                      <tr>
                        <th>Xã</th>
                        <th>Tình trạng</th>
                        <th class="num">Thôn, đơn vị đã gửi số liệu</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${chase.map(
                        (c) =>
                          html`<tr>
                            <td><a href=${`/commune/${c.commune.id}`}>${c.name}</a></td>
                            <td class=${c.status === 'LATE' ? 'late' : 'behind'}>
                              ${wordsFor(REPORTING_STATE_VI, c.status)}
                            </td>
                            <td class="num">${c.reportersReported}/${c.reportersTotal}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>`
            }`
    }`;
}
