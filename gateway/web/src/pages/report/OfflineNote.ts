import { fmtDateTime } from '../../format';
import { ErrorBox, html, Layout, Loading } from '../../ui';
import type { VillageState } from './useVillage';

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

/** The form's page before its reporter is known: the error, or the wait (null once loaded). */
export function notLoaded(live: VillageState<unknown>) {
  if (live.error) return html`<${Layout} title="Báo cáo tuần"><${ErrorBox} error=${live.error} /><//>`;
  if (!live.data) return html`<${Layout} title="Báo cáo tuần"><${Loading} /><//>`;
  return null;
}
