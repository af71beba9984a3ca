import { useEffect, useState } from 'preact/hooks';
import { ApiError, gql } from '../../api';
import type {
  AccountAreasQuery,
  AccountsQuery,
  CreateAccountMutation,
  CreateInviteMutation,
} from '../../generated/graphql';
import { storedSession, TOKEN_KEY } from '../../session';
import { html, Layout, Loading } from '../../ui';
import { InviteCard } from './InviteCard';
import { withoutEnglish } from '../../words';
import { roleTitle } from '../../../../../shared/pure/auth-rules';

const ACCOUNTS = /* GraphQL */ `
  query Accounts {
    accounts {
      id
      login
      name
      role
      areaId
      hasPassword
      disabledAt
    }
  }
`;
const AREAS = /* GraphQL */ `
  query AccountAreas($commune: ID!, $province: String!, $isCommune: Boolean!) {
    commune(id: $commune) @include(if: $isCommune) {
      villages {
        id
        name
      }
      units {
        id
        name
      }
    }
    communes(provinceCode: $province, limit: 200) @skip(if: $isCommune) {
      id
      name
    }
  }
`;
const CREATE = /* GraphQL */ `
  mutation CreateAccount($input: AccountInput!) {
    createAccount(input: $input) {
      id
    }
  }
`;
const INVITE = /* GraphQL */ `
  mutation CreateInvite($id: ID!) {
    createInvite(accountId: $id) {
      path
      expiresAt
      account {
        name
      }
    }
  }
`;

interface Choice {
  role: string;
  areaId: string;
  label: string;
}

/** Accounts of the signed-in official's area (/accounts): create one, and hand a village head or a unit's reporter an invite link. */
export function AccountsPage() {
  const session = storedSession();
  const [accounts, setAccounts] = useState<AccountsQuery['accounts'] | null>(null);
  const [choices, setChoices] = useState<Choice[]>([]);
  const [form, setForm] = useState({ name: '', login: '', choice: '', password: '', phone: '' });
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [invite, setInvite] = useState<CreateInviteMutation['createInvite'] | null>(null);
  const [version, setVersion] = useState(0);
  const token = () => localStorage.getItem(TOKEN_KEY);
  const fail = (err: unknown) =>
    setMessage({
      kind: 'error',
      text: err instanceof ApiError ? withoutEnglish(err.errors[0]?.message ?? '') : 'Không kết nối được; hãy thử lại.',
    });

  useEffect(() => {
    if (!session) return;
    void gql<AccountsQuery>(ACCOUNTS, {}, token()).then((d) => setAccounts(d.accounts), fail);
  }, [version]);
  useEffect(() => {
    if (!session) return;
    const isCommune = session.role === 'COMMUNE_OFFICER';
    const province = session.homePath.startsWith('/province/') ? session.homePath.slice('/province/'.length) : '';
    gql<AccountAreasQuery>(AREAS, { commune: session.area, province, isCommune }).then((d) => {
      if (isCommune)
        setChoices([
          ...(d.commune?.villages ?? []).map((v) => ({
            role: 'VILLAGE_REPORTER',
            areaId: v.id,
            label: `Trưởng thôn ${v.name}`,
          })),
          ...(d.commune?.units ?? []).map((u) => ({
            role: 'UNIT_REPORTER',
            areaId: u.id,
            label: `Báo cáo của ${u.name}`,
          })),
        ]);
      else
        setChoices([
          { role: 'PROVINCE_ADMIN', areaId: session.area, label: roleTitle('PROVINCE_ADMIN') },
          { role: 'PROVINCE_VIEWER', areaId: session.area, label: roleTitle('PROVINCE_VIEWER') },
          ...(d.communes ?? []).map((c) => ({ role: 'COMMUNE_OFFICER', areaId: c.id, label: `Cán bộ ${c.name}` })),
        ]);
    }, fail);
  }, []);

  if (!session)
    return html`<${Layout} title="Tài khoản">
      <p><a href="/login?next=/accounts">Đăng nhập</a> để quản lý tài khoản.</p>
    <//>`;

  const set = (field: keyof typeof form) => (e: Event) =>
    setForm({ ...form, [field]: (e.target as HTMLInputElement).value });
  const create = async (e: Event) => {
    e.preventDefault();
    const choice = choices.find((c) => `${c.role} ${c.areaId}` === form.choice);
    if (!choice) return setMessage({ kind: 'error', text: 'Hãy chọn tài khoản dành cho ai.' });
    try {
      const input = {
        login: form.login,
        name: form.name,
        role: choice.role,
        areaId: choice.areaId,
        password: form.password || null,
        phone: form.phone || null,
      };
      await gql<CreateAccountMutation>(CREATE, { input }, token());
      setMessage({ kind: 'ok', text: `Đã tạo tài khoản ${form.login}.` });
      setForm({ name: '', login: '', choice: '', password: '', phone: '' });
      setVersion(version + 1);
    } catch (err) {
      fail(err);
    }
  };
  const makeInvite = async (id: string) => {
    try {
      setInvite((await gql<CreateInviteMutation>(INVITE, { id }, token())).createInvite);
    } catch (err) {
      fail(err);
    }
  };
  const place = (areaId: string) => choices.find((c) => c.areaId === areaId)?.label ?? '';

  return html`<${Layout}
    title="Tài khoản"
    subtitle="Tạo tài khoản và đường dẫn mời cho cán bộ, trưởng thôn, người báo cáo của đơn vị"
  >
    <form class="panel account-form" onSubmit=${create} novalidate data-testid="account-form">
      <label>Họ và tên <input value=${form.name} onInput=${set('name')} data-testid="account-name" /></label>
      <label
        >Tên đăng nhập
        <input value=${form.login} onInput=${set('login')} autocapitalize="none" data-testid="account-login"
      /></label>
      <label
        >Dành cho
        <select value=${form.choice} onChange=${set('choice')} data-testid="account-choice">
          <option value="">— chọn —</option>
          ${choices.map((c) => html`<option value=${`${c.role} ${c.areaId}`}>${c.label}</option>`)}
        </select></label
      >
      <label
        >Mật khẩu (để trống nếu chỉ đăng nhập bằng đường dẫn mời)
        <input
          type="password"
          autocomplete="new-password"
          value=${form.password}
          onInput=${set('password')}
          data-testid="account-password"
      /></label>
      <label>Số điện thoại <input type="tel" value=${form.phone} onInput=${set('phone')} /></label>
      <button type="submit" data-testid="create-account">Tạo tài khoản</button>
      ${message ? html`<p class=${message.kind === 'ok' ? 'ok' : 'field-error'} role="status">${message.text}</p>` : null}
    </form>
    ${invite ? html`<${InviteCard} name=${invite.account.name} path=${invite.path} expiresAt=${invite.expiresAt} />` : null}
    ${
      accounts === null
        ? html`<${Loading} />`
        : html`<table class="panel" data-testid="accounts">
            <thead>
              <tr>
                <th>Họ và tên</th>
                <th>Tên đăng nhập</th>
                <th>Loại</th>
                <th>Địa bàn</th>
                <th>Mời</th>
              </tr>
            </thead>
            <tbody>
              ${accounts.map(
                (a) =>
                  html`<tr data-login=${a.login}>
                    <td>${a.name}</td>
                    <td>${a.login}</td>
                    <td>${roleTitle(a.role)}${a.disabledAt ? ' (đã khoá)' : ''}</td>
                    <td>${place(a.areaId)}</td>
                    <td>
                      ${
                        a.disabledAt || a.role === 'PROVINCE_ADMIN' || a.role === 'COMMUNE_OFFICER'
                          ? null
                          : html`<button type="button" onClick=${() => makeInvite(a.id)} data-testid="make-invite">
                              Tạo đường dẫn mời
                            </button>`
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
    }
  <//>`;
}
