import { doubts, emptyFigures, parseCount } from '../../gateway/web/src/pages/report/validate';
import {
  addDays,
  fridayOfWeek,
  mondayOfWeek,
  recentFridays,
  reportingFriday,
  todayInVietnam,
} from '../../shared/pure/dates';

describe('reporting weeks on the calendar of Vietnam', () => {
  it.each([
    // today (Vietnam)  this week's Friday  the Friday a report counts for
    ['2025-12-01', '2025-12-05', '2025-11-28'], // Monday: the week's Friday is ahead, the report is last week's
    ['2025-12-04', '2025-12-05', '2025-11-28'], // Thursday
    ['2025-12-05', '2025-12-05', '2025-12-05'], // Friday
    ['2025-12-06', '2025-12-05', '2025-12-05'], // Saturday: a late report still clears Friday's list
    ['2025-12-07', '2025-12-05', '2025-12-05'], // Sunday ends the week
    ['2025-12-29', '2026-01-02', '2025-12-26'], // across a year
  ])('on %s this week’s Friday is %s and a report counts for %s', (today, friday, reporting) => {
    expect(fridayOfWeek(today)).toBe(friday);
    expect(reportingFriday(today)).toBe(reporting);
  });

  it('counts the day in Vietnam, not on the device’s or the server’s UTC clock', () => {
    // Thursday 20:00 UTC is already Friday 03:00 in Vietnam.
    expect(todayInVietnam(new Date('2025-12-04T20:00:00Z'))).toBe('2025-12-05');
    expect(reportingFriday(todayInVietnam(new Date('2025-12-04T20:00:00Z')))).toBe('2025-12-05');
    // Sunday 17:30 UTC is Monday in Vietnam: a new week.
    expect(fridayOfWeek(todayInVietnam(new Date('2025-11-30T17:30:00Z')))).toBe('2025-12-05');
  });

  it('lists this week’s Friday and the ones before it for the week picker', () => {
    expect(recentFridays('2025-12-06', 3)).toEqual(['2025-12-05', '2025-11-28', '2025-11-21']);
    expect(mondayOfWeek('2025-12-07')).toBe('2025-12-01');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });
});

describe('counts as Vietnamese officials type them', () => {
  it.each<[string, number | null]>([
    ['1200', 1200],
    ['1.200', 1200],
    ['1 200', 1200],
    ['12.345.678', 12345678],
    ['', 0],
    ['1.20', null],
    ['1,5', null],
    ['-3', null],
    ['12.3456', null],
  ])('"%s" → %s', (raw, expected) => expect(parseCount(raw)).toBe(expected));

  it('flags a figure over the adults or more than three times last week’s', () => {
    const figures = emptyFigures();
    figures.RESIDENTS = { registered: '1020', completed: '90', certified: '80' };
    const last = [{ group: 'RESIDENTS', registered: 102, completed: 90, certified: 80 }];
    const found = doubts(figures, 500, last);
    expect(found).toHaveLength(2);
    expect(found[0]).toContain('gấp hơn 3 lần');
    expect(found[1]).toContain('vượt số người trưởng thành');
    figures.RESIDENTS.registered = '120';
    expect(doubts(figures, 500, last)).toEqual([]);
  });
});
