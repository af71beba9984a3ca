import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { problemFor } from '../../words';
import { fmtDate, fmtDateTime } from '../../format';
import type { ApprovePeriodMutation, PeriodFieldsFragment, ReopenPeriodMutation } from '../../generated/graphql';
import { TOKEN_KEY } from '../../session';
import { html } from '../../ui';
import { todayInVietnam } from '../../../../../shared/pure/dates';

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

// The mutations answer with the period as it now stands, so the box shows it at once (no second round trip, no
// "chưa duyệt" for a moment after approving).
const APPROVE =
  /* GraphQL */ `
  mutation ApprovePeriod($id: ID!, $date: Date!) {
    approveReportingPeriod(communeId: $id, reportDate: $date) {
      ...PeriodFields
    }
  }
` + PERIOD_FIELDS;
const REOPEN =
  /* GraphQL */ `
  mutation ReopenPeriod($id: ID!, $date: Date!, $reason: String!) {
    reopenReportingPeriod(communeId: $id, reportDate: $date, reason: $reason) {
      ...PeriodFields
    }
  }
` + PERIOD_FIELDS;

type Period = PeriodFieldsFragment;

/** The commune's approval of a Friday's reports (duyệt kỳ báo cáo), and reopening it with a reason. */
export function PeriodActions(props: { id: string; date: string; period: Period | null; canAct: boolean }) {
  const [fresh, setFresh] = useState<Period | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => setMessage(null), [props.id, props.date]);
  // The period comes with the chase list, or from this box's own approval or reopening until the list is renewed.
  useEffect(() => setFresh(null), [props.id, props.date, props.period]);
  const period = fresh ?? props.period;
  const session = localStorage.getItem(TOKEN_KEY);
  const day = fmtDate(props.date);
  const act = async (approve: boolean) => {
    const question = approve
      ? `Duyệt kỳ báo cáo thứ Sáu ${day}? Sau khi duyệt, các thôn và đơn vị không gửi thêm, không sửa được số liệu của kỳ này; muốn sửa phải mở lại kỳ với lý do.`
      : `Mở lại kỳ báo cáo thứ Sáu ${day}? Các thôn và đơn vị sẽ gửi, sửa được số liệu của kỳ này cho đến khi duyệt lại; lý do được ghi vào nhật ký.`;
    if (!window.confirm(question)) return;
    try {
      const answer = approve
        ? (await gql<ApprovePeriodMutation>(APPROVE, { id: props.id, date: props.date }, session))
            .approveReportingPeriod
        : (await gql<ReopenPeriodMutation>(REOPEN, { id: props.id, date: props.date, reason }, session))
            .reopenReportingPeriod;
      setFresh(answer);
      setMessage({
        kind: 'ok',
        text: approve
          ? `Đã duyệt kỳ báo cáo thứ Sáu ${day}: các thôn không gửi thêm được.`
          : `Đã mở lại kỳ báo cáo thứ Sáu ${day}.`,
      });
      setReason('');
    } catch (e) {
      const text = problemFor(e, 'Không gửi được: kiểm tra mạng.');
      setMessage({ kind: 'error', text });
    }
  };
  const locked = period?.locked ?? false;
  // A Friday still to come cannot be approved (the API refuses a future date): say when it can be, offer no button.
  const notYet = props.date > todayInVietnam();
  return html`<div class="period" data-testid="period-actions" data-state=${period?.state ?? 'OPEN'}>
    <p>
      ${
        locked
          ? `Kỳ báo cáo đã duyệt lúc ${fmtDateTime(period?.approvedAt)}${period?.approvedBy ? ` (${period.approvedBy})` : ''}: các thôn không gửi thêm được.`
          : period?.state === 'REOPENED'
            ? `Kỳ báo cáo đã mở lại lúc ${fmtDateTime(period.reopenedAt)}: ${period.reason ?? ''}`
            : notYet
              ? `Kỳ báo cáo thứ Sáu ${day} chưa đến: duyệt được từ ngày ${day}.`
              : 'Kỳ báo cáo chưa duyệt.'
      }
    </p>
    ${
      !props.canAct
        ? null
        : locked
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
          : notYet
            ? null
            : html`<button type="button" data-testid="approve" onClick=${() => act(true)}>
                Duyệt kỳ báo cáo thứ Sáu ${day}
              </button>`
    }
    ${
      message
        ? html`<p class=${`message ${message.kind}`} role="status" data-testid="period-message">${message.text}</p>`
        : null
    }
  </div>`;
}
