import { useState } from 'preact/hooks';
import { ApiError, gql, NetworkError } from '../../api';
import type { SignInMutation } from '../../generated/graphql';
import { SESSION_FIELDS, saveSession, storedSession } from '../../session';
import { html, Layout } from '../../ui';
import { withoutEnglish } from '../../words';
import { safeNextPath } from './nextPath';

const SIGN_IN =
  /* GraphQL */ `
  mutation SignIn($login: String!, $password: String!) {
    signIn(login: $login, password: $password) {
      ...SessionFields
    }
  }
` + SESSION_FIELDS;

/** Where to go after signing in: a page of this site asked for (`?next=/commune/…`), else the account's own page. */
function nextPath(home: string): string {
  return safeNextPath(new URL(location.href).searchParams.get('next'), location.origin, home);
}

/** The sign-in page (/login): login and password; the session then lasts on this device until signing out. */
export function LoginPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const current = storedSession();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!login.trim() || !password) {
      setError('Hãy nhập tên đăng nhập và mật khẩu.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const data = await gql<SignInMutation>(SIGN_IN, { login: login.trim(), password });
      saveSession(data.signIn);
      location.assign(nextPath(data.signIn.homePath));
    } catch (err) {
      setBusy(false);
      if (err instanceof NetworkError) setError('Không có kết nối mạng; hãy thử lại khi có sóng.');
      else if (err instanceof ApiError) setError(withoutEnglish(err.errors[0]?.message ?? ''));
      else setError('Không đăng nhập được; hãy thử lại.');
    }
  };

  return html`<${Layout} title="Đăng nhập" subtitle="Dành cho cán bộ tỉnh, xã và trưởng thôn">
    <form class="panel login" onSubmit=${submit} novalidate data-testid="login-form">
      ${
        current
          ? html`<p class="muted" data-testid="signed-in-as">
              Máy này đang đăng nhập với tên ${current.name}. <a href=${current.homePath}>Tiếp tục</a>
            </p>`
          : null
      }
      <label
        >Tên đăng nhập
        <input
          name="login"
          autocomplete="username"
          autocapitalize="none"
          value=${login}
          onInput=${(e: Event) => setLogin((e.target as HTMLInputElement).value)}
          data-testid="login"
      /></label>
      <label
        >Mật khẩu
        <input
          type="password"
          name="password"
          autocomplete="current-password"
          value=${password}
          onInput=${(e: Event) => setPassword((e.target as HTMLInputElement).value)}
          data-testid="password"
      /></label>
      ${error ? html`<p class="field-error" role="alert" data-testid="login-error">${error}</p>` : null}
      <button type="submit" disabled=${busy} data-testid="sign-in">${busy ? 'Đang đăng nhập…' : 'Đăng nhập'}</button>
      <p class="muted small">Trưởng thôn chưa có mật khẩu: mở đường dẫn mời hoặc quét mã QR do xã gửi.</p>
    </form>
  <//>`;
}
