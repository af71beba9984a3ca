import { fmtDateTime } from '../../format';
import { html } from '../../ui';

/** Said when the form's reporter comes from this browser's copy: the server could not be reached. */
export function OfflineNote(props: { offline: boolean; savedAt: string | null; what: string }) {
  if (!props.offline) return null;
  return html`<p class="offline-note" role="status" data-testid="offline-note">
    ${
      `Không có mạng: thông tin ${props.what} lưu trong máy lúc ${fmtDateTime(props.savedAt)}. ` +
      'Báo cáo gửi lúc này được giữ trong máy và tự gửi khi có mạng.'
    }
  </p>`;
}
