import { html } from '../../ui';

/** Doubtful figures to confirm before sending: sent only by the confirm button, never by pressing Enter. */
export function Doubts(props: { items: string[]; onConfirm: (e: Event) => void; onFix: () => void }) {
  if (props.items.length === 0) return null;
  return html`<div class="doubts" role="alertdialog" aria-labelledby="doubts-title" data-testid="doubts">
    <p id="doubts-title"><strong>Số liệu này có vẻ chưa đúng. Kiểm tra lại trước khi gửi:</strong></p>
    <ul>
      ${props.items.map((d) => html`<li>${d}</li>`)}
    </ul>
    <button type="button" data-testid="confirm-doubtful" onClick=${props.onConfirm}>Số liệu đúng, vẫn gửi</button>
    <button type="button" class="secondary" data-testid="fix-doubtful" onClick=${props.onFix}>Sửa lại</button>
  </div>`;
}
