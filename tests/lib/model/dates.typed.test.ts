import { describe, expect, it } from 'vitest';
import { dayMonthOrder, dueTextExamples, formatDueEcho, parseDueText, parseTimeText } from '@/lib/model/dates';

/** Tuesday 1 December 2026, 10:00 local time. */
const NOW = new Date(2026, 11, 1, 10, 0).getTime();

describe('parseDueText: what a coach types, relative to Tue 1 Dec 2026', () => {
  it.each([
    // words
    ['today', '2026-12-01'],
    ['Tomorrow', '2026-12-02'],
    ['tmrw', '2026-12-02'],
    // weekdays: the next one after today, 1–7 days ahead
    ['fri', '2026-12-04'],
    ['Friday', '2026-12-04'],
    ['thurs', '2026-12-03'],
    ['mon', '2026-12-07'],
    ['tue', '2026-12-08'],
    ['this fri', '2026-12-04'],
    ['next fri', '2026-12-11'],
    ['next mon', '2026-12-07'],
    // relative
    ['next week', '2026-12-08'],
    ['next month', '2027-01-01'],
    ['+7', '2026-12-08'],
    ['+14', '2026-12-15'],
    ['+ 3', '2026-12-04'],
    ['+2w', '2026-12-15'],
    ['+1m', '2027-01-01'],
    ['in 2 weeks', '2026-12-15'],
    ['in 3 days', '2026-12-04'],
    ['in a week', '2026-12-08'],
    ['in a month', '2027-01-01'],
    ['10 days', '2026-12-11'],
    ['+31', '2027-01-01'],
    // month names, the next occurrence from today on
    ['Dec 15', '2026-12-15'],
    ['15 Dec', '2026-12-15'],
    ['december 15th', '2026-12-15'],
    ['15th of December', '2026-12-15'],
    ['1 dec', '2026-12-01'],
    ['30 Nov', '2027-11-30'],
    ['Jan 5', '2027-01-05'],
    ['sept 3', '2027-09-03'],
    ['Dec 15, 2027', '2027-12-15'],
    ['29 feb 2028', '2028-02-29'],
    // ISO
    ['2026-12-15', '2026-12-15'],
    ['2027-1-5', '2027-01-05'],
    // with a time
    ['fri 14:00', '2026-12-04T14:00'],
    ['tomorrow at 9am', '2026-12-02T09:00'],
    ['Dec 15 3pm', '2026-12-15T15:00'],
    ['+7 @ 9:30', '2026-12-08T09:30'],
    ['2026-12-15 12pm', '2026-12-15T12:00'],
    ['today 12am', '2026-12-01T00:00'],
  ])('%j → %s', (text, due) => expect(parseDueText(text, NOW, 'dm')).toBe(due));

  it.each([
    // day first (most of the world)
    ['15/12', 'dm', '2026-12-15'],
    ['3/1', 'dm', '2027-01-03'],
    ['3.1.2027', 'dm', '2027-01-03'],
    ['15/12/26', 'dm', '2026-12-15'],
    // month first (US)
    ['12/15', 'md', '2026-12-15'],
    ['3/1', 'md', '2027-03-01'],
    ['1/3/2027', 'md', '2027-01-03'],
    // only one reading is a real day: that one, whatever the order
    ['15/12', 'md', '2026-12-15'],
    ['12/15', 'dm', '2026-12-15'],
    // today or later: 1/12 (1 Dec) is today, 30/11 has passed
    ['1/12', 'dm', '2026-12-01'],
    ['30/11', 'dm', '2027-11-30'],
  ] as const)('%j read %s → %s', (text, order, due) => expect(parseDueText(text, NOW, order)).toBe(due));

  it('empty text is no due date', () => {
    expect(parseDueText('', NOW, 'dm')).toBe('');
    expect(parseDueText('   ', NOW, 'dm')).toBe('');
  });

  it.each([
    // out of range
    '32/12',
    '13/13',
    '31/2',
    '30 feb',
    'Feb 30 2027',
    '29 feb 2027',
    '2026-02-30',
    '2201-01-01',
    '1899-12-31',
    '+99999',
    // nonsense
    'soon',
    'asap',
    'next',
    'fri-ish',
    'in weeks',
    'Decembre 15',
    '+7 parsecs',
    'fri 25:00',
    'fri 13pm',
    '15/12/2026/1',
  ])('refuses %j', (text) => expect(parseDueText(text, NOW, 'dm')).toBeNull());

  it('rolls over month and year ends', () => {
    const dec31 = new Date(2026, 11, 31, 18).getTime(); // a Thursday
    expect(parseDueText('tomorrow', dec31, 'dm')).toBe('2027-01-01');
    expect(parseDueText('fri', dec31, 'dm')).toBe('2027-01-01');
    expect(parseDueText('next month', new Date(2027, 0, 31).getTime(), 'dm')).toBe('2027-02-28');
  });
});

describe('parseDueText with yearless "nearest" (an engagement\'s start), relative to Tue 1 Dec 2026', () => {
  it.each([
    // a day without a year: the one closest to today, not the next one
    ['Dec 1', '2026-12-01', '2026-12-01'],
    ['Nov 30', '2027-11-30', '2026-11-30'],
    ['15 Oct', '2027-10-15', '2026-10-15'],
    ['Jan 5', '2027-01-05', '2027-01-05'],
    ['30/11', '2027-11-30', '2026-11-30'],
    ['Jul 1', '2027-07-01', '2026-07-01'],
  ])('%s: next %s, nearest %s', (typed, next, nearest) => {
    expect(parseDueText(typed, NOW, 'dm')).toBe(next);
    expect(parseDueText(typed, NOW, 'dm', 'nearest')).toBe(nearest);
  });

  it('leaves words, weekdays, offsets and full dates as they are', () => {
    for (const typed of ['tomorrow', 'fri', '+7', 'next month', '2026-06-01', 'Jun 1 2026'])
      expect(parseDueText(typed, NOW, 'dm', 'nearest')).toBe(parseDueText(typed, NOW, 'dm'));
  });
});

describe('parseTimeText', () => {
  it.each([
    ['14:00', '14:00'],
    ['9', '09:00'],
    ['9.30', '09:30'],
    ['1430', '14:30'],
    ['2pm', '14:00'],
    ['12 am', '00:00'],
    ['12pm', '12:00'],
    ['9:05a', '09:05'],
  ])('%j → %s', (text, time) => expect(parseTimeText(text)).toBe(time));
  it.each(['24:00', '9:60', '13pm', '0am', 'noonish', ''])('refuses %j', (text) => expect(parseTimeText(text)).toBeNull());
});

describe('dayMonthOrder: from how the locale writes 15 December', () => {
  it.each([
    ['en-GB', 'dm'],
    ['de-DE', 'dm'],
    ['fr-FR', 'dm'],
    ['en-US', 'md'],
    ['ja-JP', 'md'],
  ] as const)('%s → %s', (locale, order) => expect(dayMonthOrder(locale)).toBe(order));
  it('the examples follow the order', () => {
    expect(dueTextExamples('dm')).toContain('15/12');
    expect(dueTextExamples('md')).toContain('12/15');
  });
});

describe('formatDueEcho', () => {
  it('names the weekday and the day, the year only when it is not this one, and a time', () => {
    const echo = formatDueEcho('2026-12-04', NOW);
    expect(echo).toMatch(/Fri/);
    expect(echo).toMatch(/4/);
    expect(echo).toMatch(/Dec/);
    expect(echo).not.toMatch(/2026/);
    expect(formatDueEcho('2027-01-08', NOW)).toMatch(/2027/);
    expect(formatDueEcho('2026-12-04T14:00', NOW)).toMatch(/14:00|2:00/);
  });
});
