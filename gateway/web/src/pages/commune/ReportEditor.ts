import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import { problemFor } from '../../words';
import { fmtDate, fmtDateTime } from '../../format';
import type {
  CommuneReportFieldsFragment,
  SaveCommuneReportMutation,
  SubmitCommuneReportMutation,
} from '../../generated/graphql';
import { signedDownload } from '../../signed-download';
import { html } from '../../ui';
import { ReportFigures } from './ReportFigures';
import { COMMUNE_REPORT_FIELDS, reportDocx, reportPage } from './reportFields';
import { COMMUNE_REPORT_STATUS_VI, wordsFor } from '../../../../../shared/pure/values';

const SAVE =
  /* GraphQL */ `
  mutation SaveCommuneReport($input: CommuneReportInput!) {
    saveCommuneReport(input: $input) {
      ...CommuneReportFields
    }
  }
` + COMMUNE_REPORT_FIELDS;

const SUBMIT =
  /* GraphQL */ `
  mutation SubmitCommuneReport($id: Int!) {
    submitCommuneReport(id: $id) {
      ...CommuneReportFields
    }
  }
` + COMMUNE_REPORT_FIELDS;

type Report = CommuneReportFieldsFragment;
type Message = { kind: 'ok' | 'error'; text: string } | null;

const problem = (e: unknown) => problemFor(e, `Không gửi được: ${String(e)}`);

/** The commune's report for one request: its figures, the sections the officer writes, save, submit, download. */
export function ReportEditor(props: { report: Report; token: string; onChange: (r: Report) => void }) {
  const r = props.report;
  const editable = r.status === 'DRAFT' || r.status === 'RETURNED';
  const [number, setNumber] = useState(r.number ?? '');
  const [difficulties, setDifficulties] = useState(r.difficulties ?? '');
  const [proposals, setProposals] = useState(r.proposals ?? '');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setNumber(r.number ?? '');
    setDifficulties(r.difficulties ?? '');
    setProposals(r.proposals ?? '');
  }, [r.id, r.revision]);

  const save = async () => {
    const input = {
      communeId: r.commune.id,
      directiveId: r.directiveId,
      dueOn: r.dueOn,
      number,
      difficulties,
      proposals,
    };
    return (await gql<SaveCommuneReportMutation>(SAVE, { input }, props.token)).saveCommuneReport;
  };
  const act = async (submit: boolean) => {
    if (submit) {
      // A report goes up the line as a document: numbered, and sent on purpose (the API refuses it unnumbered too).
      if (!number.trim()) {
        setMessage({ kind: 'error', text: 'Hãy nhập số văn bản của báo cáo (vd. 45/BC-UBND) trước khi gửi lên tỉnh.' });
        document.querySelector<HTMLInputElement>('[data-testid="report-number"]')?.focus();
        return;
      }
      const empty = [!difficulties.trim() && 'khó khăn, vướng mắc', !proposals.trim() && 'đề xuất, kiến nghị'].filter(
        Boolean,
      );
      const question =
        `Gửi báo cáo số ${number.trim()} theo Văn bản ${r.directiveNumber} lên tỉnh?\n` +
        (empty.length ? `Chưa ghi ${empty.join(' và ')}.\n` : '') +
        'Sau khi gửi, số liệu được chốt và chỉ sửa được khi tỉnh trả lại.';
      if (!window.confirm(question)) return;
    }
    setBusy(true);
    try {
      let next = await save();
      if (submit)
        next = (await gql<SubmitCommuneReportMutation>(SUBMIT, { id: r.id }, props.token)).submitCommuneReport;
      props.onChange(next);
      setMessage({
        kind: 'ok',
        text: submit
          ? `Đã gửi báo cáo lên tỉnh lúc ${fmtDateTime(next.submittedAt)}${next.onTime === false ? ' (sau hạn)' : ''}.`
          : 'Đã lưu bản nháp.',
      });
    } catch (e) {
      setMessage({ kind: 'error', text: problem(e) });
    } finally {
      setBusy(false);
    }
  };
  const download = () =>
    signedDownload(reportDocx(r.commune.id, r.id)).catch((e: unknown) =>
      setMessage({ kind: 'error', text: `Không tải được tệp Word: ${e instanceof Error ? e.message : String(e)}` }),
    );
  const field = (label: string, value: string, set: (v: string) => void, testid: string) =>
    html`<label class="block"
      >${label}
      <textarea
        rows="4"
        data-testid=${testid}
        disabled=${!editable}
        value=${value}
        onInput=${(e: Event) => set((e.target as HTMLTextAreaElement).value)}
      ></textarea>
    </label>`;
  return html`<div class="commune-report" data-testid="commune-report" data-status=${r.status}>
    <p>
      Báo cáo theo Văn bản <strong>${r.directiveNumber}</strong>, hạn ${fmtDate(r.dueOn)} ·${' '}
      <strong data-testid="report-status">${wordsFor(COMMUNE_REPORT_STATUS_VI, r.status)}</strong>
      ${r.submittedAt ? html` · gửi lúc ${fmtDateTime(r.submittedAt)}${r.onTime === false ? ' (sau hạn)' : ''}` : null}
    </p>
    ${
      r.status === 'RETURNED' && r.reviewNote
        ? html`<p class="message error" data-testid="return-reason">Tỉnh trả lại: ${r.reviewNote}</p>`
        : null
    }
    <${ReportFigures}
      figures=${r.figures}
      differences=${r.figureDifferences}
      planPart=${r.planPart}
      keyPeopleNow=${r.commune.keyPeople.line}
      keyPeopleHref=${`/commune/${r.commune.id}/key-people`}
    />
    <label class="inline"
      >Số văn bản
      <input
        value=${number}
        disabled=${!editable}
        data-testid="report-number"
        placeholder="vd. 45/BC-UBND"
        onInput=${(e: Event) => setNumber((e.target as HTMLInputElement).value)}
    /></label>
    ${field('Khó khăn, vướng mắc', difficulties, setDifficulties, 'report-difficulties')}
    ${field('Đề xuất, kiến nghị', proposals, setProposals, 'report-proposals')}
    <div class="actions">
      ${
        editable
          ? html`<button type="button" data-testid="report-save" disabled=${busy} onClick=${() => act(false)}>
                Lưu bản nháp
              </button>
              <button type="button" data-testid="report-submit" disabled=${busy} onClick=${() => act(true)}>
                Gửi báo cáo lên tỉnh
              </button>`
          : null
      }
      <button type="button" class="download" data-testid="report-docx" onClick=${download}>
        ⬇ Tải tệp Word (.docx)
      </button>
      <a href=${reportPage(r.commune.id, r.id)} data-testid="report-print">Bản in</a>
    </div>
    ${message ? html`<p class=${`message ${message.kind}`} role="status" data-testid="report-message">${message.text}</p>` : null}
  </div>`;
}
