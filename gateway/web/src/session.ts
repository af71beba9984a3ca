import { ApiError, gql } from './api';
import { isTokenRole } from '../../../shared/pure/auth-rules';
import { ANONYMOUS, type Viewer } from '../../../shared/pure/viewer';
/** The writer's access key kept in this browser (`bdhvs.token`), shared by the form and the commune page. */
export const TOKEN_KEY = 'bdhvs.token';

/**
 * A token from `?token=` (then taken out of the address bar) or the one kept in this browser. A signed-in device
 * (a session under SESSION_KEY) keeps its own: a link someone sent must not swap the account its reports go out as.
 */
export function initialToken(): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) {
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    if (fromUrl && !storedSession()) {
      localStorage.setItem(TOKEN_KEY, fromUrl);
      return fromUrl;
    }
  }
  return localStorage.getItem(TOKEN_KEY) ?? '';
}

/** A signed-in device (`/login` or an invite link): what refreshes the access token kept under TOKEN_KEY. */
export const SESSION_KEY = 'bdhvs.session';

export interface StoredSession {
  refreshToken: string;
  /** When the access token under TOKEN_KEY stops working (ISO). */
  expiresAt: string;
  name: string;
  sub: string;
  homePath: string;
  role: string;
  area: string;
}

export interface SessionAnswer {
  token: string;
  expiresAt: string;
  refreshToken: string;
  homePath: string;
  account: { id: string; name: string; role: string; areaId: string };
}

/** Keeps a session answered by signIn, redeemInvite or refreshSession. */
export function saveSession(s: SessionAnswer): void {
  localStorage.setItem(TOKEN_KEY, s.token);
  const stored: StoredSession = {
    refreshToken: s.refreshToken,
    expiresAt: s.expiresAt,
    name: s.account.name,
    sub: `account:${s.account.id}`,
    homePath: s.homePath,
    role: s.account.role,
    area: s.account.areaId,
  };
  localStorage.setItem(SESSION_KEY, JSON.stringify(stored));
}

export function storedSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

export function clearSession(): void {
  localStorage.removeItem(SESSION_KEY);
  localStorage.removeItem(TOKEN_KEY);
}

/** What a token says of its caller (read, not verified: the API decides; the pages only choose what to offer). */
export function unverifiedClaims(token: string | null): Record<string, unknown> | null {
  try {
    const part = token?.split('.')[1];
    if (!part) return null;
    const claims: unknown = JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/')));
    return claims !== null && typeof claims === 'object' ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The caller a token names, as the access rules (shared/pure/auth-rules) read one; ANONYMOUS when it names none. */
export function unverifiedViewer(token: string | null): Viewer {
  const claims = unverifiedClaims(token);
  if (!claims || !isTokenRole(claims.role) || typeof claims.area !== 'string') return ANONYMOUS;
  return { id: typeof claims.sub === 'string' ? claims.sub : null, name: null, role: claims.role, area: claims.area };
}

/** The subject a token names (read, not verified: only to tell whose token a queued report carries). */
export function subjectOf(token: string | null): string | null {
  const sub = unverifiedClaims(token)?.sub;
  return typeof sub === 'string' ? sub : null;
}

/** Refreshed this long before the access token ends (a day's token is renewed after about 12 hours). */
const REFRESH_BEFORE_MS = 12 * 60 * 60 * 1000;
let refreshing: Promise<void> | null = null;

/**
 * The token to send now for something signed with `token` (e.g. a queued report): when it is this device's
 * session (same account), the session's current token, refreshed first if it is near its end. Without a signal,
 * or when the refresh fails, the token as it is: nothing queued is dropped or changed here.
 */
export async function tokenFor(token: string | null): Promise<string | null> {
  const session = storedSession();
  if (!session || (token && subjectOf(token) !== session.sub)) return token;
  if (Date.parse(session.expiresAt) - Date.now() < REFRESH_BEFORE_MS && navigator.onLine) {
    refreshing ??= refresh(session).finally(() => {
      refreshing = null;
    });
    await refreshing;
  }
  return localStorage.getItem(TOKEN_KEY) ?? token;
}

/** What signIn, redeemInvite and refreshSession answer, as saveSession keeps it. */
export const SESSION_FIELDS = /* GraphQL */ `
  fragment SessionFields on Session {
    token
    expiresAt
    refreshToken
    homePath
    account {
      id
      name
      role
      areaId
    }
  }
`;

const REFRESH =
  /* GraphQL */ `
  mutation RefreshSession($refreshToken: String!) {
    refreshSession(refreshToken: $refreshToken) {
      ...SessionFields
    }
  }
` + SESSION_FIELDS;

async function refresh(session: StoredSession): Promise<void> {
  try {
    const data = await gql<{ refreshSession: SessionAnswer }>(REFRESH, { refreshToken: session.refreshToken });
    saveSession(data.refreshSession);
  } catch (error) {
    // The session was ended (signed out elsewhere, disabled): forget it; the page then asks to sign in again.
    if (error instanceof ApiError && error.code === 'UNAUTHENTICATED') localStorage.removeItem(SESSION_KEY);
  }
}
