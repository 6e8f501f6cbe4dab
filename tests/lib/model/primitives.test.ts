import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { check } from '@/lib/model/check';
import { Due, Email, Id, Millis, Name, SessionMinutes, Text, textList } from '@/lib/model/primitives';
import { expectInvalid, value } from './expect-invalid';

const field = <S extends v.GenericSchema>(schema: S, key = 'value') => v.object({ [key]: schema });
const run = (schema: v.GenericSchema, input: unknown, key = 'value') => check(field(schema, key), { [key]: input });

describe('Name', () => {
  it('trims', () => expect(value(run(Name, '  Ana  ', 'name'))).toEqual({ name: 'Ana' }));
  it('refuses empty and blank', () => {
    expectInvalid(run(Name, '', 'name'), 'name', /client's name cannot be empty/);
    expectInvalid(run(Name, '   ', 'name'), 'name', /cannot be empty/);
  });
  it('refuses over 200 characters, accepts 200', () => {
    expect(value(run(Name, 'a'.repeat(200), 'name'))).toEqual({ name: 'a'.repeat(200) });
    expectInvalid(run(Name, 'a'.repeat(201), 'name'), 'name', /at most 200/);
  });
  it('refuses non-text', () => expectInvalid(run(Name, 42, 'name'), 'name', /must be text/));
});

describe('Text', () => {
  it('keeps text as typed, including trailing spaces', () => expect(value(run(Text, 'hello ', 'notes'))).toEqual({ notes: 'hello ' }));
  it('refuses over 20,000 characters', () => {
    expect(value(run(Text, 'x'.repeat(20_000), 'notes'))).toEqual({ notes: 'x'.repeat(20_000) });
    expectInvalid(run(Text, 'x'.repeat(20_001), 'notes'), 'notes', /The notes is too long: at most 20,000 characters\./);
  });
  it('refuses non-text', () => expectInvalid(run(Text, ['a'], 'topic'), 'topic'));
  it('refuses a lone surrogate (half an emoji from a cut-off paste) with a message, and keeps whole emoji', () => {
    expect(value(run(Text, 'Proud 😀 of it', 'notes'))).toEqual({ notes: 'Proud 😀 of it' });
    expectInvalid(run(Text, 'Proud \uD83D of it', 'notes'), 'notes', /broken character.*paste that part again/);
    expectInvalid(run(Text, 'tail \uDE00', 'notes'), 'notes', /broken character/);
  });
});

describe('Email', () => {
  it.each(['ana@example.org', ' a.b+c@mail.example.co.uk ', ''])('accepts %j', (e) =>
    expect(value(run(Email, e, 'email'))).toEqual({ email: e.trim() }),
  );
  it.each([
    'ana',
    'ana@',
    '@example.org',
    'ana@example',
    'a b@example.org',
    'ana@@example.org',
    'ana@example.',
    `${'a'.repeat(250)}@example.org`,
  ])('refuses %j', (e) => expectInvalid(run(Email, e, 'email'), 'email', /email address/));
});

describe('Due', () => {
  it('allows none, trims, and says how to write a date', () => {
    expect(value(run(Due, '', 'due'))).toEqual({ due: '' });
    expect(value(run(Due, ' 2026-12-01 ', 'due'))).toEqual({ due: '2026-12-01' });
    expectInvalid(run(Due, '2026-02-30', 'due'), 'due', /not a real date: write it as 2026-12-01/);
  });
});

describe('Millis, ids, minutes, lists', () => {
  it('dates are whole milliseconds between 1900 and 2200', () => {
    expect(value(run(Millis, Date.UTC(2026, 0, 1), 'at'))).toEqual({ at: Date.UTC(2026, 0, 1) });
    expectInvalid(run(Millis, 1.5, 'at'), 'at', /whole number/);
    expectInvalid(run(Millis, Date.UTC(1899, 11, 31), 'at'), 'at', /before 1900/);
    expectInvalid(run(Millis, 8.64e15, 'at'), 'at', /after 2200/);
  });
  it('refuses empty ids', () => expectInvalid(run(Id, '', 'sessionId'), 'sessionId'));
  it.each([5, 60, 240])('accepts %d minutes', (m) =>
    expect(value(run(SessionMinutes, m, 'plannedMinutes'))).toEqual({ plannedMinutes: m }),
  );
  it.each([4, 241, 0, -10, 30.5, Number.NaN, '60'])('refuses %j minutes', (m) =>
    expectInvalid(run(SessionMinutes, m, 'plannedMinutes'), 'plannedMinutes'),
  );
  it('says the range of the planned length', () =>
    expectInvalid(run(SessionMinutes, 300, 'plannedMinutes'), 'plannedMinutes', /between 5 and 240/));
  it('trims list entries and drops blanks', () =>
    expect(value(run(textList(40), [' a ', '', '  ', 'b'], 'goals'))).toEqual({ goals: ['a', 'b'] }));
  it('refuses a non-list, over-long entries and too many entries', () => {
    expectInvalid(run(textList(40), 'a', 'goals'), 'goals');
    expectInvalid(run(textList(40), ['x'.repeat(41)], 'tags'), 'tags', /40/);
    expectInvalid(run(textList(40), Array(101).fill('a'), 'tags'), 'tags', /100/);
  });
});
