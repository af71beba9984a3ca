import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { fmtDate, fmtDateTime } from '../../format';
import type { ApprovePeriodMutation, CommunePeriodQuery, ReopenPeriodMutation } from '../../generated/graphql';
import { TOKEN_KEY } from '../../session';
import { html } from '../../ui';

const PERIOD_QUERY = /* GraphQL */ `
  query CommunePeriod($id: ID!, $date: Date!) {
    commune(id: $id) {
      reportingPeriods(from: $date, to: $date) {
        reportDate
        state
        locked
        revision
        approvedAt
        approvedBy
        reopenedAt
        reopenedBy
        reason
      }
    }
  }
`;
const APPROVE = /* GraphQL */ `
  mutation ApprovePeriod($id: ID!, $date: Date!) {
    approveReportingPeriod(communeId: $id, reportDate: $date) {
      reportDate
    }
  }
`;
const REOPEN = /* GraphQL */ `
  mutation ReopenPeriod($id: ID!, $date: Date!, $reason: String!) {
    reopenReportingPeriod(communeId: $id, reportDate: $date, reason: $reason) {
      reportDate
    }
  }
`;

type Period = NonNullable<CommunePeriodQuery['commune']>['reportingPeriods'][number];

/** The commune's approval of a Friday's reports (duyệt kỳ báo cáo), and reopening it with a reason. */
export function PeriodActions(props: { id: string; date: string }) {
  const [period, setPeriod] = useState<Period | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => setMessage(null), [props.id, props.date]);
  useEffect(() => {
    gql<CommunePeriodQuery>(PERIOD_QUERY, { id: props.id, date: props.date }).then(
      (d) => setPeriod(d.commune?.reportingPeriods[0] ?? null),
      () => setPeriod(null),
    );
  }, [props.id, props.date, version]);
  const session = localStorage.getItem(TOKEN_KEY);
  const act = async (approve: boolean) => {
    try {
      if (approve) await gql<ApprovePeriodMutation>(APPROVE, { id: props.id, date: props.date }, session);
      else await gql<ReopenPeriodMutation>(REOPEN, { id: props.id, date: props.date, reason }, session);
      setMessage({
        kind: 'ok',
        text: approve
          ? `Đã duyệt kỳ báo cáo thứ Sáu ${fmtDate(props.date)}: các thôn không gửi thêm được.`
          : `Đã mở lại kỳ báo cáo thứ Sáu ${fmtDate(props.date)}.`,
      });
      setReason('');
      setVersion((v) => v + 1);
    } catch (e) {
      const text = e instanceof ApiError ? e.errors.map((x) => x.message).join('; ') : 'Không gửi được: kiểm tra mạng.';
      setMessage({ kind: 'error', text });
    }
  };
  const locked = period?.locked ?? false;
  return html`<div class="period" data-testid="period-actions" data-state=${period?.state ?? 'OPEN'}>
    <p>
      ${
        locked
          ? `Kỳ báo cáo đã duyệt lúc ${fmtDateTime(period?.approvedAt)}${period?.approvedBy ? ` (${period.approvedBy})` : ''}: các thôn không gửi thêm được.`
          : period?.state === 'REOPENED'
            ? `Kỳ báo cáo đã mở lại lúc ${fmtDateTime(period.reopenedAt)}: ${period.reason ?? ''}`
            : 'Kỳ báo cáo chưa duyệt.'
      }
    </p>
    ${
      locked
        ? html`<label class="inline"
              >Lý do mở lại
              <input
                value=${reason}
                data-testid="reopen-reason"
                onInput=${(e: Event) => setReason((e.target as HTMLInputElement).value)}
            /></label>
            <button type="button" data-testid="reopen" disabled=${!reason.trim()} onClick=${() => act(false)}>
              Mở lại kỳ báo cáo
            </button>`
        : html`<button type="button" data-testid="approve" onClick=${() => act(true)}>
            Duyệt kỳ báo cáo thứ Sáu ${fmtDate(props.date)}
          </button>`
    }
    ${
      message
        ? html`<p class=${`message ${message.kind}`} role="status" data-testid="period-message">${message.text}</p>`
        : null
    }
  </div>`;
}
