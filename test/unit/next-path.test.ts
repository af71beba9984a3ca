import { safeNextPath } from '../../gateway/web/src/pages/account/nextPath';

const ORIGIN = 'https://hub.example.vn';
const HOME = '/commune/C02949';

describe('where the login page goes after signing in (?next=)', () => {
  it.each([
    ['/commune/C02949/reports', '/commune/C02949/reports'],
    ['/village/V02949-08/report?date=2025-10-01#people', '/village/V02949-08/report?date=2025-10-01#people'],
    ['/province/23', '/province/23'],
    // Relative forms still name a page of this site.
    ['accounts', '/accounts'],
    ['https:evil.example', '/evil.example'], // the page's own scheme without "//": a path here
  ])('follows the same-origin path %j', (next, expected) => {
    expect(safeNextPath(next, ORIGIN, HOME)).toBe(expected);
  });

  it.each([
    ['/\\evil.example/phish'],
    ['\\\\evil.example/phish'],
    ['/\t/evil.example/phish'], // `/%09/…` once the query is decoded
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['//evil.example/phish'],
    ['///evil.example/phish'],
    ['https://evil.example/phish'],
    ['http://hub.example.vn/x'], // another origin: http, not https
    ['https://hub.example.vn.evil.example/'],
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    [' //evil.example'],
    ['http://[::1'],
    [''],
    [null],
  ])('refuses %j and goes home', (next) => {
    expect(safeNextPath(next, ORIGIN, HOME)).toBe(HOME);
  });

  it('refuses the attack forms of the issue as they arrive in the address', () => {
    for (const query of ['next=/\\evil.example/phish', 'next=/%09/evil.example/phish', 'next=%2F%2Fevil.example']) {
      const next = new URL(`${ORIGIN}/login?${query}`).searchParams.get('next');
      expect([query, safeNextPath(next, ORIGIN, HOME)]).toEqual([query, HOME]);
    }
  });
});
