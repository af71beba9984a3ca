/**
 * After `npm start`: the pages' first queries, sent once before the hub says it is ready, so the first official to
 * open the dashboard or a commune page does not wait for the gateway to plan a 35 KB query and for every service's
 * code to warm up. They are the queries index.html's inline script sends (run here in a sandbox with the page's
 * address), so the gateway caches the plan of the very documents the pages send.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** The request bodies the inline script of `indexHtml` sends on each of `paths` (none for pages that ask later). */
export function firstQueries(indexHtml: string, paths: readonly string[]): string[] {
  const scripts = [...indexHtml.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const bodies: string[] = [];
  for (const pathname of paths) {
    const window: Record<string, unknown> = {};
    const context = vm.createContext({
      window,
      location: { pathname },
      localStorage: { getItem: () => null },
      AbortSignal,
      // Kept, never answered: the script only starts the request.
      fetch: (_url: string, init: { body?: string }) => {
        if (typeof init?.body === 'string') bodies.push(init.body);
        return new Promise(() => undefined);
      },
    });
    for (const script of scripts) vm.runInContext(script, context, { timeout: 1000 });
  }
  return bodies;
}

/** Sends the first queries of `paths` to the gateway; a failure is logged and never stops the start. */
export async function warmPages(
  graphqlUrl: string,
  webRoot: string,
  paths: readonly string[],
  log: (line: string) => void,
): Promise<void> {
  const began = Date.now();
  try {
    const bodies = firstQueries(readFileSync(path.join(webRoot, 'index.html'), 'utf8'), paths);
    for (const body of bodies) {
      const res = await fetch(graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
    }
    log(`pages warmed (${paths.join(', ')}: ${bodies.length} queries) in ${Date.now() - began} ms`);
  } catch (error) {
    log(`warming the pages failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `WARM_PAGES` (comma-separated paths, empty for none), else the demo's province dashboard and Ba Tô's page. */
export function warmedPaths(env: NodeJS.ProcessEnv): string[] {
  return (env.WARM_PAGES ?? '/province/23,/commune/C02949')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.startsWith('/'));
}
