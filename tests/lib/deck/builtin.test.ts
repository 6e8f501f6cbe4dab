import { describe, expect, it } from 'vitest';
import { BUILTIN_QUESTIONS, builtinId } from '@/lib/deck/builtin';
import { STAGES } from '@/lib/model/types';

describe('the built-in deck', () => {
  it('has at least 120 questions', () => expect(BUILTIN_QUESTIONS.length).toBeGreaterThanOrEqual(120));
  it.each(STAGES)('has at least 10 questions for %s', (stage) =>
    expect(BUILTIN_QUESTIONS.filter((q) => q.stage === stage).length).toBeGreaterThanOrEqual(10),
  );
  it('has unique, stable, stage-named ids', () => {
    const ids = BUILTIN_QUESTIONS.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of BUILTIN_QUESTIONS) expect(q.id).toMatch(new RegExp(`^b:${q.stage}:\\d{2}$`));
    expect(builtinId('goal', 1)).toBe('b:goal:01');
  });
  it('has no empty or duplicate text and every question ends as a question', () => {
    const texts = BUILTIN_QUESTIONS.map((q) => q.text.trim().toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
    for (const q of BUILTIN_QUESTIONS) {
      expect(q.text.trim()).not.toBe('');
      expect(q.text).toMatch(/\?$/);
      expect(q.builtin).toBe(true);
      expect(q.tags.length).toBeGreaterThan(0);
      for (const tag of q.tags) expect(tag).toMatch(/^[a-z-]+$/);
    }
  });
  it('includes the short "what else" questions', () => {
    const texts = BUILTIN_QUESTIONS.map((q) => q.text);
    expect(texts).toContain('What else?');
    expect(texts).toContain('And what else?');
    expect(BUILTIN_QUESTIONS.filter((q) => q.tags.includes('short')).length).toBeGreaterThanOrEqual(10);
  });
});
