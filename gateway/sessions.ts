/**
 * Sessions that end (docs/access.md, "Accounts and sign-in"): an access token of the hub's own sign-in names its
 * session (`sid`). Disabling the account, signing out or changing the password ends the session in the registry;
 * the gateway asks the registry whether a session is still open (`GET /internal/session/<sid>` on the registry,
 * authenticated with the gateway's internal token for that caller) and keeps the answer at most
 * GATEWAY_SESSION_CHECK_MS (5 s). Tokens without `sid` (`npm run token`, an identity provider's) are not checked.
 */
import { Supergraph } from '@apollo/federation-internals';
import { IDENTITY_HEADER, signInternalToken, type Caller, type CallerVerifier } from '../shared/auth';
import { bilingual, UnauthenticatedError } from '../shared/pure/errors';

/** How long an answer about a session is kept: a disabled account or signed-out device acts at most this long. */
export const SESSION_CHECK_MS = 5_000;
/** Answers kept at most (the oldest half is dropped beyond): bounded memory whatever the number of sessions. */
const MAX_CACHED = 10_000;
const ASK_TIMEOUT_MS = 5_000;

export const sessionCheckMsFromEnv = (env: NodeJS.ProcessEnv = process.env): number =>
  Number(env.GATEWAY_SESSION_CHECK_MS) > 0 ? Number(env.GATEWAY_SESSION_CHECK_MS) : SESSION_CHECK_MS;

export const SESSION_ENDED = bilingual(
  'Phiên đăng nhập đã kết thúc (đã đăng xuất, đổi mật khẩu hoặc tài khoản bị khoá); hãy đăng nhập lại',
  'the session has ended (signed out, password changed or account disabled); sign in again',
);

/** The registry could not say whether a session is open: the caller should retry, not sign in again. */
export class SessionCheckUnavailable extends Error {
  constructor(cause: unknown) {
    super(bilingual('Chưa kiểm tra được phiên đăng nhập; hãy thử lại sau ít giây', 'cannot check the session now'), {
      cause,
    });
    this.name = 'SessionCheckUnavailable';
  }
}

export interface SessionChecker {
  /** True when the caller's session is open (or the caller has none); throws SessionCheckUnavailable. */
  isOpen(caller: Caller): Promise<boolean>;
  /** The longest an answer is kept (sockets re-check this often). */
  readonly cacheMs: number;
}

/** The registry's session route, from its GraphQL URL (given, else the supergraph's). */
export function registrySessionUrl(supergraphSdl: string, overrides: Partial<Record<string, string>>): string {
  const registry = Supergraph.build(supergraphSdl).subgraphs().get('registry');
  const url = new URL(overrides.registry ?? registry?.url ?? 'http://127.0.0.1:4001/graphql');
  url.pathname = url.pathname.replace(/\/graphql$/, '') + '/internal/session/';
  url.search = '';
  return url.toString();
}

export function sessionChecker(options: { url: string; secret: string; cacheMs?: number }): SessionChecker {
  const cacheMs = options.cacheMs ?? SESSION_CHECK_MS;
  const cache = new Map<string, { at: number; answer: Promise<boolean> }>();

  async function ask(caller: Caller & { session: string }): Promise<boolean> {
    try {
      const res = await fetch(options.url + encodeURIComponent(caller.session), {
        headers: { [IDENTITY_HEADER]: await signInternalToken(options.secret, caller) },
        signal: AbortSignal.timeout(ASK_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`registry answered ${res.status}`);
      return ((await res.json()) as { open?: unknown }).open === true;
    } catch (error) {
      throw new SessionCheckUnavailable(error);
    }
  }

  return {
    cacheMs,
    isOpen(caller) {
      if (!caller.session || caller.id === null) return Promise.resolve(true);
      const key = `${caller.id}\n${caller.session}`;
      const now = Date.now();
      const hit = cache.get(key);
      if (hit && now - hit.at < cacheMs) return hit.answer;
      // One question per session at a time: concurrent requests share it.
      const answer = ask({ ...caller, session: caller.session });
      cache.set(key, { at: now, answer });
      answer.catch(() => cache.delete(key));
      if (cache.size > MAX_CACHED) {
        for (const k of [...cache.keys()].slice(0, MAX_CACHED / 2)) cache.delete(k);
      }
      return answer;
    },
  };
}

/** A verifier that also refuses (UNAUTHENTICATED) a token whose session has ended. */
export function withOpenSession(verify: CallerVerifier, sessions: SessionChecker): CallerVerifier {
  return async (token) => {
    const caller = await verify(token);
    if (!(await sessions.isOpen(caller))) throw new UnauthenticatedError(SESSION_ENDED);
    return caller;
  };
}
