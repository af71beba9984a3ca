import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql, NetworkError } from '../../api';
import type { RedeemInviteMutation } from '../../generated/graphql';
import { SESSION_FIELDS, saveSession } from '../../session';
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
 * form. The code is after "#", so it never reaches a server log; it works once.
 */
export function InvitePage() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const code = location.hash.slice(1);
    history.replaceState(null, '', location.pathname);
    if (!code) {
      setError('Đường dẫn mời không đầy đủ; hãy mở lại đúng đường dẫn xã đã gửi.');
      return;
    }
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
  }, []);
  return html`<${Layout} title="Đăng nhập bằng đường dẫn mời">
    ${
      error
        ? html`<div class="error-box" role="alert" data-testid="invite-error">
            <p>${error}</p>
            <p><a href="/login">Đăng nhập bằng mật khẩu</a></p>
          </div>`
        : html`<${Loading} />`
    }
  <//>`;
}
