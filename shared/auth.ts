/**
 * Tokens: the signing key (AUTH_SECRET, or one generated once under DATA_DIR), verification of callers' bearer
 * tokens at the gateway (HS256 with that key, or an identity provider's JWKS at AUTH_JWKS_URL), and the short-lived
 * internal token the gateway signs for subgraphs, which they verify themselves. See docs/access.md.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { identityProblem, type TokenRole } from './pure/auth-rules';
import { bilingual, UnauthenticatedError } from './pure/errors';
import { findControlCharacter } from './pure/text';
import { loadJose, type Jose } from './jose';
import { ANONYMOUS, type Viewer } from './pure/viewer';
import { now, nowSeconds } from './clock';

/** Who signs the tokens of `npm run token` (and any HS256 token a caller may present). */
export const TOKEN_ISSUER = 'bdhvs-hub';
/** The gateway's internal tokens: another issuer and an audience, so neither kind is accepted in place of the other. */
/**
 * The audience of tokens the hub's own sign-in issues (registry `signIn`, `redeemInvite`, `refreshSession`): with an
 * identity provider configured (AUTH_JWKS_URL) these are still accepted, other hub-signed tokens are not.
 */
export const SESSION_AUDIENCE = 'bdhvs-hub-session';
export const INTERNAL_ISSUER = 'hub-gateway';
export const INTERNAL_AUDIENCE = 'hub-subgraphs';
/** The header carrying the internal token from the gateway to a subgraph. */
export const IDENTITY_HEADER = 'x-hub-identity';
/** Internal tokens live for one request plan; a minute absorbs clock skew between processes. */
export const INTERNAL_TTL_SECONDS = 60;
export const DEMO_TTL_SECONDS = 12 * 60 * 60;
/**
 * The longest a caller's token may still be valid when presented: 30 days (a reporter signs in about once a
 * month on a shared phone). A token with `exp` further ahead is refused, so a leaked long-lived token cannot act
 * for years. Five minutes of clock skew are allowed.
 */
export const MAX_CALLER_TOKEN_SECONDS = 30 * 24 * 60 * 60;
const CLOCK_SKEW_SECONDS = 5 * 60;
export const SECRET_FILE = 'auth-secret';

/**
 * The one HS256 secret shared by the gateway, the subgraphs and `npm run token`: AUTH_SECRET when set (at least 32
 * characters), else the key in DATA_DIR/auth-secret, generated on first use so that tokens survive restarts.
 */
export function resolveAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.AUTH_SECRET;
  if (given !== undefined && given !== '') {
    if (given.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters long');
    return given;
  }
  const dir = path.resolve(env.DATA_DIR ?? '.data');
  const file = path.join(dir, SECRET_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': if another process created it meanwhile, keep theirs.
    writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export interface IdentityClaims {
  sub: string;
  name?: string;
  role: TokenRole;
  area: string;
}

/**
 * A verified caller: who (Viewer), and for the hub's own sign-in tokens the session they belong to (`sid`), which
 * the gateway checks is still open (gateway/sessions.ts), and when the token expires (graphql-ws closes then).
 */
export interface Caller extends Viewer {
  session?: string;
  expiresAt?: number;
}

/** Signs a caller token (what `npm run token` prints and tests use); `sessionId` ties it to a sign-in session. */
export async function signToken(
  secret: string,
  claims: IdentityClaims,
  options: { ttlSeconds?: number; issuer?: string; audience?: string; sessionId?: string } = {},
): Promise<string> {
  const problem = identityProblem(claims.role, claims.area);
  if (problem) throw new Error(problem);
  if ((options.ttlSeconds ?? 0) > MAX_CALLER_TOKEN_SECONDS)
    throw new Error(`a token lives at most ${MAX_CALLER_TOKEN_SECONDS} seconds (30 days)`);
  const { SignJWT } = await loadJose();
  const jwt = new SignJWT({ name: claims.name, role: claims.role, area: claims.area, sid: options.sessionId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(options.issuer ?? TOKEN_ISSUER)
    .setIssuedAt(nowSeconds())
    .setExpirationTime(nowSeconds() + (options.ttlSeconds ?? DEMO_TTL_SECONDS));
  if (options.audience) jwt.setAudience(options.audience);
  return jwt.sign(keyOf(secret));
}

/** Refuses a caller token still valid for longer than MAX_CALLER_TOKEN_SECONDS (plain function, tested directly). */
export function checkTokenLifetime(exp: unknown, nowSecondsAt: number = nowSeconds()): void {
  if (typeof exp === 'number' && exp - nowSecondsAt > MAX_CALLER_TOKEN_SECONDS + CLOCK_SKEW_SECONDS) {
    throw new UnauthenticatedError(
      bilingual(
        'Mã truy cập có thời hạn quá dài (tối đa 30 ngày); hãy lấy mã mới',
        'token expiry is too far ahead (at most 30 days); get a new one',
      ),
    );
  }
}

/**
 * Refuses a token issued in the future beyond the clock skew: a leaked signing key could otherwise mint tokens that
 * look fresh for years, and no honest issuer does it (plain function, tested directly).
 */
export function checkIssuedAt(iat: unknown, nowSecondsAt: number = nowSeconds()): void {
  if (typeof iat === 'number' && iat - nowSecondsAt > CLOCK_SKEW_SECONDS) {
    throw new UnauthenticatedError(
      bilingual(
        'Mã truy cập có thời điểm cấp ở tương lai; hãy kiểm tra đồng hồ máy chủ cấp mã',
        'token issued in the future (iat); check the issuer’s clock',
      ),
    );
  }
}

/** The viewer a verified payload names, or UNAUTHENTICATED when its role or area cannot be an identity. */
function viewerFromPayload(payload: Record<string, unknown>): Viewer {
  const problem = identityProblem(payload.role, payload.area);
  if (problem || typeof payload.sub !== 'string' || payload.sub === '') {
    throw new UnauthenticatedError(
      bilingual(
        `Mã truy cập không hợp lệ: vai trò hoặc địa bàn không tồn tại (${problem ?? 'thiếu sub'})`,
        `invalid token: ${problem ?? 'no subject'}`,
      ),
    );
  }
  // Who acted is written with every change (actor_id 100, actor_name 200 characters): a token naming someone the
  // columns cannot hold would fail every write with an internal error, so it is refused here, clearly.
  const name = typeof payload.name === 'string' ? payload.name : null;
  if (payload.sub.length > 100 || (name?.length ?? 0) > 200 || findControlCharacter({ sub: payload.sub, name }, '')) {
    throw new UnauthenticatedError(
      bilingual(
        'Mã truy cập không hợp lệ: mã người dùng (sub, tối đa 100 ký tự) hoặc tên (name, tối đa 200 ký tự) quá dài hoặc có ký tự điều khiển',
        'invalid token: sub or name too long or with control characters',
      ),
    );
  }
  return {
    id: payload.sub,
    name,
    role: payload.role as TokenRole,
    area: payload.area as string,
  };
}

function rejected(error: unknown): UnauthenticatedError {
  if (error instanceof UnauthenticatedError) return error;
  const code = (error as { code?: string }).code;
  if (code === 'ERR_JWT_EXPIRED') {
    return new UnauthenticatedError(
      bilingual('Mã truy cập đã hết hạn; hãy lấy mã mới', 'token expired; get a new one'),
    );
  }
  const reason =
    code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY'
      ? 'signature not recognised'
      : 'malformed or not acceptable';
  return new UnauthenticatedError(bilingual(`Mã truy cập không hợp lệ (${reason})`, `invalid token: ${reason}`));
}

export interface VerifierOptions {
  /** The HS256 secret (resolveAuthSecret). */
  secret: string;
  /** An identity provider's JSON Web Key Set; when set, callers' tokens must be signed by one of its keys. */
  jwksUrl?: string;
  /** Required `iss` and `aud` of identity-provider tokens, when set. */
  issuer?: string;
  audience?: string;
}

export type CallerVerifier = (token: string) => Promise<Caller>;

/**
 * Verifies a caller's token and returns who they are, or throws UnauthenticatedError (never returns ANONYMOUS for a
 * bad token). Reusable wherever a token arrives: the Authorization header, or graphql-ws `connectionParams`.
 */
export function createCallerVerifier(options: VerifierOptions): CallerVerifier {
  const key = keyOf(options.secret);
  let jwks: ReturnType<Jose['createRemoteJWKSet']> | undefined;
  return async (token) => {
    const jose = await loadJose();
    try {
      if (options.jwksUrl && jose.decodeProtectedHeader(token).alg !== 'HS256') {
        jwks ??= jose.createRemoteJWKSet(new URL(options.jwksUrl));
        const { payload } = await jose.jwtVerify(token, jwks, {
          issuer: options.issuer,
          audience: options.audience,
          requiredClaims: ['exp', 'sub'],
          currentDate: new Date(now()),
        });
        checkTokenLifetime(payload.exp);
        checkIssuedAt(payload.iat);
        return {
          ...viewerFromPayload(payload),
          ...(typeof payload.exp === 'number' ? { expiresAt: payload.exp } : {}),
        };
      }
      // Beside an identity provider, only the hub's own sign-in sessions are HS256 (not `npm run token`'s tokens).
      const { payload } = await jose.jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: options.jwksUrl ? SESSION_AUDIENCE : undefined,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(now()),
      });
      checkTokenLifetime(payload.exp);
      checkIssuedAt(payload.iat);
      const caller: Caller = { ...viewerFromPayload(payload) };
      if (typeof payload.exp === 'number') caller.expiresAt = payload.exp;
      // Only the hub's own sign-in tokens name a session (an identity provider's `sid` means something else).
      if (typeof payload.sid === 'string' && payload.sid !== '') caller.session = payload.sid;
      return caller;
    } catch (error) {
      throw rejected(error);
    }
  };
}

/** The token of an `Authorization: Bearer …` value (header or graphql-ws connectionParams); null when absent. */
export function bearerToken(value: unknown): string | null {
  const raw: unknown = Array.isArray(value) ? (value as unknown[])[0] : value;
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(raw.trim());
  if (!match)
    throw new UnauthenticatedError(
      bilingual('Tiêu đề Authorization phải là "Bearer <mã>"', 'the Authorization header must be "Bearer <token>"'),
    );
  return match[1];
}

/** What the gateway forwards to subgraphs for a signed-in caller (anonymous callers get no header). */
export async function signInternalToken(secret: string, viewer: Viewer): Promise<string> {
  const { SignJWT } = await loadJose();
  return new SignJWT({ name: viewer.name ?? undefined, role: viewer.role, area: viewer.area })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(viewer.id ?? '')
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(INTERNAL_AUDIENCE)
    .setIssuedAt(nowSeconds())
    .setExpirationTime(nowSeconds() + INTERNAL_TTL_SECONDS)
    .sign(keyOf(secret));
}

/**
 * A subgraph's view of the caller: the identity in a valid internal token, else ANONYMOUS, which may read public
 * data but never write (authorize refuses it). The network is not trusted: a missing, forged or stale header is
 * just no identity.
 */
export function createInternalVerifier(secret: string): (header: string | string[] | undefined) => Promise<Viewer> {
  const key = keyOf(secret);
  return async (header) => {
    const token = Array.isArray(header) ? header[0] : header;
    if (!token) return ANONYMOUS;
    try {
      const { jwtVerify } = await loadJose();
      const { payload } = await jwtVerify(token, key, {
        algorithms: ['HS256'],
        issuer: INTERNAL_ISSUER,
        audience: INTERNAL_AUDIENCE,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(now()),
      });
      return viewerFromPayload(payload);
    } catch {
      return ANONYMOUS;
    }
  };
}
