import { fmtDate, fmtDateTime, fmtInt } from '../../format';
import { discard, type QueuedReport } from '../../outbox';
import { html } from '../../ui';
import { GROUP_VI, wordsFor } from '../../../../../shared/pure/values';

/**
 * What this village has in the browser's outbox: reports waiting for signal, and reports the server refused — each
 * with its reasons and figures, to fix and resend (or, asked first, to delete). Nothing leaves it unseen.
 */
export function Outbox(props: { items: QueuedReport[]; onFix: (item: QueuedReport) => void }) {
  const waiting = props.items.filter((q) => !q.refused);
  const refused = props.items.filter((q) => q.refused);
  const remove = (item: QueuedReport) => {
    const when = fmtDate(item.input.reportDate);
    if (confirm(`Xoá hẳn báo cáo ngày ${when} chưa được nhận? Số liệu trong đó sẽ mất.`)) {
      discard(item.input.idempotencyKey);
    }
  };
  return html`${
    waiting.length > 0
      ? html`<p class="queued" data-testid="outbox">
          ${
            `Đang chờ gửi ${waiting.length} báo cáo (lưu trong máy lúc ${waiting.map((q) => fmtDateTime(q.queuedAt)).join(', ')}). ` +
            'Báo cáo sẽ tự gửi khi có mạng, kể cả sau khi tải lại trang hay tắt trình duyệt.'
          }
        </p>`
      : null
  }
  ${refused.map(
    (q) =>
      html`<div class="refused" role="alert" data-testid="refused" data-key=${q.input.idempotencyKey}>
        <p>
          <strong>Báo cáo ngày ${fmtDate(q.input.reportDate)} chưa được nhận</strong>
          <span class="muted small"> (lưu lúc ${fmtDateTime(q.queuedAt)})</span>
        </p>
        <ul data-testid="refused-reasons">
          ${[...q.refused!.reasons, ...Object.values(q.refused!.fields)].map((r) => html`<li>${r}</li>`)}
        </ul>
        <p class="small" data-testid="refused-figures">
          ${q.input.groups
            .map(
              (g) =>
                `${wordsFor(GROUP_VI, g.group)}: ${fmtInt(g.registered)} đăng ký, ${fmtInt(g.completed)} hoàn thành, ` +
                `${fmtInt(g.certified)} được cấp chứng nhận`,
            )
            .join(' · ')}
        </p>
        <button type="button" data-testid="refused-fix" onClick=${() => props.onFix(q)}>Sửa và gửi lại</button>
        <button type="button" class="secondary" data-testid="refused-discard" onClick=${() => remove(q)}>
          Xoá báo cáo này
        </button>
      </div>`,
  )}`;
}
