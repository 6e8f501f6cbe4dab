import { describe, expect, it } from 'vitest';
import { BUILTIN_QUESTIONS } from '@/lib/deck/builtin';
import { IDEAS } from '@/lib/deck/ideas';

describe('the ideas table', () => {
  it('names ideas by tags the built-in deck uses, each with phrases', () => {
    const tags = new Set(BUILTIN_QUESTIONS.flatMap((q) => q.tags));
    const unused = Object.keys(IDEAS).filter((idea) => !tags.has(idea));
    expect(unused).toEqual([]);
    for (const phrases of Object.values(IDEAS)) expect(phrases.length).toBeGreaterThan(0);
  });

  it('has the "what else" idea on the short what-else questions', () => {
    const whatElse = BUILTIN_QUESTIONS.filter((q) => q.tags.includes('what-else')).map((q) => q.text);
    expect(whatElse).toEqual(expect.arrayContaining(['What else?', 'And what else?']));
  });
});
