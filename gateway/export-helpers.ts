/** What the exports share: running an operation through the gateway, errors as HTTP statuses, workbooks. */
import type ExcelJS from 'exceljs';
import type express from 'express';

interface GqlAnswer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

export class ExportError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function run<T>(url: string, req: express.Request, query: string, variables: Record<string, unknown>) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (req.headers.authorization) headers.authorization = req.headers.authorization;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as GqlAnswer<T>;
  if (body.errors?.length) {
    const code = body.errors[0].extensions?.code ?? '';
    throw new ExportError(STATUS[code] ?? 500, body.errors[0].message);
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

/** An async route: an ExportError answers its status (401/403/404 from the API's codes), anything else 500. */
export const handler =
  (build: (req: express.Request, res: express.Response) => Promise<void>): express.RequestHandler =>
  (req, res) => {
    build(req, res).catch((e: unknown) => {
      const status = e instanceof ExportError ? e.status : 500;
      res.status(status).json({ error: e instanceof Error ? e.message : String(e) });
    });
  };
