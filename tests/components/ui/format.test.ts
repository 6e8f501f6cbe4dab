import { describe, expect, it } from 'vitest';
import { possessive } from '@/components/ui/format';

describe('possessive', () => {
  it('adds an apostrophe', () => {
    expect(possessive('Ana')).toBe("Ana's");
    expect(possessive('James')).toBe("James'");
  });
});
