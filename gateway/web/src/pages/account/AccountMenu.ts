import { useEffect, useState } from 'preact/hooks';
import { gql } from '../../api';
import type { SignOutMutation } from '../../generated/graphql';
import { pending } from '../../outbox';
import { clearSession, storedSession, tokenFor, TOKEN_KEY } from '../../session';
import { html } from 'htm/preact';

const SIGN_OUT = /* GraphQL */ `
  mutation SignOut($refreshToken: String!) {
    signOut(refreshToken: $refreshToken)
  }
`;

/** Who is signed in on this device, with "Đăng xuất"; or a link to sign in. */
export function AccountMenu() {
  const [session, setSession] = useState(storedSession);
  // Every page renews a session near its end, so that the commune page's actions and the form find a valid token.
  useEffect(() => {
    if (session) void tokenFor(localStorage.getItem(TOKEN_KEY)).then(() => setSession(storedSession()));
  }, []);
  if (!session)
    return html`<a class="account-menu" href=${`/login?next=${encodeURIComponent(location.pathname)}`}>Đăng nhập</a>`;
  const signOut = async () => {
    const waiting = pending().length;
    if (
      waiting > 0 &&
      !confirm(
        `Còn ${waiting} báo cáo chưa gửi được. Sau khi đăng xuất, máy vẫn tự gửi khi có mạng trong vòng một ngày; quá hạn đó cần đăng nhập lại. Vẫn đăng xuất?`,
      )
    )
      return;
    try {
      await gql<SignOutMutation>(SIGN_OUT, { refreshToken: session.refreshToken });
    } catch {
      // Offline or already ended: this device forgets the session anyway.
    }
    clearSession();
    setSession(null);
    location.assign('/login');
  };
  // Those who keep accounts (the province admin, a commune officer) reach them from every page.
  const keepsAccounts = session.role === 'PROVINCE_ADMIN' || session.role === 'COMMUNE_OFFICER';
  return html`<span class="account-menu" data-testid="account-menu"
    >${session.name} ·${' '}
    ${
      keepsAccounts
        ? html`<a href="/accounts" data-testid="accounts-link">Tài khoản và đường dẫn mời</a> ·${' '}`
        : null
    } <button type="button" class="link" onClick=${signOut} data-testid="sign-out">Đăng xuất</button></span
  >`;
}
