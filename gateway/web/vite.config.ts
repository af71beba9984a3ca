import path from 'node:path';
import { build, type Plugin as EsbuildPlugin } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * Everything the inlined script imports counts as free of side effects, so that only the query texts and the few
 * functions that make their variables are kept (not preact nor the pages' components).
 */
const sideEffectFree: EsbuildPlugin = {
  name: 'side-effect-free',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if ((args.pluginData as { again?: boolean } | undefined)?.again) return undefined;
      const found = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { again: true },
      });
      return found.errors.length ? undefined : { ...found, sideEffects: false };
    });
  },
};

/**
 * src/first-query.ts, bundled on its own and inlined at the top of index.html: the dashboard's and the commune page's
 * one query leaves as soon as the page is read, while the pages' bundle is still on its way (about 8 KB, 2 KB
 * compressed).
 */
function firstQuery(): Plugin {
  return {
    name: 'first-query',
    async transformIndexHtml() {
      const out = await build({
        entryPoints: [path.resolve(__dirname, 'src/first-query.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        minify: true,
        target: 'es2022',
        logLevel: 'warning',
        plugins: [sideEffectFree],
      });
      return [{ tag: 'script', children: out.outputFiles[0].text.trim(), injectTo: 'head-prepend' }];
    },
  };
}

/**
 * The pages (province dashboard, commune page, live wall screen, village report form), built into dist/web, which
 * the gateway serves. HUB_WEB_OUT builds elsewhere (the browser tests build into a temporary folder so that they
 * never race with `npm start` rebuilding dist/).
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  logLevel: 'warn',
  plugins: [
    firstQuery(),
    // The service worker (sw/sw.ts) with the build's file list written in: every emitted file, lazily loaded chunks
    // included. public/manifest.webmanifest stays the manifest (index.html links it); src/update-prompt.ts registers.
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        // Vite's names carry their content's hash: no revision needed (and none added to the address).
        dontCacheBustURLsMatching: /^assets\/.+-[\w-]{8,}\./,
        // index.html is kept as `/`, fetched through the gateway's page route with its Content-Security-Policy.
        manifestTransforms: [
          (entries) => ({ manifest: entries.map((e) => (e.url === 'index.html' ? { ...e, url: '/' } : e)) }),
        ],
      },
    }),
  ],
  build: {
    outDir: process.env.HUB_WEB_OUT ? path.resolve(process.env.HUB_WEB_OUT) : path.resolve(__dirname, '../../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: {
    // `npx vite --config gateway/web/vite.config.ts` for page work against a running `npm start` on :4000.
    proxy: { '/graphql': { target: 'http://127.0.0.1:4000', ws: true } },
  },
});
