/** Plain rules: the plan part of a report, and the check of a signed download link. */
import { checkLink, signLink } from '../../gateway/download-links';
import { planPart } from '../../subgraphs/plans/report-part';

describe('planPart', () => {
  const plans = [{ id: 'p1', number: '125/KH-UBND', title: 'Kế hoạch' }];
  it('counts done tasks out of all but cancelled, and sessions held by the date (inclusive)', () => {
    const tasks = ['DONE', 'DONE', 'TODO', 'CANCELLED', 'IN_PROGRESS'].map((status) => ({ planId: 'p1', status }));
    const sessions = ['2025-11-18', '2025-11-19', '2025-11-20'].map((heldOn) => ({ planId: 'p1', heldOn }));
    expect(planPart(plans, [...tasks, { planId: 'other', status: 'DONE' }], sessions, '2025-11-19')).toEqual([
      { planId: 'p1', number: '125/KH-UBND', title: 'Kế hoạch', tasksDone: 2, tasksTotal: 4, sessionsHeld: 2 },
    ]);
  });
  it('a commune without plans has an empty part', () => expect(planPart([], [], [], '2025-11-19')).toEqual([]));
});

describe('checkLink', () => {
  const secret = 'x'.repeat(40);
  const claims = {
    path: '/export/commune/C02949/report/1.docx',
    sub: 'u',
    role: 'COMMUNE_OFFICER',
    area: 'C02949',
    exp: 1000,
  };
  const query = Object.fromEntries(new URLSearchParams(signLink(secret, claims).split('?')[1]));
  it('accepts the link on its path until its expiry, inclusive', () => {
    expect(checkLink(secret, claims.path, query, 1000)).toEqual({ ok: true, claims });
    expect(checkLink(secret, claims.path, query, 1001)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/hết hạn/) as unknown,
    });
  });
  it('refuses another path, another key, a changed area', () => {
    for (const check of [
      checkLink(secret, '/export/commune/C02949/villages.xlsx', query, 0),
      checkLink('y'.repeat(40), claims.path, query, 0),
      checkLink(secret, claims.path, { ...query, area: 'P23' }, 0),
      checkLink(secret, claims.path, {}, 0),
    ])
      expect(check).toMatchObject({ ok: false, message: expect.stringMatching(/không hợp lệ/) as unknown });
  });
});
