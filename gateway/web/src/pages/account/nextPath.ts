/**
 * Where to go after signing in (`/login?next=…`): only a page of this site. The value is parsed as the browser
 * will (`new URL(next, origin)`: tabs and newlines dropped, `\` read as `/`), so `/\evil.example` or `/%09/…`
 * cannot turn into another host; anything whose origin is not ours falls back to `home`. Plain function, tested
 * in test/unit/next-path.test.ts.
 */
export function safeNextPath(next: string | null, origin: string, home: string): string {
  if (!next) return home;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return home;
  }
  if (url.origin !== new URL(origin).origin) return home;
  // What the browser will open, rebuilt from the parsed parts: never the raw text.
  return url.pathname + url.search + url.hash;
}
