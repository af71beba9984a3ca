import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SUBGRAPHS, type SubgraphName } from '../../shared/topology';
import { envSwitch } from '../../shared/env';

/**
 * One PostgreSQL role per subgraph (issue 21): each subgraph process connects as a role that may read and write the
 * rows of its own schema and read the outboxes it consumes, nothing else. A flaw in one subgraph then cannot read
 * another's tables (the registry's password hashes, the reports' names), and no service runs as the superuser.
 * Migrations and seeds still run as the owner (the URL `npm start` was given).
 */

/** The outboxes each subgraph's event consumers read (its definition's `consumers`, by producer). */
export type OutboxReads = Record<SubgraphName, readonly SubgraphName[]>;

/**
 * DATABASE_ROLES=on|off: whether the stack creates the roles and starts each subgraph as its own. Default: on with
 * the embedded PostgreSQL (the stack owns the server), off with DATABASE_URL (the server's owner decides;
 * docs/operations.md says how).
 */
export function databaseRolesEnabled(env: NodeJS.ProcessEnv, embedded: boolean): boolean {
  return envSwitch(env, 'DATABASE_ROLES', embedded);
}

/** The role of a subgraph in a database: hub_registry in the database "hub" (roles are shared by the whole server). */
export function roleName(database: string, subgraph: SubgraphName): string {
  const prefix = database.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  return `${prefix.slice(0, 63 - subgraph.length - 1)}_${subgraph}`;
}

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The statements that give `role` its rights (run by the owner in the hub's database, after migrations so every
 * table exists): connect, use and change the rows of its own schema, read the outboxes it consumes. No DDL, no other
 * schema; rerun at every start, so a table a new migration adds is covered.
 */
export function grantStatements(database: string, subgraph: SubgraphName, role: string, reads: OutboxReads): string[] {
  const own = ident(subgraph);
  const r = ident(role);
  return [
    `alter role ${r} nosuperuser nocreatedb nocreaterole noreplication nobypassrls`,
    `grant connect on database ${ident(database)} to ${r}`,
    `grant usage on schema ${own} to ${r}`,
    `grant select, insert, update, delete on all tables in schema ${own} to ${r}`,
    `grant usage, select, update on all sequences in schema ${own} to ${r}`,
    ...[...new Set(reads[subgraph])]
      .filter((p) => p !== subgraph)
      .flatMap((p) => [
        `grant usage on schema ${ident(p)} to ${r}`,
        `grant select on ${ident(p)}."outbox_event" to ${r}`,
      ]),
  ];
}

/** The owner's URL with the role's user and password instead. */
export function roleUrl(ownerUrl: string, role: string, password: string): string {
  const u = new URL(ownerUrl);
  u.username = encodeURIComponent(role);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * Creates (or updates) the four roles with fresh random passwords and returns each subgraph's URL. The passwords
 * live only in the memory of the process that starts the subgraphs and in their environment: nothing to keep on
 * disk, and each start changes them. Needs an owner that may create roles (the embedded server's superuser).
 */
export async function prepareSubgraphRoles(
  ownerUrl: string,
  reads: OutboxReads,
): Promise<Record<SubgraphName, string>> {
  const database = decodeURIComponent(new URL(ownerUrl).pathname.slice(1));
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const urls = {} as Record<SubgraphName, string>;
    for (const subgraph of SUBGRAPHS) {
      const role = roleName(database, subgraph);
      const password = randomBytes(24).toString('base64url');
      const found = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      // A password cannot be a bind parameter in DDL; base64url needs no quoting beyond the literal.
      await client.query(
        `${found.rowCount === 0 ? 'create' : 'alter'} role ${ident(role)} login password '${password}'`,
      );
      for (const sql of grantStatements(database, subgraph, role, reads)) await client.query(sql);
      urls[subgraph] = roleUrl(ownerUrl, role, password);
    }
    return urls;
  } finally {
    await client.end();
  }
}

/** Drops the roles of a database that is gone (tests; a dropped database takes its grants with it). */
export async function dropSubgraphRoles(adminUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const subgraph of SUBGRAPHS) await client.query(`drop role if exists ${ident(roleName(database, subgraph))}`);
  } finally {
    await client.end();
  }
}
