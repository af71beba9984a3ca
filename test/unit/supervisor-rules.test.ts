import { DEFAULT_POLICY, restartDecision, Supervised, type RestartPolicy } from '../../scripts/supervisor';
import { isUnavailable } from '../../shared/availability';

describe('restartDecision: back-off that doubles, and giving up on a crash loop', () => {
  const t = 1_000_000;
  it.each([
    ['first crash', [], { giveUp: false, delayMs: 250, attempt: 1 }],
    ['second within a minute', [t - 5_000], { giveUp: false, delayMs: 500, attempt: 2 }],
    ['fourth within a minute', [t - 30_000, t - 20_000, t - 10_000], { giveUp: false, delayMs: 2000, attempt: 4 }],
    ['fifth within a minute', [t - 40_000, t - 30_000, t - 20_000, t - 10_000], { giveUp: true }],
    [
      'old crashes are forgotten',
      [t - 600_000, t - 500_000, t - 400_000, t - 300_000],
      { giveUp: false, delayMs: 250, attempt: 1 },
    ],
  ])('%s', (_name, crashes, expected) => {
    expect(restartDecision(crashes, t, DEFAULT_POLICY)).toEqual(expected);
  });

  it('never waits longer than the ceiling', () => {
    const policy: RestartPolicy = { maxCrashes: 100, windowMs: 60_000, firstDelayMs: 250, maxDelayMs: 8000 };
    const crashes = Array.from({ length: 20 }, (_, i) => t - 1000 * (i + 1));
    expect(restartDecision(crashes, t, policy)).toMatchObject({ giveUp: false, delayMs: 8000 });
  });
});

describe('isUnavailable: an unreachable database, not a bug or bad input', () => {
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: '08006', message: 'connection failure' }, true],
    [new Error('Connection terminated unexpectedly'), true],
    [new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), true],
    [{ message: 'wrapped', cause: { code: 'ECONNRESET' } }, true],
    [new AggregateError([{ code: 'ECONNREFUSED' }], 'fetch failed'), true],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }, false],
    [new TypeError("Cannot read properties of undefined (reading 'id')"), false],
    [null, false],
  ])('%p → %p', (error, expected) => {
    expect(isUnavailable(error)).toBe(expected);
  });
});

it('a child that keeps crashing at once is given up on with a clear message', async () => {
  const lines: string[] = [];
  const message = await new Promise<string>((resolve) => {
    new Supervised({
      name: 'flaky',
      command: process.execPath,
      args: ['-e', 'process.exit(3)'],
      env: process.env,
      say: (line) => lines.push(line),
      waitReady: () => new Promise(() => undefined),
      onGiveUp: resolve,
      policy: { maxCrashes: 3, windowMs: 60_000, firstDelayMs: 20, maxDelayMs: 100 },
    }).start();
  });
  expect(message).toBe('flaky stopped unexpectedly (exit 3) 3 times within 60 s; giving up — see its errors above');
  expect(lines.filter((l) => l.includes('restarting in'))).toEqual([
    'flaky stopped unexpectedly (exit 3); restarting in 20 ms (attempt 1, back-off doubles each time)',
    'flaky stopped unexpectedly (exit 3); restarting in 40 ms (attempt 2, back-off doubles each time)',
  ]);
});
