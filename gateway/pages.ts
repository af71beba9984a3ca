/**
 * The pages (gateway/web, built by Vite): hashed assets cached long, and index.html for every page route — the page
 * reads its route from the address. Without a build, a short note says how to make one.
 */
import express from 'express';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy, inlineScriptHashes } from './origin';

/** Page routes answered with the pages' index.html (the page reads its route from the address). */
const PAGE_ROUTES = [
  '/',
  '/province/*rest',
  '/commune/*rest',
  '/village/*rest',
  '/unit/*rest',
  '/login',
  '/invite',
  '/accounts',
];

/** Where the built pages are: dist/web beside dist/gateway when compiled, <repo>/dist/web when run from source. */
export function findWebRoot(explicit?: string): string | null {
  const candidates = explicit
    ? [explicit]
    : [
        ...(process.env.HUB_WEB_ROOT ? [process.env.HUB_WEB_ROOT] : []),
        path.resolve(__dirname, '../web'),
        path.resolve(__dirname, '../dist/web'),
      ];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? null;
}

const UNCACHED = new Set(['sw.js', 'manifest.webmanifest']);
/** Vite's output: assets/<name>-<hash>.<ext>. */
const HASHED = /^assets[\\/][^\\/]+-[\w-]{8,}\.(js|css|woff2?|svg|png)$/;

const NOT_BUILT = `<!DOCTYPE html><html lang="vi"><meta charset="utf-8"><title>Bình dân học vụ số</title>
<p>Các trang chưa được build (<code>npm run build</code>). API: <a href="/graphql">/graphql</a></p></html>`;

/** index.html and its inline scripts' hashes, read again when a new build replaces it (npm start rebuilds). */
function pageReader(file: string): () => { html: string; hashes: string[] } {
  let kept: { stamp: string; html: string; hashes: string[] } | null = null;
  return () => {
    const stat = statSync(file);
    const stamp = `${stat.mtimeMs}:${stat.size}`;
    if (kept?.stamp !== stamp) {
      const html = readFileSync(file, 'utf8');
      kept = { stamp, html, hashes: inlineScriptHashes(html) };
    }
    return kept;
  };
}

/** Mounts the built assets and the page routes; `sendPage` answers index.html (or the note) with a status. */
export function servePages(
  app: express.Express,
  explicitRoot?: string,
): { sendPage: (res: express.Response, status: number) => void } {
  const webRoot = findWebRoot(explicitRoot);
  if (webRoot) {
    app.use(
      express.static(webRoot, {
        index: false,
        maxAge: '1h',
        // The service worker and the manifest are read again on every visit, so a new build reaches phones at once.
        setHeaders: (res, file) => {
          if (UNCACHED.has(path.basename(file))) res.set('cache-control', 'no-cache');
          // Built assets are named by their content's hash: a new build gives new names, so a copy never goes stale
          // and a returning browser does not even ask whether it changed.
          else if (HASHED.test(path.relative(webRoot, file)))
            res.set('cache-control', 'public, max-age=31536000, immutable');
        },
      }),
    );
  }
  const readPage = webRoot ? pageReader(path.join(webRoot, 'index.html')) : null;
  const sendPage = (res: express.Response, status: number) => {
    res.status(status).set('cache-control', 'no-cache');
    if (!readPage) {
      res.type('html').send(NOT_BUILT);
      return;
    }
    let page: { html: string; hashes: string[] };
    try {
      page = readPage();
    } catch {
      // A rebuild has just emptied the folder: say so for the moment it takes (the service worker's copy is kept).
      res.status(503).type('html').send(NOT_BUILT);
      return;
    }
    // The page's inline script (the first query, vite.config.ts) runs by its hash, taken from the very text sent.
    res.set('content-security-policy', contentSecurityPolicy(page.hashes)).type('html').send(page.html);
  };
  app.get(PAGE_ROUTES, (_req, res) => sendPage(res, 200));
  return { sendPage };
}
