import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildServer, ROOT } from '../support/launch';
import { errorCode, ok, startTestStack, type TestStack } from '../support/stack';

// Quảng Ngãi (P23); Ba Tô (C02949) with its village Xà Râu (V02949-08); Ba Tơ (C02762) is another commune.
const P23 = 'P23';
const BA_TO = 'C02949';
const XA_RAU = 'V02949-08';
const BA_TO_OTHER = 'C02762';

const CREATE = `mutation ($input: AccountInput!) { createAccount(input: $input) { id login name role areaId hasPassword } }`;
const SIGN_IN = `mutation ($login: String!, $password: String!) {
  signIn(login: $login, password: $password) { token refreshToken expiresAt sessionExpiresAt homePath account { id role areaId } } }`;
const INVITE = `mutation ($id: ID!) { createInvite(accountId: $id) { code path expiresAt } }`;
const REDEEM = `mutation ($code: String!) { redeemInvite(code: $code) { token refreshToken homePath account { areaId } } }`;
const REFRESH = `mutation ($r: String!) { refreshSession(refreshToken: $r) { token refreshToken } }`;
const SIGN_OUT = `mutation ($r: String!) { signOut(refreshToken: $r) }`;
const ACCOUNTS = `query ($areaId: ID) { accounts(areaId: $areaId) { login role areaId } }`;
const POPULATION = `mutation ($areaId: ID!) { recordPopulation(areaId: $areaId, population: { asOf: "2025-10-01", adults: 321 },
  reason: "Trưởng thôn đếm lại") { adults } }`;

interface SessionAnswer {
  token: string;
  refreshToken: string;
  homePath: string;
  account: { id: string; role: string; areaId: string };
}

let stack: TestStack;
let admin: string;
let officer: string;

async function post(query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(stack.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body };
}

const account = (login: string, role: string, areaId: string, password: string | null = 'mat-khau-du-dai') => ({
  input: { login, name: `Người dùng ${login}`, role, areaId, password },
});

beforeAll(async () => {
  stack = await startTestStack({ limits: { signInsPerIp: 25 } });
  admin = await stack.token('PROVINCE_ADMIN', P23);
});
afterAll(() => stack?.stop());

describe('accounts, sign-in and invites over HTTP', () => {
  it('a province admin creates a commune officer, who signs in and lands on the commune page', async () => {
    ok(await stack.gql(CREATE, account('cb.bato', 'COMMUNE_OFFICER', BA_TO, 'ba-to-2025!'), { token: admin }));
    const session = ok(
      await stack.gql<{ signIn: SessionAnswer }>(SIGN_IN, { login: 'CB.BaTo', password: 'ba-to-2025!' }),
    ).signIn;
    expect(session.homePath).toBe(`/commune/${BA_TO}`);
    expect(session.account).toMatchObject({ role: 'COMMUNE_OFFICER', areaId: BA_TO });
    officer = session.token;
    // The session token is an ordinary caller token: it may write in its commune.
    ok(await stack.gql(POPULATION, { areaId: XA_RAU }, { token: officer }));
  });

  it('a commune officer creates village reporters of its commune, and nothing above or outside it', async () => {
    ok(await stack.gql(CREATE, account('th.xarau', 'VILLAGE_REPORTER', XA_RAU, null), { token: officer }));
    for (const [input, code] of [
      [account('x.other', 'VILLAGE_REPORTER', `V${BA_TO_OTHER.slice(1)}-01`), 'FORBIDDEN'],
      [account('x.peer', 'COMMUNE_OFFICER', BA_TO), 'FORBIDDEN'],
      [account('x.province', 'PROVINCE_ADMIN', P23), 'FORBIDDEN'],
      [account('x.level', 'VILLAGE_REPORTER', BA_TO), 'BAD_USER_INPUT'],
      [account('th.xarau', 'VILLAGE_REPORTER', XA_RAU), 'CONFLICT'],
      [account('x.short', 'VILLAGE_REPORTER', XA_RAU, 'ngan'), 'BAD_USER_INPUT'],
    ] as const) {
      const answer = await stack.gql(CREATE, input, { token: officer });
      expect([input.input.login, errorCode(answer)]).toEqual([input.input.login, code]);
    }
    expect(errorCode(await stack.gql(CREATE, account('x.anon', 'VILLAGE_REPORTER', XA_RAU)))).toBe('UNAUTHENTICATED');
    const listed = ok(await stack.gql<{ accounts: Array<{ login: string }> }>(ACCOUNTS, {}, { token: officer }));
    expect(listed.accounts.map((a) => a.login)).toEqual(['th.xarau', 'cb.bato']);
    expect(errorCode(await stack.gql(ACCOUNTS, { areaId: BA_TO_OTHER }, { token: officer }))).toBe('FORBIDDEN');
    const rows = await stack.sql<{ login: string; password_hash: string | null }>(
      `select login, password_hash from registry.account order by id`,
    );
    expect(rows[0].password_hash).toMatch(/^\$2[aby]\$10\$/); // bcrypt, never the password itself
    expect(rows[1].password_hash).toBeNull();
  });

  it('an invite link signs a village head in once, onto the report form', async () => {
    const [{ id }] = await stack.sql<{ id: number }>(`select id from registry.account where login = 'th.xarau'`);
    expect(
      errorCode(await stack.gql(INVITE, { id }, { token: await stack.token('COMMUNE_OFFICER', BA_TO_OTHER) })),
    ).toBe('FORBIDDEN');
    const invite = ok(
      await stack.gql<{ createInvite: { code: string; path: string } }>(INVITE, { id }, { token: officer }),
    ).createInvite;
    expect(invite.path).toBe(`/invite#${invite.code}`);
    const first = ok(await stack.gql<{ redeemInvite: SessionAnswer }>(REDEEM, { code: invite.code })).redeemInvite;
    expect(first.homePath).toBe(`/village/${XA_RAU}/report`);
    ok(await stack.gql(POPULATION, { areaId: XA_RAU }, { token: first.token }));
    const again = await stack.gql(REDEEM, { code: invite.code });
    expect(errorCode(again)).toBe('UNAUTHENTICATED');
    expect(again.errors?.[0].message).toMatch(/^Đường dẫn mời đã được dùng/);
    // An expired invite does not work either.
    const late = ok(
      await stack.gql<{ createInvite: { code: string } }>(INVITE, { id }, { token: officer }),
    ).createInvite;
    await stack.sql(
      `update registry.account_invite set expires_at = now() - interval '1 second' where used_at is null`,
    );
    expect(errorCode(await stack.gql(REDEEM, { code: late.code }))).toBe('UNAUTHENTICATED');
  });

  it('refreshes a session until it is signed out', async () => {
    const session = ok(
      await stack.gql<{ signIn: SessionAnswer }>(SIGN_IN, { login: 'cb.bato', password: 'ba-to-2025!' }),
    ).signIn;
    const refreshed = ok(
      await stack.gql<{ refreshSession: SessionAnswer }>(REFRESH, { r: session.refreshToken }),
    ).refreshSession;
    ok(await stack.gql(POPULATION, { areaId: XA_RAU }, { token: refreshed.token }));
    expect(ok(await stack.gql<{ signOut: boolean }>(SIGN_OUT, { r: session.refreshToken })).signOut).toBe(true);
    expect(errorCode(await stack.gql(REFRESH, { r: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('every account change is in the audit trail, without passwords', async () => {
    const rows = await stack.sql<{ operation: string; actor_id: string; after: Record<string, unknown> }>(
      `select operation, actor_id, after from registry.audit_log where target_type = 'Account' order by id`,
    );
    expect(rows.map((r) => r.operation)).toEqual([
      'createAccount',
      'createAccount',
      'createInvite',
      'redeemInvite',
      'createInvite',
    ]);
    expect(rows[1].actor_id).toMatch(/^account:\d+$/); // the officer, signed in with its account
    expect(JSON.stringify(rows)).not.toMatch(/mat-khau|ba-to-2025|\$2[aby]\$/);
  });

  it('disabling an account ends its sessions and invites, audited', async () => {
    const [{ id }] = await stack.sql<{ id: number }>(`select id from registry.account where login = 'th.xarau'`);
    const invite = ok(
      await stack.gql<{ createInvite: { code: string } }>(INVITE, { id }, { token: officer }),
    ).createInvite;
    const session = ok(await stack.gql<{ redeemInvite: SessionAnswer }>(REDEEM, { code: invite.code })).redeemInvite;
    const unused = ok(
      await stack.gql<{ createInvite: { code: string } }>(INVITE, { id }, { token: officer }),
    ).createInvite;
    const DISABLE = `mutation ($id: ID!) { disableAccount(accountId: $id) { disabledAt } }`;
    expect(
      errorCode(await stack.gql(DISABLE, { id }, { token: await stack.token('COMMUNE_OFFICER', BA_TO_OTHER) })),
    ).toBe('FORBIDDEN');
    expect(
      ok(await stack.gql<{ disableAccount: { disabledAt: string } }>(DISABLE, { id }, { token: officer }))
        .disableAccount.disabledAt,
    ).toBeTruthy();
    expect(errorCode(await stack.gql(REFRESH, { r: session.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await stack.gql(REDEEM, { code: unused.code }))).toBe('UNAUTHENTICATED');
    const [last] = await stack.sql<{ operation: string; before: { disabled: boolean }; after: { disabled: boolean } }>(
      `select operation, before, after from registry.audit_log where target_type = 'Account' order by id desc limit 1`,
    );
    expect(last).toMatchObject({ operation: 'disableAccount', before: { disabled: false }, after: { disabled: true } });
  });

  it('a wrong password is refused; five lock the account (429, in Vietnamese)', async () => {
    const wrong = await post(SIGN_IN, { login: 'cb.bato', password: 'sai-mat-khau' });
    expect(wrong.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(wrong.body.errors[0].message).toMatch(/^Tên đăng nhập hoặc mật khẩu không đúng/);
    expect(errorCode(await stack.gql(SIGN_IN, { login: 'khong.co', password: 'sai-mat-khau' }))).toBe(
      'UNAUTHENTICATED',
    );
    let last = wrong;
    for (let i = 0; i < 4; i += 1) last = await post(SIGN_IN, { login: 'cb.bato', password: 'sai-mat-khau' });
    expect(last.status).toBe(429);
    expect(last.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(last.body.errors[0].message).toMatch(
      /^Đăng nhập sai quá 5 lần; tài khoản tạm khoá, hãy thử lại sau 15 phút/,
    );
    expect(Number(last.retryAfter)).toBeGreaterThan(800);
    // Even the right password waits now.
    expect((await post(SIGN_IN, { login: 'cb.bato', password: 'ba-to-2025!' })).status).toBe(429);
  });

  it('npm run account makes the first province admin on a fresh start, who can sign in', async () => {
    buildServer();
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(ROOT, 'dist/scripts/account.js'),
        '--login',
        'Tinh.Admin',
        '--name',
        'Nguyễn Văn A',
        '--area',
        P23,
        '--url',
        stack.gateway.url,
      ],
      { env: { ...process.env, AUTH_SECRET: stack.authSecret } },
    );
    const password = /password: (\S+)/.exec(stdout)?.[1];
    expect(stdout).toContain('login: tinh.admin');
    const session = ok(await stack.gql<{ signIn: SessionAnswer }>(SIGN_IN, { login: 'tinh.admin', password })).signIn;
    expect(session.homePath).toBe('/province/23');
    const [row] = await stack.sql<{ actor_id: string }>(
      `select actor_id from registry.audit_log where operation = 'createAccount' order by id desc limit 1`,
    );
    expect(row.actor_id).toBe('bootstrap:npm-run-account');
    expect(password).toHaveLength(12);
  }, 180_000);

  it('sign-in attempts from one address are limited (429), whatever the account', async () => {
    let answer = await post(SIGN_IN, { login: 'khong.co', password: 'sai-mat-khau' });
    let attempts = 1;
    while (answer.status !== 429 && attempts < 40) {
      answer = await post(SIGN_IN, { login: `khong.co${attempts}`, password: 'sai-mat-khau' });
      attempts += 1;
    }
    expect(answer.status).toBe(429);
    expect(attempts).toBeLessThanOrEqual(25);
    expect(answer.body.errors[0].message).toMatch(/^Có quá nhiều lần đăng nhập từ máy này/);
    expect(answer.retryAfter).not.toBeNull();
  });
});
