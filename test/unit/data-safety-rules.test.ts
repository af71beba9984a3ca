import { checkTokenLifetime, createCallerVerifier, MAX_CALLER_TOKEN_SECONDS, signToken } from '../../shared/auth';
import { ConflictError } from '../../shared/pure/errors';
import { checkNoControlCharacters, cleanText, findControlCharacter, isBlank } from '../../shared/pure/text';
import { checkWithdrawalDate } from '../../subgraphs/directives/validation';
import { periodChangedByRevision, validatePopulation } from '../../subgraphs/registry/validation';
import { checkPeriodDate, checkReason, lockedPeriodError } from '../../subgraphs/reports/approval/rules';
import {
  checkRetryMatches,
  contentOfInput,
  contentOfRow,
  validateReport,
} from '../../subgraphs/reports/intake/validation';
import { codeOf } from '../support/errors';

describe('control characters', () => {
  it.each([
    ['plain', { s: 'Ba Tô' }, null],
    ['line breaks and tabs', { note: 'a\nb\r\n\tc' }, null],
    ['NUL', { s: 'a\u0000' }, { path: 's', code: 'U+0000' }],
    [
      'BEL deep in an input',
      { input: { people: [{ name: 'x' }, { name: '\u0007' }] } },
      { path: 'input.people.1.name', code: 'U+0007' },
    ],
    ['DEL', { s: '\u007f' }, { path: 's', code: 'U+007F' }],
    ['C1', { s: '\u0085' }, { path: 's', code: 'U+0085' }],
    ['numbers and nulls', { n: 3, x: null, b: true }, null],
  ])('%s', (_label, args, found) => {
    expect(findControlCharacter(args, '')).toEqual(found);
    expect(codeOf(() => checkNoControlCharacters(args))).toBe(found ? 'BAD_USER_INPUT' : null);
  });
});

describe('blank and cleaned text', () => {
  it.each([
    ['', true],
    ['   ', true],
    ['\u200B\u200C\u200D\uFEFF\u2060\u00AD', true],
    [' \u200B a', false],
    ['Hoa', false],
  ])('isBlank(%j) is %s', (text, blank) => expect(isBlank(text)).toBe(blank));

  it('removes invisible characters and extra spaces from names', () => {
    expect(cleanText('\u200B Đinh  Thị\tHoa \uFEFF')).toBe('Đinh Thị Hoa');
  });

  it('refuses a zero-width reason to reopen', () =>
    expect(codeOf(() => checkReason('\u200B\u200B'))).toBe('BAD_USER_INPUT'));
});

describe('report names', () => {
  const report = (name: string) => ({
    reportDate: '2025-11-07',
    groups: [{ group: 'RESIDENTS' as const, registered: 1, completed: 0, certified: 0 }],
    people: [{ name, role: 'RESIDENT' as const, certified: false, guided: 0 }],
  });
  it.each([
    ['A'.repeat(200), null],
    ['A'.repeat(201), 'BAD_USER_INPUT'],
    ['\u200B', 'BAD_USER_INPUT'],
    [' ', 'BAD_USER_INPUT'],
  ])('name of length %#', (name, code) => expect(codeOf(() => validateReport(report(name), '2025-12-01'))).toBe(code));
});

describe('a retried submission', () => {
  const input = {
    reportDate: '2025-11-07',
    groups: [{ group: 'RESIDENTS' as const, registered: 5, completed: 2, certified: 1 }],
    people: [
      { name: 'B', role: 'RESIDENT' as const, certified: false, guided: 1 },
      { name: 'A', role: 'OFFICIAL' as const, certified: true, guided: 0 },
    ],
    note: ' ghi chú ',
  };
  const first = { id: 41, content: contentOfInput(input, validateReport(input, '2025-12-01')) };
  const again = (over: Partial<typeof input>) => {
    const i = { ...input, ...over };
    return contentOfInput(i, validateReport(i, '2025-12-01'));
  };

  it('is the same submission with the same content, whatever the order of people or spaces around the note', () => {
    expect(() =>
      checkRetryMatches('k', first, again({ people: [...input.people].reverse(), note: 'ghi chú' })),
    ).not.toThrow();
  });

  it('reads a stored report as the same content it was written from', () => {
    const f = first.content.figures;
    const row = {
      reportDate: '2025-11-07',
      guidedResidents: 0,
      note: 'ghi chú',
      ...Object.fromEntries(
        (['OFFICIALS', 'RESIDENTS', 'STUDENTS', 'WORKERS'] as const).flatMap((g) => [
          [`${g.toLowerCase()}Registered`, f[g].registered],
          [`${g.toLowerCase()}Completed`, f[g].completed],
          [`${g.toLowerCase()}Certified`, f[g].certified],
        ]),
      ),
    } as Parameters<typeof contentOfRow>[0];
    const stored = (r: typeof row) => ({ id: 1, content: contentOfRow(r, first.content.people) });
    expect(() => checkRetryMatches('k', stored(row), first.content)).not.toThrow();
    expect(() => checkRetryMatches('k', stored({ ...row, workersCertified: 1 }), first.content)).toThrow(ConflictError);
  });

  it.each([
    [
      'other figures',
      { groups: [{ group: 'RESIDENTS' as const, registered: 6, completed: 2, certified: 1 }] },
      /số liệu khác/,
    ],
    ['another date', { reportDate: '2025-11-14' }, /ngày báo cáo khác/],
    ['another note', { note: 'khác' }, /số liệu khác/],
    ['other people', { people: [] }, /số liệu khác/],
  ])('is a CONFLICT naming the first report with %s', (_label, over, message) => {
    let error: unknown;
    try {
      checkRetryMatches('form-1234', first, again(over));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).details).toEqual({ reportId: 41, idempotencyKey: 'form-1234' });
    expect((error as ConflictError).message).toMatch(
      /^Mã chống gửi trùng "form-1234" đã được dùng cho báo cáo số 41 ngày 07\/11\/2025/,
    );
    expect((error as ConflictError).message).toMatch(message);
  });
});

describe('which approved period a population revision changes', () => {
  const approved = [
    { reportDate: '2025-11-07', approvedAt: null, approvedByName: 'A' },
    { reportDate: '2025-11-21', approvedAt: null, approvedByName: 'B' },
  ];
  it.each<[string, string, string[], string | null]>([
    ['dated after every approved period', '2025-11-22', [], null],
    ['dated on an approved period', '2025-11-21', [], '2025-11-21'],
    ['back-dated, nothing later: the earliest period it reaches', '2025-10-01', [], '2025-11-07'],
    ['back-dated but superseded before the period', '2025-10-01', ['2025-11-01'], null],
    ['superseded after the first period', '2025-10-01', ['2025-11-10'], '2025-11-07'],
    ['between two periods, superseded before the second', '2025-11-08', ['2025-11-20'], null],
    ['a revision on the same date is replaced, so it does not bound', '2025-11-07', ['2025-11-07'], '2025-11-07'],
    ['earlier revisions do not matter', '2025-11-15', ['2025-11-01'], '2025-11-21'],
  ])('%s', (_label, asOf, others, hit) => {
    expect(periodChangedByRevision(asOf, others, approved)?.reportDate ?? null).toBe(hit);
  });
  it('nothing approved, nothing changed', () => expect(periodChangedByRevision('2025-01-01', [], [])).toBeNull());
});

describe('date bounds', () => {
  const population = (asOf: string) => codeOf(() => validatePopulation({ asOf, adults: 5 }, 'Điều tra', '2025-12-01'));
  it.each([
    ['0100-06-01', 'BAD_USER_INPUT'],
    ['1999-12-31', 'BAD_USER_INPUT'],
    ['2000-01-01', null],
    ['2025-12-01', null],
    ['2025-12-02', 'BAD_USER_INPUT'],
  ])('a population dated %s', (asOf, code) => expect(population(asOf)).toBe(code));

  it.each([
    ['2025-11-10', 'BAD_USER_INPUT'],
    ['2025-11-11', null],
    ['2026-03-01', null],
    ['2026-03-02', 'BAD_USER_INPUT'],
    ['2030-01-01', 'BAD_USER_INPUT'],
    ['2025-13-01', 'BAD_USER_INPUT'],
  ])('a withdrawal dated %s (issued 11/11/2025, today 01/12/2025)', (on, code) =>
    expect(codeOf(() => checkWithdrawalDate(on, '2025-11-11', '2025-12-01'))).toBe(code),
  );

  it.each([
    ['0100-01-01', 'BAD_USER_INPUT'],
    ['2024-12-31', 'BAD_USER_INPUT'],
    ['2025-01-01', null],
  ])('a reporting period dated %s', (d, code) => expect(codeOf(() => checkPeriodDate(d, '2025-12-01'))).toBe(code));
});

describe('token lifetime', () => {
  const now = 1_800_000_000;
  it.each([
    [now + 12 * 3600, null],
    [now + MAX_CALLER_TOKEN_SECONDS, null],
    [now + MAX_CALLER_TOKEN_SECONDS + 3600, 'UNAUTHENTICATED'],
    [now + 100 * 365 * 86_400, 'UNAUTHENTICATED'],
  ])('exp %i', (exp, code) => expect(codeOf(() => checkTokenLifetime(exp, now))).toBe(code));
});

describe('who a token names', () => {
  const secret = 'a key for this test, long enough to sign with';
  const verify = createCallerVerifier({ secret });
  it.each([
    ['an ordinary name', 'u1', 'Đinh Văn Hùng', true],
    ['a 200-character name', 'u1', 'Ă'.repeat(200), true],
    ['a 201-character name', 'u1', 'Ă'.repeat(201), false],
    ['a 101-character subject', 'u'.repeat(101), 'x', false],
    ['a NUL in the name', 'u1', 'Hùng\u0000', false],
  ])('%s', async (_label, sub, name, accepted) => {
    const token = await signToken(secret, { sub, name, role: 'COMMUNE_OFFICER', area: 'C02949' });
    if (accepted) await expect(verify(token)).resolves.toMatchObject({ id: sub, name });
    else await expect(verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('a locked period’s message', () => {
  it('names the row, the date, when and who', () => {
    const e = lockedPeriodError(
      '2025-11-07',
      { state: 'APPROVED', approvedAt: new Date('2025-11-08T01:05:00Z'), approvedByName: 'Đinh Văn Hùng' },
      { vi: 'dòng 3, xã C02949', en: 'row 3, commune C02949' },
    );
    expect(e.code).toBe('FORBIDDEN');
    expect(e.message).toMatch(
      /^dòng 3, xã C02949: kỳ báo cáo ngày 07\/11\/2025 đã được duyệt lúc 08:05 ngày 08\/11\/2025 bởi Đinh Văn Hùng/,
    );
  });
});
