import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { fmtDate, fmtDateTime } from '../../format';
import type { CommuneReportFieldsFragment, PrintCommuneReportQuery } from '../../generated/graphql';
import { initialToken } from '../../session';
import { ErrorBox, html, Loading } from '../../ui';
import { ReportFigures } from './ReportFigures';
import { COMMUNE_REPORT_FIELDS } from './reportFields';
import { COMMUNE_KIND_VI, COMMUNE_REPORT_STATUS_VI, wordsFor } from '../../../../../shared/pure/values';

const REPORT =
  /* GraphQL */ `
  query PrintCommuneReport($id: Int!) {
    communeReport(id: $id) {
      ...CommuneReportFields
    }
  }
` + COMMUNE_REPORT_FIELDS;

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
      <a href=${`/commune/${encodeURIComponent(props.id)}`}>← Trang xã</a> ·
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
    <h2>2. Khó khăn, vướng mắc</h2>
    <p class="pre" data-testid="print-difficulties">${r.difficulties ?? 'Không có.'}</p>
    <h2>3. Đề xuất, kiến nghị</h2>
    <p class="pre" data-testid="print-proposals">${r.proposals ?? 'Không có.'}</p>
    <p class="signature">
      <strong>TM. ỦY BAN NHÂN DÂN</strong><br />
      ${r.submittedBy ? html`(đã gửi bởi ${r.submittedBy} lúc ${fmtDateTime(r.submittedAt)})` : null}
    </p>
  </main>`;
}
