import { describeError, loggableError, statementOf } from '../../shared/logging';

/** What a log line may keep of a failed statement (issue 21): its code and table, never its text or values. */
describe('statementOf', () => {
  it.each([
    [`insert into "reports"."unit_report" ("note") values ('0912 345 678')`, 'insert reports.unit_report'],
    [`update "plans"."key_person" set "full_name" = 'Hoa' where "id" = 3`, 'update plans.key_person'],
    [`select "a".* from "registry"."account" as "a" where "login" = 'x'`, 'select registry.account'],
    [`delete from outbox where id = 1`, 'delete outbox'],
    [`begin`, 'begin'],
    [`(select 1)`, 'sql'],
  ])('%s', (sql, summary) => expect(statementOf(sql)).toBe(summary));
});

describe('loggableError', () => {
  const failed = Object.assign(
    new Error(
      `insert into "reports"."report_person" ("name") values ('Hồ Thị Bí Mật') - new row violates check constraint "named"`,
    ),
    {
      name: 'CheckConstraintViolationException',
      code: '23514',
      severity: 'ERROR',
      detail: 'Failing row contains (Hồ Thị Bí Mật, 0912345678).',
      constraint: 'named',
      stack: 'CheckConstraintViolationException: insert into … Bí Mật\n    at run (orm.js:1:1)',
    },
  );

  it('keeps the code, the statement and the frames of a database error, not its SQL, values or detail', () => {
    const logged = loggableError(failed);
    expect(logged).toEqual({
      type: 'CheckConstraintViolationException',
      sqlState: '23514',
      statement: 'insert reports.report_person',
      constraint: 'named',
      stack: '    at run (orm.js:1:1)',
    });
    expect(describeError(failed)).toBe('CheckConstraintViolationException 23514 insert reports.report_person named');
  });

  it('keeps the message of any other error', () => {
    expect(describeError(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(loggableError('a string')).toEqual({ type: 'string' });
  });
});
