import { describe, expect, it } from 'vitest';
import { BUILTIN_QUESTIONS } from '@/lib/deck/builtin';
import { err, testStore, val } from './harness';

describe('the question deck in the store', () => {
  it('lists the built-in deck with no marks on a fresh record', async () => {
    const { api } = testStore();
    const deck = await val(api.listQuestions({}));
    expect(deck).toHaveLength(BUILTIN_QUESTIONS.length);
    expect(deck.every((q) => !q.favourite && !q.hidden)).toBe(true);
  });

  it('adds, edits and deletes the coach’s own questions', async () => {
    const { api } = testStore();
    const q = await val(api.addQuestion({ stage: 'options', text: ' What would you try first? ', tags: ['Action'] }));
    expect(q).toEqual({ id: 'c:id1', stage: 'options', text: 'What would you try first?', tags: ['action'], builtin: false });
    const edited = await val(api.updateQuestion({ id: q.id, stage: 'will' }));
    expect(edited).toMatchObject({ stage: 'will', text: 'What would you try first?' });
    const deck = await val(api.listQuestions({}));
    expect(deck.find((d) => d.id === q.id)).toMatchObject({ stage: 'will', favourite: false });
    await val(api.setQuestionPref({ questionId: q.id, favourite: true }));
    expect(await val(api.deleteQuestion({ id: q.id }))).toEqual(edited);
    expect((await val(api.listQuestions({}))).find((d) => d.id === q.id)).toBeUndefined();
    await err(api.deleteQuestion({ id: q.id }), 'not-found');
    await err(api.updateQuestion({ id: q.id, text: 'x' }), 'not-found');
  });

  it('refuses invalid questions and edits to built-in ones', async () => {
    const { api } = testStore();
    await err(api.addQuestion({ stage: 'middle' as never, text: 'x' }), 'invalid', 'stage');
    await err(api.addQuestion({ stage: 'goal', text: '' }), 'invalid', 'text');
    await err(api.updateQuestion({ id: 'b:goal:01', text: 'Mine now?' }), 'invalid', 'id');
    await err(api.deleteQuestion({ id: 'b:goal:01' }), 'invalid', 'id');
    expect((await val(api.listQuestions({}))).find((q) => q.id === 'b:goal:01')?.text).toBe('What do you want?');
  });

  it('stores favourite and hidden marks by id, each independently', async () => {
    const { api, clock } = testStore();
    const fav = await val(api.setQuestionPref({ questionId: 'b:reality:18', favourite: true }));
    expect(fav).toMatchObject({ id: 'b:reality:18', text: 'What else?', favourite: true, hidden: false });
    clock.advance(1);
    const both = await val(api.setQuestionPref({ questionId: 'b:reality:18', hidden: true }));
    expect(both).toMatchObject({ favourite: true, hidden: true });
    const deck = await val(api.listQuestions({}));
    expect(deck.find((q) => q.id === 'b:reality:18')).toMatchObject({ favourite: true, hidden: true });
    await err(api.setQuestionPref({ questionId: 'b:reality:99', favourite: true }), 'not-found');
    await err(api.setQuestionPref({ questionId: 'b:reality:18', favourite: 'yes' as never }), 'invalid', 'favourite');
  });
});
