import path from 'node:path';
import { defineConfig } from 'vite';

/**
 * The pages (province dashboard, commune page, live wall screen, village report form), built into dist/web, which
 * the gateway serves. HUB_WEB_OUT builds elsewhere (the browser tests build into a temporary folder so that they
 * never race with `npm start` rebuilding dist/).
 */
export default defineConfig({
  root: __dirname,
  base: '/',
  logLevel: 'warn',
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
