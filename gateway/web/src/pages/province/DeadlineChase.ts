import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { fmtDate, STATE_VI } from '../../format';
import type { ProvinceDeadlineStatusQuery, ProvinceDeadlineStatusQueryVariables } from '../../generated/graphql';
import { html, Loading } from '../../ui';
import { loadDirectives } from './directives';

const DEADLINE_QUERY = /* GraphQL */ `
  query ProvinceDeadlineStatus($code: String!, $deadline: Date!) {
    province(code: $code) {
      reportingStatus(deadline: $deadline) {
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
    }
  }
`;

type DeadlineStatus = NonNullable<ProvinceDeadlineStatusQuery['province']>['reportingStatus'];

/** The communes that have not reported by the latest one-off deadline of the directives (or a date picked). */
export function DeadlineChase(props: { code: string }) {
  const [deadline, setDeadline] = useState<string | null>(null);
  const [data, setData] = useState<DeadlineStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    loadDirectives(props.code).then(
      (directives) => {
        const dates = directives
          .flatMap((x) => x.reportingDeadlines)
          .filter((r) => r.recurrence === 'ONCE' && r.dueOn)
          .map((r) => r.dueOn!);
        setDeadline(dates.sort().at(-1) ?? '2025-11-20');
      },
      () => setDeadline('2025-11-20'),
    );
  }, [props.code]);
  useEffect(() => {
    if (!deadline) return;
    setData(null);
    const variables: ProvinceDeadlineStatusQueryVariables = { code: props.code, deadline };
    gql<ProvinceDeadlineStatusQuery>(DEADLINE_QUERY, variables).then(
      (d) => (setData(d.province?.reportingStatus ?? null), setError(null)),
      setError,
    );
  }, [deadline]);
  const chase = data?.communes.filter((c) => c.status !== 'ON_TIME') ?? [];
  return html` <label class="inline"
      >Hạn báo cáo (trước ngày)
      <input
        type="date"
        value=${deadline ?? ''}
        onChange=${(e: Event) => setDeadline((e.target as HTMLInputElement).value || null)}
        data-testid="deadline"
    /></label>
    ${error ? html`<p class="error">${error instanceof ApiError ? error.message : String(error)}</p>` : null}
    ${
      !data
        ? error
          ? null
          : html`<${Loading} />`
        : html` <p>
              Từ ${fmtDate(data.since)}: <span class="ok">${data.onTime} đúng hạn</span> ·
              <span class="late">${data.late} trễ hạn</span> · <span class="behind">${data.missing} chưa báo cáo</span>
            </p>
            ${
              chase.length === 0
                ? html`<p class="muted">Tất cả các xã đã báo cáo đúng hạn.</p>`
                : html` <table data-testid="deadline-chase">
                    <thead>
                      <tr>
                        <th>Xã</th>
                        <th>Tình trạng</th>
                        <th class="num">Đơn vị đã báo cáo</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${chase.map(
                        (c) =>
                          html`<tr>
                            <td><a href=${`/commune/${c.commune.id}`}>${c.name}</a></td>
                            <td class=${c.status === 'LATE' ? 'late' : 'behind'}>${STATE_VI[c.status]}</td>
                            <td class="num">${c.reportersReported}/${c.reportersTotal}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>`
            }`
    }`;
}
