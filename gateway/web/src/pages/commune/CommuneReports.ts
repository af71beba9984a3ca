import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { problemFor } from '../../words';
import { fmtDate } from '../../format';
import type { CommuneReportFieldsFragment, CommuneQuery, DraftCommuneReportMutation } from '../../generated/graphql';
import { TOKEN_KEY } from '../../session';
import { html, Loading } from '../../ui';
import { ReportEditor } from './ReportEditor';
import { COMMUNE_REPORT_FIELDS } from './reportFields';

/**
 * The reports' part of the commune page's query (written there, without a fragment of its own, to stay within the
 * gateway's depth limit), asked only when signed in: the commune's reports and the reporting requests (one-off
 * deadlines) of the province's directives in force.
 */
type ReportsPart = NonNullable<CommuneQuery['reports']>;

const DRAFT =
  /* GraphQL */ `
  mutation DraftCommuneReport($input: CommuneReportInput!) {
    saveCommuneReport(input: $input) {
      ...CommuneReportFields
    }
  }
` + COMMUNE_REPORT_FIELDS;

type Report = CommuneReportFieldsFragment;
interface Request {
  key: string;
  directiveId: string;
  number: string;
  dueOn: string;
  subject: string;
}

/** The reporting requests of the directives, newest due date first. */
function requestsOf(directives: ReportsPart['province']['directives']): Request[] {
  const list = directives.flatMap((d) =>
    d.reportingDeadlines
      .filter((x) => x.recurrence === 'ONCE' && x.dueOn)
      .map((x) => ({
        key: `${d.id}|${x.dueOn}`,
        directiveId: d.id,
        number: d.number,
        dueOn: x.dueOn!,
        subject: x.subject,
      })),
  );
  return list.sort((a, b) => b.dueOn.localeCompare(a.dueOn) || a.number.localeCompare(b.number));
}

/**
 * The commune's periodic reports to the province: pick a reporting request, draft, edit, submit, download. The
 * reports and the requests come with the commune page's query (`initial`, null when signed out or refused).
 */
export function CommuneReports(props: { id: string; initial: ReportsPart | null; error: unknown }) {
  const token = localStorage.getItem(TOKEN_KEY) ?? '';
  const [key, setKey] = useState('');
  const [edited, setEdited] = useState<Report[] | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  // A new page answer replaces the reports kept here since.
  useEffect(() => setEdited(null), [props.initial]);
  const requests = props.initial ? requestsOf(props.initial.province.directives) : null;
  const reports = edited ?? props.initial?.communeReports ?? null;
  const error = actionError ?? (props.error ? problemFor(props.error, 'Không tải được; hãy thử lại.') : null);
  if (!token)
    return html`<p class="muted" data-testid="report-signin">
      Cán bộ xã <a href=${`/login?next=${encodeURIComponent(location.pathname)}`}>đăng nhập</a> để soạn và gửi báo cáo
      định kỳ lên tỉnh.
    </p>`;
  if (error) return html`<p class="message error" role="alert">${error}</p>`;
  if (!requests || !reports) return html`<${Loading} />`;
  if (requests.length === 0) return html`<p class="muted">Tỉnh chưa có văn bản yêu cầu báo cáo theo hạn.</p>`;
  const request = requests.find((r) => r.key === key) ?? requests[0];
  const report = reports.find((r) => r.directiveId === request.directiveId && r.dueOn === request.dueOn);
  const replace = (next: Report) => setEdited([next, ...reports.filter((r) => r.id !== next.id)]);
  const draft = async () => {
    try {
      const input = { communeId: props.id, directiveId: request.directiveId, dueOn: request.dueOn };
      replace((await gql<DraftCommuneReportMutation>(DRAFT, { input }, token)).saveCommuneReport);
      setActionError(null);
    } catch (e) {
      setActionError(problemFor(e, 'Không gửi được: kiểm tra mạng.'));
    }
  };
  return html`<div data-testid="commune-reports">
    <label class="inline"
      >Yêu cầu báo cáo
      <select
        data-testid="report-request"
        value=${request.key}
        onChange=${(e: Event) => setKey((e.target as HTMLSelectElement).value)}
      >
        ${requests.map(
          (r) => html`<option value=${r.key}>${r.number} — hạn ${fmtDate(r.dueOn)}: ${r.subject}</option>`,
        )}
      </select>
    </label>
    ${
      report
        ? html`<${ReportEditor} report=${report} token=${token} onChange=${replace} />`
        : html`<p>
            Chưa có báo cáo cho yêu cầu này.${' '}
            <button type="button" data-testid="report-draft" onClick=${draft}>
              Soạn báo cáo từ số liệu của hệ thống
            </button>
          </p>`
    }
  </div>`;
}
