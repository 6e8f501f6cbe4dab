import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { check, defined, fieldOf, issueMessage } from '@/lib/model/check';
import { ClientInputSchema } from '@/lib/model/client';

describe('check', () => {
  it('names the field in words and as a path, without the input wrapper', () => {
    const result = check(v.object({ input: ClientInputSchema }), { input: { name: '' } });
    expect(result).toEqual({ ok: false, error: { code: 'invalid', message: "The client's name cannot be empty.", field: 'name' } });
  });
  it("takes a method's own labels before the common ones", () => {
    const result = check(v.object({ text: v.string('must be text') }), { text: 1 }, { text: 'The reflection' });
    expect(result.ok || result.error.message).toBe('The reflection must be text.');
  });
  it('a malformed object is said to be missing or malformed', () => {
    const result = check(v.object({ patch: v.object({ a: v.string() }) }), { patch: 'x' });
    expect(result.ok || result.error).toEqual({ code: 'invalid', message: 'The change is missing or malformed.', field: 'patch' });
  });
  it('an entry of a list is reported as the list', () => {
    const parsed = v.safeParse(v.object({ tags: v.array(v.string('must be text')) }), { tags: ['a', 2] });
    expect(parsed.success).toBe(false);
    if (!parsed.success) {
      expect(fieldOf(parsed.issues[0])).toBe('tags');
      expect(issueMessage(parsed.issues[0])).toBe('The tags must be text.');
    }
  });
  it('defined() drops undefined keys so a patch never blanks a field', () => {
    expect(defined({ a: 1, b: undefined, c: null })).toEqual({ a: 1, c: null });
  });
});
