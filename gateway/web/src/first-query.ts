/**
 * The page's one query, sent as soon as index.html is read: bundled on its own (vite.config.ts inlines it in
 * index.html), it runs while the pages' bundle downloads and starts, and the page takes its answer (api.ts,
 * takeFirstQuery) instead of asking again. Only the dashboard and the commune page; the others ask as they start.
 */
import { firstQueryKey, post, type FirstQuery } from './api';
import { COMMUNE_QUERY, communeVariables } from './pages/commune/communeQuery';
import { DASHBOARD_QUERY, dashboardVariables } from './pages/province/dashboardQuery';
import { TOKEN_KEY } from './session';

function first(pathname: string): { query: string; variables: Record<string, unknown>; token: string | null } | null {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts.length !== 2) return null;
  if (parts[0] === 'province') return { query: DASHBOARD_QUERY, variables: dashboardVariables(parts[1]), token: null };
  if (parts[0] === 'commune') {
    const token = localStorage.getItem(TOKEN_KEY) || null;
    return { query: COMMUNE_QUERY, variables: communeVariables(parts[1], token), token };
  }
  return null;
}

try {
  const q = first(location.pathname);
  if (q) {
    const response = post(q.query, q.variables, q.token);
    response.catch(() => undefined); // the page reads it (and its failure) when it starts
    (window as { __firstQuery?: FirstQuery }).__firstQuery = {
      key: firstQueryKey(q.query, q.variables, q.token),
      response,
    };
  }
} catch {
  // Nothing started: the page asks as it starts.
}
