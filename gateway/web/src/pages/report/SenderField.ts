import type { StoredSession } from '../../session';
import { html } from '../../ui';

/** Who sends: the signed-in account (no code to paste), or the access code the commune handed out, kept here. */
export function SenderField(props: {
  session: StoredSession | null;
  token: string;
  codeFor: string;
  onToken: (value: string) => void;
}) {
  if (props.session)
    return html`<p class="signed-in muted" data-testid="signed-in-as">
      Gửi báo cáo với tài khoản <strong>${props.session.name}</strong>.${' '}
      <a href=${`/login?next=${encodeURIComponent(location.pathname)}`}>Đăng nhập tài khoản khác</a>
    </p>`;
  return html`<fieldset class="token">
    <legend>Mã gửi báo cáo do xã cấp</legend>
    <input
      type="password"
      name="token"
      autocomplete="off"
      placeholder=${`Dán mã gửi báo cáo xã đã gửi cho ${props.codeFor}`}
      value=${props.token}
      onChange=${(e: Event) => props.onToken((e.target as HTMLInputElement).value)}
      data-testid="token"
    />
    <span class="muted small"
      >${props.token ? 'Đã lưu trong trình duyệt này.' : 'Chưa có mã: xem được số liệu nhưng chưa gửi được.'}</span
    >
  </fieldset>`;
}
