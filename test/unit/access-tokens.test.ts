import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  bearerToken,
  createCallerVerifier,
  createInternalVerifier,
  resolveAuthSecret,
  signInternalToken,
  signToken,
} from '../../shared/auth';
import { loadJose } from '../../shared/jose';
import { UnauthenticatedError } from '../../shared/pure/errors';
import { ANONYMOUS } from '../../shared/pure/viewer';

const SECRET = 'k'.repeat(40);
const OTHER = 'o'.repeat(40);
const verify = createCallerVerifier({ secret: SECRET });
const claims = { sub: 'u1', name: 'Chị Lan', role: 'COMMUNE_OFFICER' as const, area: 'C02949' };

async function rawToken(
  payload: Record<string, unknown>,
  secret = SECRET,
  expiresIn: number | null = 600,
): Promise<string> {
  const { SignJWT } = await loadJose();
  const jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).setIssuer('bdhvs-hub').setIssuedAt();
  if (expiresIn !== null) jwt.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn);
  return jwt.sign(new TextEncoder().encode(secret));
}

describe('caller tokens', () => {
  it('verifies a token it signed', async () => {
    expect(await verify(await signToken(SECRET, claims))).toEqual({
      id: 'u1',
      name: 'Chị Lan',
      role: 'COMMUNE_OFFICER',
      area: 'C02949',
      expiresAt: expect.any(Number) as unknown,
    });
  });

  it('names the sign-in session (sid) of a session token, and none for others', async () => {
    const sid = '0b8f7c3e-7a5d-4d59-9a43-2f0f8a3c1d11';
    expect((await verify(await signToken(SECRET, claims, { sessionId: sid }))).session).toBe(sid);
    expect((await verify(await signToken(SECRET, claims))).session).toBeUndefined();
  });

  it('refuses a token issued in the future beyond five minutes of clock skew', async () => {
    const now = Math.floor(Date.now() / 1000);
    const at = async (iat: number) => {
      const { SignJWT } = await loadJose();
      return new SignJWT({ role: 'COMMUNE_OFFICER', area: 'C02949' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u1')
        .setIssuer('bdhvs-hub')
        .setIssuedAt(iat)
        .setExpirationTime(now + 600)
        .sign(new TextEncoder().encode(SECRET));
    };
    await expect(verify(await at(now + 10 * 365 * 24 * 3600))).rejects.toThrow(/thời điểm cấp ở tương lai/);
    await expect(verify(await at(now + 3600))).rejects.toBeInstanceOf(UnauthenticatedError);
    expect((await verify(await at(now + 60))).id).toBe('u1'); // within the skew
  });

  it.each([
    ['signed with another key', () => signToken(OTHER, claims), /không hợp lệ/],
    ['expired', () => signToken(SECRET, claims, { ttlSeconds: -10 }), /hết hạn/],
    ['malformed', async () => 'not.a.jwt', /không hợp lệ/],
    ['truncated', async () => (await signToken(SECRET, claims)).slice(0, -3), /không hợp lệ/],
    ['with an unknown role', () => rawToken({ sub: 'u', role: 'GOD', area: 'P23' }), /vai trò hoặc địa bàn/],
    [
      'with a malformed area',
      () => rawToken({ sub: 'u', role: 'COMMUNE_OFFICER', area: 'Ba Tô' }),
      /vai trò hoặc địa bàn/,
    ],
    [
      'with an area of the wrong level',
      () => rawToken({ sub: 'u', role: 'UNIT_REPORTER', area: 'C02949' }),
      /vai trò hoặc địa bàn/,
    ],
    [
      'without an expiry',
      () => rawToken({ sub: 'u', role: 'PROVINCE_ADMIN', area: 'P23' }, SECRET, null),
      /không hợp lệ/,
    ],
    ['without a subject', () => rawToken({ role: 'PROVINCE_ADMIN', area: 'P23' }), /không hợp lệ/],
    [
      'that is an internal token',
      () => signInternalToken(SECRET, { id: 'u', name: null, role: 'PROVINCE_ADMIN', area: 'P23' }),
      /không hợp lệ/,
    ],
  ])('refuses a token %s with UNAUTHENTICATED', async (_label, make, message) => {
    const token = await make();
    await expect(verify(token)).rejects.toThrow(UnauthenticatedError);
    await expect(verify(token)).rejects.toThrow(message);
  });

  it('refuses an unsigned (alg none) token', async () => {
    const { UnsecuredJWT } = await loadJose();
    const token = new UnsecuredJWT({ sub: 'u', role: 'PROVINCE_ADMIN', area: 'P23' })
      .setIssuer('bdhvs-hub')
      .setExpirationTime('1h')
      .encode();
    await expect(verify(token)).rejects.toThrow(UnauthenticatedError);
  });

  it('reads the bearer token of an Authorization value', () => {
    expect(bearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(bearerToken('bearer  x ')).toBe('x');
    expect(bearerToken(undefined)).toBeNull();
    expect(bearerToken('')).toBeNull();
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(UnauthenticatedError);
  });
});

describe('internal tokens', () => {
  const identify = createInternalVerifier(SECRET);
  const v = { id: 'u1', name: 'A', role: 'VILLAGE_REPORTER' as const, area: 'V02949-08' };

  it('carries the caller from the gateway to a subgraph', async () => {
    expect(await identify(await signInternalToken(SECRET, v))).toEqual(v);
  });

  it('treats a missing, forged or caller token as anonymous', async () => {
    expect(await identify(undefined)).toBe(ANONYMOUS);
    expect(await identify('garbage')).toBe(ANONYMOUS);
    expect(await identify(await signInternalToken(OTHER, v))).toBe(ANONYMOUS);
    expect(await identify(await signToken(SECRET, { sub: 'u1', role: 'PROVINCE_ADMIN', area: 'P23' }))).toBe(ANONYMOUS);
  });
});

describe('the key', () => {
  it('uses AUTH_SECRET when set and refuses a short one', () => {
    expect(resolveAuthSecret({ AUTH_SECRET: SECRET })).toBe(SECRET);
    expect(() => resolveAuthSecret({ AUTH_SECRET: 'short' })).toThrow(/32/);
  });

  it('generates a key once under DATA_DIR and keeps it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hub-key-'));
    const first = resolveAuthSecret({ DATA_DIR: dir });
    expect(first.length).toBeGreaterThanOrEqual(40);
    expect(resolveAuthSecret({ DATA_DIR: dir })).toBe(first);
    expect(readFileSync(path.join(dir, 'auth-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(path.join(dir, 'auth-secret')).mode & 0o077).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});
