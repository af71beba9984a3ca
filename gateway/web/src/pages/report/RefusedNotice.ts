import { useEffect, useState } from 'preact/hooks';
import { fmtDate } from '../../format';
import { OUTBOX_EVENT, pending, type QueuedReport } from '../../outbox';
import { html } from 'htm/preact';

/** The form a queued report belongs to (a village's or a unit's). */
function formOf(item: QueuedReport): string {
  const id = String(item.input.reporterId);
  return `/${id.startsWith('U') ? 'unit' : 'village'}/${encodeURIComponent(id)}/report`;
}

/**
 * A report this device queued and the hub refused, told on every page: the outbox sends from whatever page is open
 * when the signal comes back, so the refusal may come while the writer is on another page. Not on the form itself,
 * which shows the reasons beside the figures.
 */
export function RefusedNotice() {
  const [items, setItems] = useState<QueuedReport[]>(() => pending().filter((i) => i.refused));
  useEffect(() => {
    const renew = () => setItems(pending().filter((i) => i.refused));
    window.addEventListener(OUTBOX_EVENT, renew);
    return () => window.removeEventListener(OUTBOX_EVENT, renew);
  }, []);
  const elsewhere = items.filter((i) => formOf(i) !== location.pathname);
  if (elsewhere.length === 0) return null;
  return html`<div class="stale-warning" role="alert" data-testid="refused-notice">
    ${elsewhere.map((i) => {
      const reason = i.refused?.reasons[0] ?? Object.values(i.refused?.fields ?? {})[0] ?? '';
      const text = `Báo cáo ngày ${fmtDate(i.input.reportDate)} gửi từ máy này chưa được nhận${reason ? `: ${reason}` : '.'} `;
      return html`<p key=${i.input.idempotencyKey}>
        ${text}<a href=${formOf(i)}>Mở mẫu báo cáo để sửa và gửi lại</a>
      </p>`;
    })}
  </div>`;
}
