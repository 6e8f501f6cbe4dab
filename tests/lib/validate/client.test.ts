import { describe, expect, it } from 'vitest';
import { validateClientInput, validateClientPatch } from '@/lib/validate/client';
import { expectInvalid, value } from './expect-invalid';

describe('validateClientInput', () => {
  it('cleans a full input and fills defaults', () => {
    expect(value(validateClientInput({ name: '  Ana Lopez ', goals: [' Lead with calm ', ''] }))).toEqual({
      name: 'Ana Lopez', email: '', goals: ['Lead with calm'], notes: '', keepNoNotes: false,
    });
  });
  it('refuses a missing input object', () => expectInvalid(validateClientInput(null), 'input'));
  it('refuses an empty name', () => expectInvalid(validateClientInput({ name: ' ' }), 'name', /client's name cannot be empty/));
  it('refuses a name over 200 characters', () => expectInvalid(validateClientInput({ name: 'n'.repeat(201) }), 'name', /200/));
  it('refuses a bad email', () => expectInvalid(validateClientInput({ name: 'A', email: 'nope' }), 'email'));
  it('refuses over-long notes', () => expectInvalid(validateClientInput({ name: 'A', notes: 'x'.repeat(20_001) }), 'notes'));
  it('refuses a non-boolean keepNoNotes', () => expectInvalid(validateClientInput({ name: 'A', keepNoNotes: 'yes' }), 'keepNoNotes'));
  it('refuses goals that are not a list', () => expectInvalid(validateClientInput({ name: 'A', goals: 'x' }), 'goals'));
});

describe('validateClientPatch', () => {
  it('returns only the fields present', () => {
    expect(value(validateClientPatch({ email: ' a@b.co ' }))).toEqual({ email: 'a@b.co' });
    expect(value(validateClientPatch({}))).toEqual({});
  });
  it('checks each present field', () => {
    expectInvalid(validateClientPatch({ name: '' }), 'name');
    expectInvalid(validateClientPatch({ archived: 1 }), 'archived');
    expectInvalid(validateClientPatch({ notes: 5 }), 'notes');
    expectInvalid(validateClientPatch('x'), 'patch');
  });
});
