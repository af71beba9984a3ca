/**
 * Downloads an export as the signed-in caller: a link cannot carry the bearer header, so the page asks the gateway
 * for a short-lived signed link (POST /export/sign) and opens that. Without a token the plain path is opened (public
 * aggregates need none).
 */
import { TOKEN_KEY, tokenFor } from './session';

export async function signedDownload(path: string): Promise<void> {
  const token = await tokenFor(localStorage.getItem(TOKEN_KEY));
  let url = path;
  if (token) {
    const res = await fetch('/export/sign', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ path }),
    });
    const body = (await res.json()) as { url?: string; error?: string };
    if (!res.ok || !body.url) throw new Error(body.error ?? `HTTP ${res.status}`);
    url = body.url;
  }
  const a = document.createElement('a');
  a.href = url;
  a.download = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
}
