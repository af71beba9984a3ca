import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { linkCallerToken } from '../../gateway/download-links';
import { createCallerVerifier, SESSION_AUDIENCE, signToken } from '../../shared/auth';
import { loadJose } from '../../shared/jose';

/**
 * A real identity provider publishes its public keys as a JSON Web Key Set; the gateway verifies callers' tokens
 * against it (AUTH_JWKS_URL). Here a local HTTP server plays the province's single sign-on.
 */
describe('tokens from an identity provider (AUTH_JWKS_URL)', () => {
  let server: http.Server;
  let jwksUrl: string;
  let sign: (claims: Record<string, unknown>, key?: CryptoKey | Uint8Array, kid?: string) => Promise<string>;
  let foreignKey: CryptoKey;

  beforeAll(async () => {
    const jose = await loadJose();
    const { publicKey, privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
    foreignKey = (await jose.generateKeyPair('RS256')).privateKey;
    const jwk = { ...(await jose.exportJWK(publicKey)), kid: 'sso-1', alg: 'RS256', use: 'sig' };
    server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/quangngai/protocol/openid-connect/certs`;
    sign = (claims, key = privateKey, kid = 'sso-1') =>
      new jose.SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid })
        .setIssuer('https://sso.quangngai.example')
        .setAudience('bdhvs-hub')
        .setIssuedAt()
        .setExpirationTime('1h')
        .setSubject('cb-0042')
        .sign(key);
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const verifier = () =>
    createCallerVerifier({
      secret: 'x'.repeat(32),
      jwksUrl,
      issuer: 'https://sso.quangngai.example',
      audience: 'bdhvs-hub',
    });

  it('accepts a token signed by the provider, with its role and area', async () => {
    const viewer = await verifier()(await sign({ name: 'Nguyễn Văn A', role: 'COMMUNE_OFFICER', area: 'C02949' }));
    expect(viewer).toMatchObject({ id: 'cb-0042', name: 'Nguyễn Văn A', role: 'COMMUNE_OFFICER', area: 'C02949' });
  });

  it('still accepts the hub’s own sign-in sessions (HS256, audience bdhvs-hub-session), not other hub tokens', async () => {
    const claims = { sub: 'account:7', name: 'Đinh Văn Hùng', role: 'COMMUNE_OFFICER' as const, area: 'C02949' };
    const session = await signToken('x'.repeat(32), claims, { audience: SESSION_AUDIENCE });
    expect(await verifier()(session)).toMatchObject({ id: 'account:7', role: 'COMMUNE_OFFICER', area: 'C02949' });
    await expect(verifier()(await signToken('x'.repeat(32), claims))).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const foreign = await signToken('y'.repeat(32), claims, { audience: SESSION_AUDIENCE });
    await expect(verifier()(foreign)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('accepts the one-request caller of a signed download link (so /export links work beside the provider)', async () => {
    const caller = { sub: 'cb-0042', name: 'Nguyễn Văn A', role: 'COMMUNE_OFFICER' as const, area: 'C02949' };
    expect(await verifier()(await linkCallerToken('x'.repeat(32), caller))).toMatchObject({
      id: 'cb-0042',
      role: 'COMMUNE_OFFICER',
      area: 'C02949',
    });
  });

  it.each([
    [
      'signed with a key the provider does not publish',
      async () => sign({ role: 'PROVINCE_ADMIN', area: 'P23' }, foreignKey),
    ],
    ['with a role that does not exist', async () => sign({ role: 'SUPERUSER', area: 'P23' })],
    ['with an area of the wrong shape', async () => sign({ role: 'COMMUNE_OFFICER', area: 'Ba Tô' })],
    [
      'signed with the hub’s own HS256 key instead',
      async () => {
        const jose = await loadJose();
        return new jose.SignJWT({ role: 'PROVINCE_ADMIN', area: 'P23' })
          .setProtectedHeader({ alg: 'HS256' })
          .setIssuedAt()
          .setExpirationTime('1h')
          .setSubject('x')
          .sign(new TextEncoder().encode('x'.repeat(32)));
      },
    ],
  ])('refuses a token %s as UNAUTHENTICATED', async (_l, make) => {
    await expect(verifier()(await make())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
