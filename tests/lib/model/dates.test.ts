import { describe, expect, it } from 'vitest';
import { dueInstant, formatDueIso, formatDueShort, isDueValue, isOverdue, isoDate, isoTime, parseDue } from '@/lib/model/dates';

const at = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m - 1, d, h, mi).getTime();

describe('due values', () => {
  it.each(['2026-12-01', '2024-02-29', '1900-01-01', '2200-12-31', '2026-12-01T09:30', '2026-12-01T23:59', '2026-12-01T00:00'])(
    'accepts %s',
    (d) => expect(isDueValue(d)).toBe(true),
  );
  it.each([
    '2026-02-30',
    '2025-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '1899-12-31',
    '2201-01-01',
    '2026-1-1',
    '01/12/2026',
    '2026-12-01T24:00',
    '2026-12-01T09:60',
    '2026-12-01 09:30',
    'tomorrow',
    '',
  ])('refuses %j', (d) => expect(isDueValue(d)).toBe(false));
  it('a day without a time when asked', () => {
    expect(isDueValue('2026-12-01T09:00', false)).toBe(false);
    expect(isDueValue('2026-12-01', false)).toBe(true);
  });
  it('parses into parts, with the time when set', () => {
    expect(parseDue('2026-12-01')).toEqual({ year: 2026, month: 12, day: 1, time: null });
    expect(parseDue('2026-12-01T09:05')).toEqual({ year: 2026, month: 12, day: 1, time: { hour: 9, minute: 5 } });
    expect(dueInstant('2026-12-01T09:05')).toBe(at(2026, 12, 1, 9, 5));
    expect(Number.isNaN(dueInstant('2026-13'))).toBe(true);
  });
});

describe('isOverdue', () => {
  it('a date-only due date is due all that day and overdue from the next', () => {
    expect(isOverdue('2026-11-20', at(2026, 11, 20, 23, 59))).toBe(false);
    expect(isOverdue('2026-11-20', at(2026, 11, 21, 0, 0))).toBe(true);
  });
  it('a timed due date is overdue from its minute', () => {
    expect(isOverdue('2026-11-20T14:00', at(2026, 11, 20, 13, 59))).toBe(false);
    expect(isOverdue('2026-11-20T14:00', at(2026, 11, 20, 14, 1))).toBe(true);
  });
  it('a malformed date is never overdue', () => expect(isOverdue('next week', at(2030, 1, 1))).toBe(false));
});

describe('formatters', () => {
  it('for exports: ISO day, and the time after a space', () => {
    expect(formatDueIso('2026-12-01')).toBe('2026-12-01');
    expect(formatDueIso('2026-12-01T09:30')).toBe('2026-12-01 09:30');
    expect(formatDueIso('soon')).toBe('soon');
  });
  it('for the UI: the day in words, the time when set, the year only when it is not this one', () => {
    const now = at(2026, 6, 1);
    expect(formatDueShort('2026-12-15', now)).not.toMatch(/2026/);
    expect(formatDueShort('2027-01-15', now)).toMatch(/2027/);
    expect(formatDueShort('2026-12-15T14:00', now)).toMatch(/14|2/);
    expect(formatDueShort('2026-12-15T14:00', now).length).toBeGreaterThan(formatDueShort('2026-12-15', now).length);
  });
  it('instants as ISO day and time in a given zone', () => {
    const t = Date.UTC(2026, 11, 31, 23, 30);
    expect(isoDate(t, () => 0)).toBe('2026-12-31');
    expect(isoDate(t, () => 60)).toBe('2027-01-01');
    expect(isoTime(t, () => 60)).toBe('00:30');
  });
});

describe('monthsBefore', () => {
  it('goes back whole calendar months in local time, a missing day becoming the month’s last', async () => {
    const { monthsBefore } = await import('@/lib/model/dates');
    const at = (y: number, m: number, d: number) => new Date(y, m - 1, d, 9, 30).getTime();
    expect(monthsBefore(at(2026, 12, 2), 12)).toBe(at(2025, 12, 2));
    expect(monthsBefore(at(2026, 3, 31), 1)).toBe(at(2026, 2, 28));
    expect(monthsBefore(at(2024, 3, 31), 1)).toBe(at(2024, 2, 29));
    expect(monthsBefore(at(2026, 1, 15), 13)).toBe(at(2024, 12, 15));
    expect(monthsBefore(at(2026, 1, 15), -6)).toBe(at(2026, 7, 15));
  });
});
