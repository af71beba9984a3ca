import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { fmtDate, fmtDateTime } from '../../format';
import type {
  CommuneReportFieldsFragment,
  PrintCommuneReportQuery,
  PrintReportTargetsQuery,
} from '../../generated/graphql';
import { initialToken } from '../../session';
import { ErrorBox, html, Loading } from '../../ui';
import { ReportFigures } from './ReportFigures';
import { COMMUNE_REPORT_FIELDS } from './reportFields';
import { COMMUNE_KIND_VI, COMMUNE_REPORT_STATUS_VI, wordsFor } from '../../../../../shared/pure/values';
import { TARGET_TABLE_HEADINGS, targetTableRow } from '../../../../../shared/pure/targets';

const REPORT =
  /* GraphQL */ `
  query PrintCommuneReport($id: Int!) {
    communeReport(id: $id) {
      ...CommuneReportFields
    }
  }
` + COMMUNE_REPORT_FIELDS;

const TARGETS = /* GraphQL */ `
  query PrintReportTargets($id: ID!, $asOf: Date!, $report: Int!) {
    communeReport(id: $report) {
      targetStatus {
        ...PrintTargetRow
      }
    }
    commune(id: $id) {
      targetStatus(asOf: $asOf) {
        ...PrintTargetRow
      }
    }
  }
  fragment PrintTargetRow on TargetStatus {
    indicator
    group
    threshold
    strict
    dueOn
    document
    studentLevels
    demo
    value
    status
    anomaly
  }
`;

/**
 * The report's targets, row for row as the .docx prints them (shared/pure's targetTableRow): as frozen at its
 * submission, or for a draft the commune's as of the figures' date. The province and the .docx read the same words.
 */
function ReportTargets(props: { communeId: string; reportId: number; asOf: string }) {
  const [rows, setRows] = useState<NonNullable<PrintReportTargetsQuery['commune']>['targetStatus'] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<PrintReportTargetsQuery>(
      TARGETS,
      { id: props.communeId, asOf: props.asOf, report: props.reportId },
      initialToken(),
    ).then((d) => setRows(d.communeReport?.targetStatus ?? d.commune?.targetStatus ?? []), setError);
  }, [props.communeId, props.reportId, props.asOf]);
  if (error) return html`<${ErrorBox} error=${error} />`;
  if (!rows) return html`<${Loading} />`;
  if (rows.length === 0) return html`<p>Chưa có chỉ tiêu.</p>`;
  return html`<table data-testid="print-targets">
      <thead>
        <tr>
          ${TARGET_TABLE_HEADINGS.map((h) => html`<th>${h}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (t) =>
            html`<tr>
              ${targetTableRow(t).map((cell) => html`<td>${cell}</td>`)}
            </tr>`,
        )}
      </tbody>
    </table>
    ${rows.filter((t) => t.anomaly).map((t) => html`<p class="small anomaly"><em>${t.anomaly}</em></p>`)}`;
}

/** A commune report as a printable page, in the layout of an administrative report (header, sections, signature). */
export function ReportPrintPage(props: { id: string; reportId: string }) {
  const [report, setReport] = useState<CommuneReportFieldsFragment | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    gql<PrintCommuneReportQuery>(REPORT, { id: Number(props.reportId) }, initialToken()).then(
      (d) => setReport(d.communeReport),
      setError,
    );
  }, [props.reportId]);
  if (error) return html`<main class="print"><${ErrorBox} error=${error} /></main>`;
  if (!report) return html`<main class="print"><${Loading} /></main>`;
  const r = report;
  const body = `${(wordsFor(COMMUNE_KIND_VI, r.commune.kind) || 'Xã').toLocaleUpperCase('vi')} ${r.commune.name.toUpperCase()}`;
  return html`<main class="print" data-testid="report-print-page">
    <p class="no-print">
      <a href=${`/commune/${encodeURIComponent(props.id)}`}>← Trang xã</a> ·${' '}
      <button type="button" onClick=${() => window.print()}>In báo cáo</button> ·
      ${wordsFor(COMMUNE_REPORT_STATUS_VI, r.status)}
    </p>
    <table class="doc-header">
      <tr>
        <td>ỦY BAN NHÂN DÂN<br /><strong>${body}</strong><br />Số: ${r.number ?? '……/BC-UBND'}</td>
        <td>
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong><br /><strong>Độc lập - Tự do - Hạnh phúc</strong><br />
          <em>${r.commune.name}, ngày ${fmtDate(r.submittedAt ?? r.figures.asOf)}</em>
        </td>
      </tr>
    </table>
    <h1>BÁO CÁO</h1>
    <p class="center">Kết quả thực hiện phong trào “Bình dân học vụ số” theo Văn bản ${r.directiveNumber}</p>
    <p class="center">Kính gửi: Sở Khoa học và Công nghệ</p>
    <h2>1. Kết quả thực hiện</h2>
    <${ReportFigures}
      figures=${r.figures}
      differences=${r.figureDifferences}
      planPart=${r.planPart}
      keyPeopleNow=${r.commune.keyPeople.line}
    />
    <h3>Thực hiện chỉ tiêu (số liệu đến ngày ${fmtDate(r.figures.asOf)})</h3>
    <${ReportTargets} communeId=${r.commune.id} reportId=${r.id} asOf=${r.figures.asOf} />
    <h2>2. Khó khăn, vướng mắc</h2>
    <p class="pre" data-testid="print-difficulties">${r.difficulties ?? 'Không có.'}</p>
    <h2>3. Đề xuất, kiến nghị</h2>
    <p class="pre" data-testid="print-proposals">${r.proposals ?? 'Không có.'}</p>
    <p class="signature">
      <strong>TM. ỦY BAN NHÂN DÂN</strong><br />
      <strong>CHỦ TỊCH</strong><br /><br /><br />
      ${r.submittedBy ? html`<em>(Người gửi trên hệ thống: ${r.submittedBy}, lúc ${fmtDateTime(r.submittedAt)})</em>` : null}
    </p>
  </main>`;
}
