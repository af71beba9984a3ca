import { useState } from 'preact/hooks';
import { gql } from '../../api';
import { problemFor } from '../../words';
import type { AcceptCommuneReportMutation, ReturnCommuneReportMutation } from '../../generated/graphql';
import { html } from '../../ui';

const RETURN = /* GraphQL */ `
  mutation ReturnCommuneReport($id: Int!, $reason: String!) {
    returnCommuneReport(id: $id, reason: $reason) {
      id
      status
    }
  }
`;
const ACCEPT = /* GraphQL */ `
  mutation AcceptCommuneReport($id: Int!) {
    acceptCommuneReport(id: $id) {
      id
      status
    }
  }
`;

/** The province's decision on a submitted commune report: accept it, or return it with a reason. */
export function ReportReview(props: { reportId: number; name: string; token: string; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (accept: boolean) => {
    try {
      if (accept) await gql<AcceptCommuneReportMutation>(ACCEPT, { id: props.reportId }, props.token);
      else await gql<ReturnCommuneReportMutation>(RETURN, { id: props.reportId, reason }, props.token);
      setError(null);
      props.onDone();
    } catch (e) {
      setError(problemFor(e, `Không gửi được: ${String(e)}`));
    }
  };
  return html`<span class="review" data-testid="report-review">
    <button type="button" data-testid="report-accept" onClick=${() => act(true)}>Tiếp nhận</button>
    <input
      value=${reason}
      aria-label=${`Lý do trả lại báo cáo của ${props.name}`}
      placeholder="Lý do trả lại"
      data-testid="return-reason-input"
      onInput=${(e: Event) => setReason((e.target as HTMLInputElement).value)}
    />
    <button type="button" data-testid="report-return" disabled=${!reason.trim()} onClick=${() => act(false)}>
      Trả lại
    </button>
    ${error ? html`<span class="message error" role="alert">${error}</span>` : null}
  </span>`;
}
