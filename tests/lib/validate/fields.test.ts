import { describe, expect, it } from 'vitest';
import { dueDate, guard, isValidDate, minutes, name, text, email, day, textList, id, unwrap } from '@/lib/validate/fields';
import { HoldspaceError } from '@/lib/api/result';
import { expectInvalid, value } from './expect-invalid';

describe('name', () => {
  it('trims', () => expect(name('  Ana  ')).toBe('Ana'));
  it('refuses empty and blank', () => {
    expectInvalid(guard(() => name('')), 'name', /cannot be empty/);
    expectInvalid(guard(() => name('   ')), 'name', /cannot be empty/);
  });
  it('refuses over 200 characters, accepts 200', () => {
    expect(name('a'.repeat(200))).toHaveLength(200);
    expectInvalid(guard(() => name('a'.repeat(201))), 'name', /at most 200/);
  });
  it('refuses non-text', () => expectInvalid(guard(() => name(42)), 'name', /must be text/));
});

describe('text', () => {
  it('keeps text as typed, including trailing spaces', () => expect(text('hello ', 'notes')).toBe('hello '));
  it('is empty when absent', () => expect(text(undefined, 'notes')).toBe(''));
  it('refuses over 20,000 characters', () => {
    expect(text('x'.repeat(20_000), 'notes')).toHaveLength(20_000);
    expectInvalid(guard(() => text('x'.repeat(20_001), 'notes', 'The notes')), 'notes', /20,000/);
  });
  it('refuses non-text', () => expectInvalid(guard(() => text(['a'], 'topic')), 'topic'));
});

describe('email', () => {
  it.each(['ana@example.org', ' a.b+c@mail.example.co.uk ', ''])('accepts %j', (e) => expect(value(guard(() => email(e)))).toBe(e.trim()));
  it.each(['ana', 'ana@', '@example.org', 'ana@example', 'a b@example.org', 'ana@@example.org', 'ana@example.'])('refuses %j', (e) =>
    expectInvalid(guard(() => email(e)), 'email', /email address/),
  );
});

describe('dates', () => {
  it.each(['2026-12-01', '2024-02-29', '1900-01-01', '2200-12-31', '2026-12-01T09:30', '2026-12-01T23:59', '2026-12-01T00:00'])(
    'accepts %s',
    (d) => expect(isValidDate(d)).toBe(true),
  );
  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '1899-12-31', '2201-01-01', '2026-1-1', '01/12/2026', '2026-12-01T24:00', '2026-12-01T09:60', '2026-12-01 09:30', 'tomorrow'])(
    'refuses %s',
    (d) => expect(isValidDate(d)).toBe(false),
  );
  it('dueDate allows none, trims, and names the field on error', () => {
    expect(dueDate(undefined)).toBe('');
    expect(dueDate('')).toBe('');
    expect(dueDate(' 2026-12-01 ')).toBe('2026-12-01');
    expectInvalid(guard(() => dueDate('2026-02-30')), 'due', /2026-12-01/);
  });
  it('day refuses a time and a missing value', () => {
    expect(day('2026-12-01', 'from')).toBe('2026-12-01');
    expectInvalid(guard(() => day('2026-12-01T09:00', 'from')), 'from');
    expectInvalid(guard(() => day(undefined, 'to')), 'to');
  });
});

describe('minutes', () => {
  it.each([5, 60, 240])('accepts %d', (m) => expect(minutes(m)).toBe(m));
  it.each([4, 241, 0, -10, 30.5, Number.NaN, '60'])('refuses %j', (m) => expectInvalid(guard(() => minutes(m)), 'plannedMinutes', /between 5 and 240/));
});

describe('lists, ids, unwrap', () => {
  it('trims list entries and drops blanks', () => expect(textList([' a ', '', '  ', 'b'], 'goals', 'Goals')).toEqual(['a', 'b']));
  it('refuses a non-list and over-long entries', () => {
    expectInvalid(guard(() => textList('a', 'goals', 'Goals')), 'goals');
    expectInvalid(guard(() => textList(['x'.repeat(41)], 'tags', 'Tags', 40)), 'tags', /40/);
    expectInvalid(guard(() => textList(Array(101).fill('a'), 'tags', 'Tags')), 'tags', /100/);
  });
  it('refuses empty ids', () => expectInvalid(guard(() => id('', 'sessionId')), 'sessionId'));
  it('unwrap throws the typed error', () => {
    expect(() => unwrap(guard(() => name('')))).toThrow(HoldspaceError);
    expect(unwrap(guard(() => name('x')))).toBe('x');
  });
  it('guard rethrows errors that are not HoldspaceErrors', () => {
    expect(() => guard(() => { throw new TypeError('boom'); })).toThrow(TypeError);
  });
});
