/**
 * gzip or brotli (whichever the browser's Accept-Encoding prefers; none when it asks for none) for the pages, their
 * assets and GraphQL answers over HTTP. The WebSocket path (graphql-ws) never passes through here, and answers that
 * stream — exports, incremental (multipart) GraphQL answers, event streams — go out as they are, chunk by chunk.
 */
import compression from 'compression';
import type { Request, RequestHandler, Response } from 'express';
import { constants } from 'node:zlib';

const STREAMED = /^(multipart\/|text\/event-stream)/;

export function shouldCompress(req: Request, res: Response): boolean {
  if (req.path.startsWith('/export')) return false;
  const type = String(res.getHeader('content-type') ?? '');
  if (STREAMED.test(type)) return false;
  return compression.filter(req, res);
}

export function compress(): RequestHandler {
  return compression({
    filter: shouldCompress,
    threshold: 1024,
    // Level 5 brotli / 6 gzip: most of the saving for a fraction of the highest levels' time on every answer.
    brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } },
  });
}
