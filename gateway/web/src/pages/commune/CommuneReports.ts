import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import { fmtDate } from '../../format';
import type {
  CommuneReportFieldsFragment,
  CommuneReportsQuery,
  DraftCommuneReportMutation,
} from '../../generated/graphql';
import { TOKEN_KEY } from '../../session';
import { html, Loading } from '../../ui';
import { loadDirectives } from '../province/directives';
import { ReportEditor } from './ReportEditor';
import { COMMUNE_REPORT_FIELDS } from './reportFields';

const REPORTS =
  /* GraphQL */ `
  query CommuneReports($id: ID!) {
    commune(id: $id) {
      id
      communeReports {
        ...CommuneReportFields
      }
    }
  }
` + COMMUNE_REPORT_FIELDS;

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

/** The commune's periodic reports to the province: pick a reporting request, draft, edit, submit, download. */
export function CommuneReports(props: { id: string; provinceCode: string }) {
  const token = localStorage.getItem(TOKEN_KEY) ?? '';
  const [requests, setRequests] = useState<Request[] | null>(null);
  const [key, setKey] = useState('');
  const [reports, setReports] = useState<Report[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadDirectives(props.provinceCode).then(
      (ds) => {
        const list = ds.flatMap((d) =>
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
        list.sort((a, b) => b.dueOn.localeCompare(a.dueOn) || a.number.localeCompare(b.number));
        setRequests(list);
        setKey((k) => k || (list[0]?.key ?? ''));
      },
      () => setRequests([]),
    );
  }, [props.provinceCode]);
  useEffect(() => {
    if (!token) return;
    gql<CommuneReportsQuery>(REPORTS, { id: props.id }, token).then(
      (d) => setReports(d.commune?.communeReports ?? []),
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, [props.id]);
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
  const replace = (next: Report) => setReports([next, ...reports.filter((r) => r.id !== next.id)]);
  const draft = async () => {
    try {
      const input = { communeId: props.id, directiveId: request.directiveId, dueOn: request.dueOn };
      replace((await gql<DraftCommuneReportMutation>(DRAFT, { input }, token)).saveCommuneReport);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
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
            Chưa có báo cáo cho yêu cầu này.
            <button type="button" data-testid="report-draft" onClick=${draft}>
              Soạn báo cáo từ số liệu của hệ thống
            </button>
          </p>`
    }
  </div>`;
}
