/** The writer's access key kept in this browser (`bdhvs.token`), shared by the form and the commune page. */
export const TOKEN_KEY = 'bdhvs.token';

/** A token from `?token=` (then taken out of the address bar) or the one kept in this browser. */
export function initialToken(): string {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return localStorage.getItem(TOKEN_KEY) ?? '';
}
