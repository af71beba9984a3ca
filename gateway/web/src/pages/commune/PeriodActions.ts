import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { problemFor } from '../../words';
import { fmtDate, fmtDateTime } from '../../format';
import type {
  ApprovePeriodMutation,
  CommunePeriodQuery,
  PeriodFieldsFragment,
  ReopenPeriodMutation,
} from '../../generated/graphql';
import { TOKEN_KEY } from '../../session';
import { html } from '../../ui';

/** A Friday's period as the commune page's query (through FridayChase's part) gives it. */
export const PERIOD_FIELDS = /* GraphQL */ `
  fragment PeriodFields on ReportingPeriod {
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
`;

/** Asked again after the commune approves or reopens the period. */
const PERIOD_QUERY =
  /* GraphQL */ `
  query CommunePeriod($id: ID!, $date: Date!) {
    commune(id: $id) {
      reportingPeriods(from: $date, to: $date) {
        ...PeriodFields
      }
    }
  }
` + PERIOD_FIELDS;
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

type Period = PeriodFieldsFragment;

/** The commune's approval of a Friday's reports (duyệt kỳ báo cáo), and reopening it with a reason. */
export function PeriodActions(props: { id: string; date: string; period: Period | null }) {
  const [fresh, setFresh] = useState<Period | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => setMessage(null), [props.id, props.date]);
  // The period comes with the chase list; asked again only after an approval or a reopening here.
  useEffect(() => setFresh(null), [props.id, props.date, props.period]);
  useEffect(() => {
    if (version === 0) return;
    gql<CommunePeriodQuery>(PERIOD_QUERY, { id: props.id, date: props.date }).then(
      (d) => setFresh(d.commune?.reportingPeriods[0] ?? null),
      () => undefined,
    );
  }, [version]);
  const period = fresh ?? props.period;
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
      const text = problemFor(e, 'Không gửi được: kiểm tra mạng.');
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
