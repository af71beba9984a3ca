/** What the exports share: running an operation through the gateway, errors as HTTP statuses, workbooks. */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type ExcelJS from 'exceljs';
import type express from 'express';
import { httpStatusOf } from '../shared/pure/error-codes';

let excel: typeof ExcelJS | undefined;
/**
 * exceljs, loaded with the first workbook rather than when the gateway starts: it is about 670 modules, a third of
 * what a gateway would load, for a route most processes never serve.
 */
export function workbook(): ExcelJS.Workbook {
  // A require, not import(): the compiled gateway is CommonJS, and the tests' module system has no native import().
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  excel ??= require('exceljs') as typeof ExcelJS;
  return new excel.Workbook();
}

interface GqlAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string; retryAfterSeconds?: unknown } }>;
}

export class ExportError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    /** Seconds, sent as Retry-After (a 429 or 503 the API answered). */
    readonly retryAfter?: string,
  ) {
    super(message);
  }
}

/**
 * An export's own GraphQL call to the gateway names the client it runs for, so that the rate limits count that
 * client (by its address when anonymous) and not the gateway's own loopback address. Only this process knows the
 * key, so a client's own header never passes for it.
 */
const CALLER_HEADER = 'x-hub-export-caller';
const KEY_HEADER = 'x-hub-export-key';
const SELF_CALL_KEY = Buffer.from(randomBytes(32).toString('base64url'));

/** In front of /graphql: the export's call counts as its client; the headers are dropped from any other request. */
export const exportCaller: express.RequestHandler = (req, _res, next) => {
  const caller = req.headers[CALLER_HEADER];
  const key = Buffer.from(String(req.headers[KEY_HEADER] ?? ''));
  delete req.headers[CALLER_HEADER];
  delete req.headers[KEY_HEADER];
  if (
    typeof caller === 'string' &&
    caller &&
    key.length === SELF_CALL_KEY.length &&
    timingSafeEqual(key, SELF_CALL_KEY)
  )
    // Shadows express's getter for this one request: the context and every limit read the address from req.ip.
    Object.defineProperty(req, 'ip', { value: caller, configurable: true });
  next();
};

export async function run<T>(url: string, req: express.Request, query: string, variables: Record<string, unknown>) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [CALLER_HEADER]: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    [KEY_HEADER]: SELF_CALL_KEY.toString(),
  };
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as GqlAnswer<T>;
  if (body.errors?.length) {
    const { message, extensions } = body.errors[0];
    const code = extensions?.code ?? '';
    const retryAfter = res.headers.get('retry-after') ?? undefined;
    throw new ExportError(httpStatusOf(code), message, code || undefined, retryAfter);
  }
  return body.data as T;
}

export const PERCENT = '0.00%';

export async function send(res: express.Response, book: ExcelJS.Workbook, name: string) {
  res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('content-disposition', `attachment; filename="${name}"`);
  res.send(Buffer.from(await book.xlsx.writeBuffer()));
}

export function sheet(
  book: ExcelJS.Workbook,
  title: string,
  columns: Array<[header: string, key: string, width: number, fmt?: string]>,
) {
  const ws = book.addWorksheet(title);
  ws.columns = columns.map(([header, key, width, numFmt]) => ({ header, key, width, style: numFmt ? { numFmt } : {} }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

/**
 * An async route: an ExportError answers its status (401/403/404 from the API's codes; 429 and 503 with the API's
 * Retry-After and bilingual message), anything else 500.
 */
/** An export's request: its routes' parameters are named (`:code`), one string each. */
export type ExportRequest = express.Request<Record<string, string>>;

export const handler =
  (build: (req: ExportRequest, res: express.Response) => Promise<void>): express.RequestHandler =>
  (req, res) => {
    // Express types a parameter `string | string[]` for wildcard routes; the exports have none.
    build(req as ExportRequest, res).catch((e: unknown) => {
      if (!(e instanceof ExportError)) {
        res.status(500).json({ error: e instanceof Error ? e.message : String(e) });
        return;
      }
      if (e.retryAfter) res.set('retry-after', e.retryAfter);
      res.status(e.status).json({ error: e.message, ...(e.code ? { code: e.code } : {}) });
    });
  };
