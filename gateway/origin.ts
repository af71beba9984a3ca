/**
 * The origin that holds the tokens (localStorage of the pages), locked down: every answer carries a
 * Content-Security-Policy that runs only this origin's scripts (the pages' one inline script by its hash, see
 * pages.ts), may not be framed, is not sniffed and sends no Referer. The GraphQL Sandbox (scripts from Apollo's CDN)
 * has its own, wider policy on its own page only, and is off in production (docs/access.md, "Headers").
 */
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type express from 'express';
import { envSwitch } from '../shared/env';

/** Every directive but script-src; the pages need nothing from elsewhere (no CDN, no inline style element). */
const BASE_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self'",
  // The invite's QR code and Chart.js draw into data: and blob: images.
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // 'self' covers the live pages' graphql-ws socket on the same host (CSP Level 3).
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The policy of a page (with the hashes of its inline scripts) or of any other answer (no hashes). */
export function contentSecurityPolicy(scriptHashes: readonly string[] = []): string {
  return [`script-src 'self'${scriptHashes.map((h) => ` '${h}'`).join('')}`, ...BASE_DIRECTIVES].join('; ');
}

/** `sha256-…` of each inline `<script>` (one without src) in an HTML text, as CSP wants them. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => `sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}`,
  );
}

const SANDBOX_CDN = 'https://embeddable-sandbox.cdn.apollographql.com';
const SANDBOX_SCRIPT = `${SANDBOX_CDN}/v2/embeddable-sandbox.umd.production.min.js`;
const SANDBOX_FRAME = 'https://sandbox.embed.apollographql.com';
/** Where the Sandbox page's own (not inline) script is served. */
export const SANDBOX_SCRIPT_PATH = '/graphql-sandbox.js';

/** The Sandbox page's policy: Apollo's embed script and frame besides this origin, still no inline script. */
export const SANDBOX_CSP = [`script-src 'self' ${SANDBOX_CDN}`, `frame-src ${SANDBOX_FRAME}`, ...BASE_DIRECTIVES].join(
  '; ',
);

/** GRAPHQL_SANDBOX=1/0 decides; without it the Sandbox is on except in production (npm start sets production). */
export function sandboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return envSwitch(env, 'GRAPHQL_SANDBOX', env.NODE_ENV !== 'production');
}

const SANDBOX_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>GraphQL Sandbox — Bình dân học vụ số</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head>
<body><div id="embeddableSandbox"><p>Apollo Sandbox cannot be loaded (offline?). The API answers POST /graphql.</p></div>
<script src="${SANDBOX_SCRIPT}"></script><script src="${SANDBOX_SCRIPT_PATH}"></script></body></html>`;

/** What Apollo's own embedded Sandbox page runs inline, as a file so that the page's policy needs no inline script. */
const SANDBOX_JS = `(function () {
  var target = document.getElementById('embeddableSandbox');
  target.textContent = '';
  target.style.cssText = 'width:100vw;height:100vh;position:absolute;top:0;left:0';
  new window.EmbeddedSandbox({
    target: '#embeddableSandbox',
    initialEndpoint: window.location.href,
    initialState: { includeCookies: false },
    hideCookieToggle: false,
    endpointIsEditable: false,
    runTelemetry: false,
    allowDynamicStyles: false,
  });
  var frame = target.querySelector('iframe');
  if (frame) frame.style.cssText = 'width:100%;height:100%;border:none;background:white';
})();
`;

/**
 * The landing page plugin (ours when on, none when off) and the express handlers that set the headers: call
 * `headers` first of all, then mount `routes` before /graphql.
 */
export function lockOrigin(sandbox: boolean): {
  landingPage: ApolloServerPlugin;
  headers: express.RequestHandler;
  routes: (app: express.Express) => void;
} {
  const landingPage: ApolloServerPlugin = sandbox
    ? {
        async serverWillStart() {
          return {
            async renderLandingPage() {
              return { html: SANDBOX_HTML };
            },
          };
        },
      }
    : ApolloServerPluginLandingPageDisabled();
  const strict = contentSecurityPolicy();
  const headers: express.RequestHandler = (req, res, next) => {
    // A browser's GET of /graphql is the Sandbox page (Apollo answers it from renderLandingPage).
    const sandboxPage = sandbox && req.method === 'GET' && req.path === '/graphql' && !req.query.query;
    res.set({
      'content-security-policy': sandboxPage ? SANDBOX_CSP : strict,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    next();
  };
  const routes = (app: express.Express) => {
    if (sandbox)
      app.get(SANDBOX_SCRIPT_PATH, (_req, res) => {
        res.type('text/javascript').set('cache-control', 'no-cache').send(SANDBOX_JS);
      });
  };
  return { landingPage, headers, routes };
}
