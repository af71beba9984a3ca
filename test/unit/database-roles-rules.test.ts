import { databaseRolesEnabled, grantStatements, roleName, roleUrl } from '../../subgraphs/common/roles';

/** The plain rules of the per-subgraph roles (issue 21); test/stack/database-roles.test.ts shows them in PostgreSQL. */
describe('database roles', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ DATABASE_ROLES: 'off' }, true, false],
    [{ DATABASE_ROLES: 'ON' }, false, true],
  ])('DATABASE_ROLES %j with embedded %s → %s', (env, embedded, on) =>
    expect(databaseRolesEnabled(env, embedded)).toBe(on),
  );

  it('refuses a value it does not know', () =>
    expect(() => databaseRolesEnabled({ DATABASE_ROLES: 'yes' }, true)).toThrow(/on or off/));

  it('names roles after the database, within 63 characters', () => {
    expect(roleName('hub', 'registry')).toBe('hub_registry');
    expect(roleName('Hub-Test', 'plans')).toBe('hub_test_plans');
    expect(roleName('x'.repeat(80), 'directives')).toHaveLength(63);
  });

  it('grants its own schema and the outboxes it reads, nothing more', () => {
    const reads = { registry: [], directives: [], plans: ['registry', 'reports'], reports: ['reports'] } as const;
    const sql = grantStatements('hub', 'plans', 'hub_plans', reads);
    expect(sql).toContain('grant select, insert, update, delete on all tables in schema "plans" to "hub_plans"');
    expect(sql).toContain('grant select on "registry"."outbox_event" to "hub_plans"');
    expect(sql.filter((s) => s.includes('"registry"'))).toHaveLength(2);
    expect(sql.join('\n')).not.toMatch(/\bcreate\b|all privileges|\bsuperuser/i);
    expect(grantStatements('hub', 'reports', 'hub_reports', reads).join('\n')).not.toContain('outbox_event');
  });

  it('puts the role and its password in the owner’s URL', () =>
    expect(roleUrl('postgres://postgres:pw@127.0.0.1:5432/hub', 'hub_plans', 'a-b_c')).toBe(
      'postgres://hub_plans:a-b_c@127.0.0.1:5432/hub',
    ));
});
