import { logLevel, requestIdFrom } from '../../shared/logging';
import { errorCode, operationLabeller } from '../../shared/metrics';
import { BadInputError } from '../../shared/pure/errors';
import { GraphQLError } from 'graphql';
import { loadOrder } from '../../scripts/archive';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it.each([
    ['abc-123', 'abc-123'],
    ['trace:9f/1@lb=x+y', 'trace:9f/1@lb=x+y'],
    [['first', 'second'], 'first'],
  ])('keeps a sane caller id %p', (header, expected) => expect(requestIdFrom(header)).toBe(expected));

  it.each([undefined, null, '', 'has space', 'new\nline', 'x'.repeat(129), 'ký-tự'])(
    'replaces %p with a fresh UUID',
    (header) => expect(requestIdFrom(header)).toMatch(UUID),
  );
});

describe('LOG_LEVEL', () => {
  it.each([
    [{}, 'info'],
    [{ NODE_ENV: 'test' }, 'silent'],
    [{ LOG_LEVEL: 'DEBUG' }, 'debug'],
    [{ LOG_LEVEL: 'warn', NODE_ENV: 'test' }, 'warn'],
  ])('%p → %s', (env, level) => expect(logLevel(env as NodeJS.ProcessEnv)).toBe(level));

  it('refuses an unknown level with the list of valid ones', () =>
    expect(() => logLevel({ LOG_LEVEL: 'verbose' })).toThrow(/one of fatal, error, warn, info/));
});

describe('metric labels', () => {
  it('gives the first names their own series and the rest one shared series', () => {
    const label = operationLabeller(2);
    expect([label('A'), label(undefined), label('B'), label('C'), label('A'), label('D')]).toEqual([
      'A',
      '__anonymous',
      'B',
      '__other',
      'A',
      '__other',
    ]);
  });

  it.each([
    [new GraphQLError('x', { originalError: new BadInputError('sai') }), 'BAD_USER_INPUT'],
    [{ extensions: { code: 'NOT_FOUND' } }, 'NOT_FOUND'],
    [{ extensions: {} }, 'INTERNAL_SERVER_ERROR'],
    [{ extensions: { code: 'X'.repeat(100) } }, 'INTERNAL_SERVER_ERROR'],
  ])('counts %p under %s', (error, code) => expect(errorCode(error)).toBe(code));
});

describe('restore order', () => {
  const t = (oid: number, name: string) => ({ oid, name });
  it('puts every table after the tables its foreign keys point to, else alphabetically', () => {
    const tables = [
      t(4, 'registry.unit'),
      t(3, 'registry.village'),
      t(2, 'registry.commune'),
      t(1, 'registry.province'),
    ];
    const fks = [
      { from: 2, to: 1 },
      { from: 3, to: 2 },
      { from: 4, to: 2 },
      { from: 4, to: 3 },
      { from: 4, to: 4 },
      { from: 2, to: 99 },
    ];
    expect(loadOrder(tables, fks).map((x) => x.name)).toEqual([
      'registry.province',
      'registry.commune',
      'registry.village',
      'registry.unit',
    ]);
    expect(loadOrder([t(2, 'b'), t(1, 'a')], []).map((x) => x.name)).toEqual(['a', 'b']);
  });

  it('refuses a cycle instead of looping', () => {
    expect(() =>
      loadOrder(
        [t(1, 'a'), t(2, 'b')],
        [
          { from: 1, to: 2 },
          { from: 2, to: 1 },
        ],
      ),
    ).toThrow(/cycle/);
  });
});
