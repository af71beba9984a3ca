import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { InProcessOptions, InProcessStack } from '../../scripts/stack';
import type { OuterModules } from './stack-environment';
import type { TokenRole } from '../../shared/pure/auth-rules';
import { signToken } from '../../shared/auth';
import { withDatabase } from '../../subgraphs/common/database';
import '../../subgraphs/common/pg-types';

/** The people the tests' tokens name: names as officials have them (a page shows who approved, who sent). */
export const TEST_NAMES: Readonly<Record<TokenRole, string>> = {
  PROVINCE_ADMIN: 'Nguyễn Văn Tỉnh',
  PROVINCE_VIEWER: 'Trần Thị Xem',
  COMMUNE_OFFICER: 'Lê Văn Xã',
  VILLAGE_REPORTER: 'Phạm Văn Thôn',
  UNIT_REPORTER: 'Hoàng Thị Đơn',
};

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: { code?: string; field?: string } }>;
}

export interface TestStack extends InProcessStack {
  databaseUrl: string;
  /** Sends a query or mutation to the gateway over real HTTP. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    auth?: { token?: string },
  ): Promise<GraphQLResponse<T>>;
  /** A bearer token for a role over an area, signed with this stack's key (as `npm run token` does). */
  token(role: TokenRole, area: string, options?: { ttlSeconds?: number }): Promise<string>;
  /** Moves the stack's clock (tokens, download links) ahead, as if that much time had passed. */
  advanceClock(ms: number): void;
  /** Runs SQL straight on the test database (to check what was, or was not, written). */
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: process.env.HUB_TEST_SERVER_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server's code as the worker loaded it once (test/support/stack-environment.ts), not this file's copy. */
function outer(): OuterModules {
  const modules = (globalThis as { __hubOuter?: OuterModules }).__hubOuter;
  if (!modules) throw new Error("run through jest's stack or browser project: its environment starts the stack");
  return modules;
}

/** The whole stack on a database of one's own (not the template's copy), as `npm start` runs it in one process. */
export const startInProcess: OuterModules['startInProcess'] = (url, options) => outer().startInProcess(url, options);
/** Migrates and seeds a database (scripts/stack.ts), backs one up and restores one (scripts/backup.ts, restore.ts). */
export const prepareDatabase: OuterModules['prepareDatabase'] = (...args) => outer().prepareDatabase(...args);
export const backupDatabase: OuterModules['backupDatabase'] = (...args) => outer().backupDatabase(...args);
export const restoreDatabase: OuterModules['restoreDatabase'] = (...args) => outer().restoreDatabase(...args);

/** Sends the stack's log lines to `stream` (null: back to standard output), as shared/logging's logTo does. */
export const logTo: OuterModules['logTo'] = (stream, level) => outer().logTo(stream, level);

/**
 * The whole stack (four subgraphs + gateway) on free ports, over a fresh copy of the seeded template database.
 * Call `stop()` in afterAll; it drops the copy.
 */
export async function startTestStack(options: Pick<InProcessOptions, 'limits' | 'roles'> = {}): Promise<TestStack> {
  const template = process.env.HUB_TEST_TEMPLATE;
  if (!template || !process.env.HUB_TEST_SERVER_URL)
    throw new Error('run through jest: the global setup prepares the database');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database "${name}" template "${template}"`));
  const databaseUrl = withDatabase(process.env.HUB_TEST_SERVER_URL, name);
  // A fresh key per stack: tests never depend on (or write) a key file under DATA_DIR.
  const { startInProcess, advanceClock } = outer();
  const stack = await startInProcess(databaseUrl, {
    authSecret: randomBytes(32).toString('base64url'),
    limits: options.limits,
    roles: options.roles,
  });
  const direct = new Client({ connectionString: databaseUrl });
  await direct.connect();
  return {
    ...stack,
    databaseUrl,
    async gql<T>(query: string, variables?: Record<string, unknown>, auth: { token?: string } = {}) {
      const res = await fetch(stack.gateway.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth.token ? { authorization: `Bearer ${auth.token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse<T>;
    },
    token(role: TokenRole, area: string, tokenOptions: { ttlSeconds?: number } = {}) {
      return signToken(
        stack.authSecret,
        { sub: `test:${role}:${area}`, name: TEST_NAMES[role], role, area },
        tokenOptions,
      );
    },
    advanceClock,
    async sql<R>(text: string, params: unknown[] = []) {
      return (await direct.query(text, params)).rows as R[];
    },
    async stop() {
      await direct.end();
      await stack.stop();
      await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** The data of a response that must have no errors; fails the test with the errors otherwise. */
export function ok<T>(response: GraphQLResponse<T>): T {
  if (response.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(response.errors, null, 2)}`);
  if (!response.data) throw new Error('no data in response');
  return response.data;
}

/** The single error code of a response that must fail. */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
