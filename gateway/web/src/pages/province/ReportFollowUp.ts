import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { problemFor } from '../../words';
import { DASH, fmtDate, fmtDateTime } from '../../format';
import type { ReportFollowUpFieldsFragment, ReportFollowUpQuery } from '../../generated/graphql';
import { TOKEN_KEY } from '../../session';
import { signedDownload } from '../../signed-download';
import { html, Loading } from '../../ui';
import { reportPage } from '../commune/reportFields';
import { ReportReview } from './ReportReview';
import { COMMUNE_REPORT_STATUS_VI, FOLLOW_UP_STATE_VI, wordsFor } from '../../../../../shared/pure/values';

/** The follow-up's part of the dashboard's query. */
export const REPORT_FOLLOW_UP_FIELDS = /* GraphQL */ `
  fragment ReportFollowUpFields on Province {
    id
    reportFollowUp {
      directiveId
      directiveNumber
      subject
      dueOn
      deadline
      onTime
      late
      draft
      missing
      communes {
        commune {
          id
        }
        name
        state
        status
        reportId
        firstSubmittedAt
        submittedAt
      }
    }
  }
`;

/** Asked again after the official accepts or returns a report. */
const FOLLOW_UP =
  /* GraphQL */ `
  query ReportFollowUp($code: String!) {
    province(code: $code) {
      ...ReportFollowUpFields
    }
  }
` + REPORT_FOLLOW_UP_FIELDS;

type FollowUp = ReportFollowUpFieldsFragment['reportFollowUp'];

const STATE_CLASS: Record<string, string> = { ON_TIME: 'ok', LATE: 'late', DRAFT: 'behind', MISSING: 'behind' };

/** Per reporting request of the directives: which communes submitted their report, on time or late, and which not. */
export function ReportFollowUp(props: { code: string; initial: FollowUp | null; error: unknown }) {
  const token = localStorage.getItem(TOKEN_KEY) ?? '';
  const [fresh, setFresh] = useState<FollowUp | null>(null);
  const [freshError, setFreshError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [picked, setPicked] = useState(0);
  // A new page answer replaces what was asked since.
  useEffect(() => (setFresh(null), setFreshError(null)), [props.initial]);
  useEffect(() => {
    if (version === 0) return;
    gql<ReportFollowUpQuery>(FOLLOW_UP, { code: props.code }).then(
      (d) => (setFresh(d.province?.reportFollowUp ?? []), setFreshError(null)),
      (e: unknown) => setFreshError(problemFor(e, 'Không tải được; hãy thử lại.')),
    );
  }, [props.code, version]);
  const data = fresh ?? props.initial;
  const error = freshError ?? (props.error ? problemFor(props.error, 'Không tải được; hãy thử lại.') : null);
  if (error) return html`<p class="message error" role="alert">${error}</p>`;
  if (!data) return html`<${Loading} />`;
  if (data.length === 0) return html`<p class="muted">Chưa có văn bản yêu cầu xã báo cáo theo hạn.</p>`;
  const request = data[Math.min(picked, data.length - 1)];
  const path = `/export/province/${encodeURIComponent(props.code)}/follow-up/${encodeURIComponent(request.directiveId)}/${request.dueOn}.xlsx`;
  return html`<div data-testid="report-follow-up">
    <label class="inline"
      >Yêu cầu báo cáo
      <select
        data-testid="follow-up-request"
        value=${String(picked)}
        onChange=${(e: Event) => setPicked(Number((e.target as HTMLSelectElement).value))}
      >
        ${data.map(
          (r, i) =>
            html`<option value=${String(i)}>${r.directiveNumber} — hạn ${fmtDate(r.dueOn)}: ${r.subject}</option>`,
        )}
      </select>
    </label>
    <p data-testid="follow-up-counts">
      Số xã đã nộp báo cáo định kỳ: <span class="ok">${request.onTime} đúng hạn</span> ·${' '}
      <span class="late">${request.late} trễ hạn</span> · <span class="behind">${request.draft} đang soạn</span> ·${' '}
      <span class="behind">${request.missing} chưa nộp báo cáo</span> ·${' '}
      <button type="button" class="download" data-testid="follow-up-xlsx" onClick=${() => signedDownload(path)}>
        ⬇ Tải Excel
      </button>
    </p>
    <table data-testid="follow-up-table">
      <thead>
        <tr>
          <th>Xã</th>
          <th>Tình trạng</th>
          <th>Báo cáo</th>
          <th>Gửi lần đầu</th>
          <th>Tỉnh xử lý</th>
        </tr>
      </thead>
      <tbody>
        ${request.communes.map(
          (c) =>
            html`<tr data-commune=${c.commune.id} data-state=${c.state}>
              <td><a href=${`/commune/${c.commune.id}`}>${c.name}</a></td>
              <td class=${STATE_CLASS[c.state] ?? ''}>${wordsFor(FOLLOW_UP_STATE_VI, c.state)}</td>
              <td>
                ${
                  c.reportId
                    ? html`<a href=${reportPage(c.commune.id, c.reportId)} data-testid="follow-up-report"
                        >${wordsFor(COMMUNE_REPORT_STATUS_VI, c.status) || 'Xem'}</a
                      >`
                    : DASH
                }
              </td>
              <td>${c.firstSubmittedAt ? fmtDateTime(c.firstSubmittedAt) : DASH}</td>
              <td>
                ${
                  c.reportId && c.status === 'SUBMITTED' && token
                    ? html`<${ReportReview}
                        reportId=${c.reportId}
                        name=${c.name}
                        token=${token}
                        onDone=${() => setVersion((v) => v + 1)}
                      />`
                    : DASH
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
