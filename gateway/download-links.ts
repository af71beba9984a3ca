/**
 * Short-lived signed download links for /export: a link opened in a browser (an <a download>, a new tab) cannot
 * carry a bearer header, so a signed-in caller asks `POST /export/sign {"path": "/export/…"}` (with its bearer
 * token) and gets a URL whose query holds who asked (sub, role, area), until when (exp) and an HMAC-SHA256 of
 * both with the path. Opening it runs the export as that caller — a caller token of one minute is minted for the
 * one request, so the API's access rules decide as for the bearer caller (with or without an identity provider). An expired, forged or other-path
 * signature answers 403 with a Vietnamese message and never reaches the API.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import express from 'express';
import { isTokenRole } from '../shared/pure/auth-rules';
import {
  bearerToken,
  SESSION_AUDIENCE,
  signToken,
  type Caller,
  type CallerVerifier,
  type IdentityClaims,
} from '../shared/auth';
import { RETRY_AFTER_SECONDS } from '../shared/availability';
import { SessionCheckUnavailable } from './sessions';
import { nowSeconds } from '../shared/clock';

/**
 * How long a signed link stays valid: long enough to click, short enough that a leaked link is soon worthless.
 * HUB_DOWNLOAD_LINK_TTL_SECONDS overrides it (read per request; the tests shorten it to see a link expire).
 */
export const LINK_TTL_SECONDS = 5 * 60;
const linkTtl = () => Number(process.env.HUB_DOWNLOAD_LINK_TTL_SECONDS) || LINK_TTL_SECONDS;
/** The minted caller token lives for the one export request. */
const MINTED_TTL_SECONDS = 60;

export interface LinkClaims {
  path: string;
  sub: string;
  role: string;
  area: string;
  exp: number;
  /** The sign-in session of the caller who asked, when it had one: the link stops working when the session ends. */
  sid?: string;
}

/** A key apart from the token key (HMAC of a label), so a link signature is never a valid token signature. */
function linkKey(secret: string): Buffer {
  return createHmac('sha256', secret).update('bdhvs-download-links').digest();
}

function mac(secret: string, c: LinkClaims): string {
  const text = [c.path, c.sub, c.role, c.area, String(c.exp), ...(c.sid ? [c.sid] : [])].join('\n');
  return createHmac('sha256', linkKey(secret)).update(text).digest('base64url');
}

/** The signed URL (path and query) of an export path for a caller. */
export function signLink(secret: string, claims: LinkClaims): string {
  const q = new URLSearchParams({
    sub: claims.sub,
    role: claims.role,
    area: claims.area,
    exp: String(claims.exp),
    ...(claims.sid ? { sid: claims.sid } : {}),
    sig: mac(secret, claims),
  });
  return `${claims.path}?${q.toString()}`;
}

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; message: string };

/** Checks a link's query against the path it was opened at (plain function, tested over HTTP and directly). */
export function checkLink(
  secret: string,
  path: string,
  query: Record<string, unknown>,
  nowSecondsAt = nowSeconds(),
): LinkCheck {
  const get = (k: string) => (typeof query[k] === 'string' ? query[k] : '');
  const claims: LinkClaims = { path, sub: get('sub'), role: get('role'), area: get('area'), exp: Number(get('exp')) };
  if (get('sid')) claims.sid = get('sid');
  const given = Buffer.from(get('sig'));
  const expected = Buffer.from(mac(secret, claims));
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, message: 'Liên kết tải xuống không hợp lệ (chữ ký sai hoặc không dành cho tệp này)' };
  if (!Number.isInteger(claims.exp) || claims.exp < nowSecondsAt)
    return { ok: false, message: 'Liên kết tải xuống đã hết hạn; bấm lại nút tải để lấy liên kết mới' };
  return { ok: true, claims };
}

/**
 * The caller token a valid link's one request runs with. It carries the sessions' audience, so that beside an
 * identity provider (AUTH_JWKS_URL), where only the hub's own sign-in sessions are accepted as HS256, links work too.
 */
export function linkCallerToken(secret: string, caller: IdentityClaims, sessionId?: string): Promise<string> {
  return signToken(secret, caller, { ttlSeconds: MINTED_TTL_SECONDS, audience: SESSION_AUDIENCE, sessionId });
}

const EXPORT_PATH = /^\/export\/[A-Za-z0-9._~%/-]+\.(xlsx|docx)$/;

/**
 * `POST /sign` (mounted under /export) and the check of signed links in front of the export routes. `secret` is the
 * gateway's HS256 key; `verifyCaller` the gateway's own verification of bearer tokens.
 */
export function downloadLinks(secret: string, verifyCaller: CallerVerifier): express.Router {
  const router = express.Router();
  router.post('/sign', express.json({ limit: '4kb' }), (req, res) => {
    void (async () => {
      let viewer: Caller;
      try {
        const token = bearerToken(req.headers.authorization);
        if (!token) {
          res.status(401).json({ error: 'Cần đăng nhập để lấy liên kết tải xuống' });
          return;
        }
        viewer = await verifyCaller(token);
      } catch (e) {
        if (e instanceof SessionCheckUnavailable) {
          res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json({ error: e.message });
          return;
        }
        res.status(401).json({ error: e instanceof Error ? e.message : 'Mã truy cập không hợp lệ' });
        return;
      }
      const path = (req.body as { path?: unknown } | undefined)?.path;
      if (typeof path !== 'string' || !EXPORT_PATH.test(path) || path.includes('..')) {
        res.status(400).json({ error: 'Đường dẫn tải xuống không hợp lệ (phải là /export/….xlsx hoặc .docx)' });
        return;
      }
      const exp = nowSeconds() + linkTtl();
      const url = signLink(secret, {
        path,
        sub: viewer.id ?? '',
        role: viewer.role,
        area: viewer.area ?? '',
        exp,
        ...(viewer.session ? { sid: viewer.session } : {}),
      });
      res.json({ url, expiresAt: new Date(exp * 1000).toISOString() });
    })();
  });
  // A request carrying a signature is either a valid link (run as its caller) or refused; others pass untouched.
  router.use((req, res, next) => {
    if (req.query.sig === undefined) return next();
    const check = checkLink(secret, req.baseUrl + req.path, req.query);
    if (!check.ok || !isTokenRole(check.claims.role)) {
      res.status(403).json({ error: check.ok ? 'Liên kết tải xuống không hợp lệ' : check.message });
      return;
    }
    const { sub, area } = check.claims;
    const role = check.claims.role;
    // The link's session goes into the minted token: the export's own request is refused once it has ended.
    linkCallerToken(secret, { sub, role, area }, check.claims.sid).then((token) => {
      req.headers.authorization = `Bearer ${token}`;
      next();
    }, next);
  });
  return router;
}
