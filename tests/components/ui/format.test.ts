import { describe, expect, it } from 'vitest';
import { isOverdue, parseDue, possessive } from '@/components/ui/format';

const at = (y: number, m: number, d: number, h = 0, mi = 0) => new Date(y, m - 1, d, h, mi).getTime();

describe('isOverdue', () => {
  it('a date-only due date is due all that day and overdue from the next', () => {
    expect(isOverdue('2026-11-20', at(2026, 11, 20, 23, 59))).toBe(false);
    expect(isOverdue('2026-11-20', at(2026, 11, 21, 0, 0))).toBe(true);
  });
  it('a timed due date is overdue from its minute', () => {
    expect(isOverdue('2026-11-20T14:00', at(2026, 11, 20, 13, 59))).toBe(false);
    expect(isOverdue('2026-11-20T14:00', at(2026, 11, 20, 14, 1))).toBe(true);
  });
  it('a malformed date is never overdue', () => {
    expect(isOverdue('next week', at(2030, 1, 1))).toBe(false);
    expect(Number.isNaN(parseDue('2026-13'))).toBe(true);
  });
});

describe('possessive', () => {
  it('adds an apostrophe', () => {
    expect(possessive('Ana')).toBe("Ana's");
    expect(possessive('James')).toBe("James'");
  });
});
