/** Signed download links over HTTP: a token-only caller gets a short-lived link, usable without the bearer header. */
import JSZip from 'jszip';
import { DEMO_IDS } from '../../shared/vocabulary/demo';
import { ok, startTestStack, type TestStack } from '../support/stack';

let stack: TestStack;
let base: string;
let officer: string;
let reportId: number;
beforeAll(async () => {
  stack = await startTestStack();
  base = stack.gateway.url.replace(/\/graphql$/, '');
  officer = await stack.token('COMMUNE_OFFICER', 'C02949');
  const saved = ok(
    await stack.gql<{ saveCommuneReport: { id: number } }>(
      `mutation($input: CommuneReportInput!) { saveCommuneReport(input: $input) { id } }`,
      {
        input: {
          communeId: 'C02949',
          directiveId: DEMO_IDS.letter639,
          dueOn: '2025-11-20',
          difficulties: 'Sóng di động yếu ở thôn Gò Da',
        },
      },
      { token: officer },
    ),
  );
  reportId = saved.saveCommuneReport.id;
});
afterAll(() => stack?.stop());

const docx = () => `/export/commune/C02949/report/${reportId}.docx`;

async function sign(path: string, token?: string) {
  const res = await fetch(`${base}/export/sign`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ path }),
  });
  return { status: res.status, body: (await res.json()) as { url?: string; expiresAt?: string; error?: string } };
}

describe('signed download links', () => {
  it('a report .docx needs the caller: without a token 401, with a signed link 200 and the report’s text', async () => {
    expect((await fetch(base + docx())).status).toBe(401);
    const { status, body } = await sign(docx(), officer);
    expect(status).toBe(200);
    expect(body.url).toMatch(new RegExp(`^${docx().replace(/\./g, '\\.')}\\?.*sig=`));
    expect(new Date(body.expiresAt!).getTime() - Date.now()).toBeLessThanOrEqual(300_000);
    const res = await fetch(base + body.url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    expect(await zip.file('word/document.xml')!.async('string')).toContain('Sóng di động yếu ở thôn Gò Da');
  });

  it('the link keeps the caller’s access: another commune’s officer gets a link, and its use is refused', async () => {
    const other = await stack.token('COMMUNE_OFFICER', 'C02762');
    const { body } = await sign(docx(), other);
    expect((await fetch(base + body.url!)).status).toBe(403);
  });

  it('refuses signing without a token, a bad token and a path outside /export', async () => {
    expect((await sign(docx())).status).toBe(401);
    expect((await sign(docx(), 'not-a-token')).status).toBe(401);
    expect((await sign('/graphql', officer)).status).toBe(400);
    expect((await sign('/export/../graphql.docx', officer)).status).toBe(400);
  });

  it('a forged signature, a changed role or expiry, or the link on another path: 403 in Vietnamese', async () => {
    const { body } = await sign(docx(), officer);
    const url = new URL(base + body.url!);
    const variants: string[] = [];
    const forged = new URL(url);
    const sig = forged.searchParams.get('sig')!;
    forged.searchParams.set('sig', (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1));
    variants.push(forged.pathname + forged.search);
    const admin = new URL(url);
    admin.searchParams.set('role', 'PROVINCE_ADMIN');
    admin.searchParams.set('area', 'P23');
    variants.push(admin.pathname + admin.search);
    const later = new URL(url);
    later.searchParams.set('exp', String(Number(later.searchParams.get('exp')) + 3600));
    variants.push(later.pathname + later.search);
    variants.push(`/export/commune/C02949/villages.xlsx${url.search}`);
    for (const v of variants) {
      const res = await fetch(base + v);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/^Liên kết tải xuống không hợp lệ/);
    }
  });

  it('an expired link answers 403 saying so', async () => {
    process.env.HUB_DOWNLOAD_LINK_TTL_SECONDS = '1';
    try {
      const { body } = await sign(docx(), officer);
      expect((await fetch(base + body.url!)).status).toBe(200);
      stack.advanceClock(2_000); // the gateway's clock: the link's second is over, without waiting for it
      const res = await fetch(base + body.url!);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/đã hết hạn/);
    } finally {
      delete process.env.HUB_DOWNLOAD_LINK_TTL_SECONDS;
    }
  });

  it('public exports still open without any link or token', async () => {
    expect((await fetch(`${base}/export/province/23/ranking.xlsx`)).status).toBe(200);
  });
});
