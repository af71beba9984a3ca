import http from 'node:http';
import { startTestStack, type TestStack } from '../support/stack';

/**
 * Exports count against their real caller (issue 21, item 7): an export runs its GraphQL operation through the
 * gateway itself, and each anonymous export used to count against the gateway's own loopback address, so one client's
 * exports made everyone else's anonymous download answer 500. Two anonymous clients here come from two loopback
 * addresses (127.0.0.2 and 127.0.0.3) with a read budget of 5.
 */
let stack: TestStack;
let base: string;

beforeAll(async () => {
  stack = await startTestStack({ limits: { readsPerWindow: 5, windowMs: 600_000 } });
  base = stack.gateway.url.replace(/\/graphql$/, '');
});
afterAll(() => stack?.stop());

function get(
  path: string,
  from: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { localAddress: from, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(parts) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const RANKING = '/export/province/23/ranking.xlsx';

it('one anonymous caller using up its budget gets 429 with Retry-After; another caller still gets its export', async () => {
  for (let i = 0; i < 5; i++) expect((await get(RANKING, '127.0.0.2')).status).toBe(200);

  const refused = await get(RANKING, '127.0.0.2');
  expect(refused.status).toBe(429);
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  const body = JSON.parse(refused.body.toString()) as { error: string; code?: string };
  // Vietnamese first, then English, as every refusal.
  expect(body.error).toMatch(/quá nhiều/i);
  expect(body.error).toMatch(/too many/i);
  expect(body.code).toBe('RATE_LIMITED');

  const other = await get(RANKING, '127.0.0.3');
  expect(other.status).toBe(200);
  expect(other.headers['content-type']).toContain('spreadsheetml');
});

it('a client cannot claim another address for the gateway’s own call: the forwarding header it sends is ignored', async () => {
  // 127.0.0.3 has used 1 of 5; naming 127.0.0.2 (used up) in any header must not make its export refused, and
  // naming a fresh address must not give it a fresh budget.
  const spoofed = {
    'x-hub-export-caller': '127.0.0.9',
    'x-hub-export-key': 'guess',
    'x-forwarded-for': '127.0.0.9',
  };
  for (let i = 0; i < 4; i++) expect((await get(RANKING, '127.0.0.3', spoofed)).status).toBe(200);
  expect((await get(RANKING, '127.0.0.3', spoofed)).status).toBe(429);
});
