import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql, NetworkError } from '../../api';
import type { RedeemInviteMutation } from '../../generated/graphql';
import { SESSION_FIELDS, saveSession, storedSession } from '../../session';
import { html, Layout, Loading } from '../../ui';
import { withoutEnglish } from '../../words';

const REDEEM =
  /* GraphQL */ `
  mutation RedeemInvite($code: String!) {
    redeemInvite(code: $code) {
      ...SessionFields
    }
  }
` + SESSION_FIELDS;

/**
 * An invite link (/invite#<code>, or its QR code): signs the village head in on this device and opens the report
 * form. The code is after "#", so it never reaches a server log; it works once. On a device already signed in, the
 * link only asks: a link someone sent must not swap the account this device's reports go out as without a click.
 */
export function InvitePage() {
  const [error, setError] = useState<string | null>(null);
  const [held, setHeld] = useState<{ code: string; name: string; home: string } | null>(null);
  const redeem = (code: string) => {
    setHeld(null);
    gql<RedeemInviteMutation>(REDEEM, { code }).then(
      (data) => {
        saveSession(data.redeemInvite);
        location.replace(data.redeemInvite.homePath);
      },
      (err: unknown) =>
        setError(
          err instanceof NetworkError
            ? 'Không có kết nối mạng; hãy mở lại đường dẫn khi có sóng.'
            : err instanceof ApiError
              ? withoutEnglish(err.errors[0]?.message ?? '')
              : 'Không đăng nhập được; hãy thử lại.',
        ),
    );
  };
  useEffect(() => {
    const code = location.hash.slice(1);
    history.replaceState(null, '', location.pathname);
    if (!code) {
      setError('Đường dẫn mời không đầy đủ; hãy mở lại đúng đường dẫn xã đã gửi.');
      return;
    }
    const session = storedSession();
    if (session) setHeld({ code, name: session.name, home: session.homePath || '/' });
    else redeem(code);
  }, []);
  return html`<${Layout} title="Đăng nhập bằng đường dẫn mời">
    ${
      error
        ? html`<div class="error-box" role="alert" data-testid="invite-error">
            <p>${error}</p>
            <p><a href="/login">Đăng nhập bằng mật khẩu</a></p>
          </div>`
        : held
          ? html`<div class="panel" data-testid="invite-held">
              <p>Máy này đang đăng nhập với tên <strong>${held.name}</strong>.</p>
              <p>
                Mở đường dẫn mời sẽ đăng nhập bằng tài khoản khác, và các báo cáo gửi từ máy này sẽ mang tên tài khoản
                đó.
              </p>
              <p>
                <button type="button" onClick=${() => redeem(held.code)} data-testid="invite-replace">
                  Đăng nhập bằng đường dẫn mời này
                </button>
                ${' '}<a href=${held.home}>Giữ tài khoản đang dùng</a>
              </p>
            </div>`
          : html`<${Loading} />`
    }
  <//>`;
}
