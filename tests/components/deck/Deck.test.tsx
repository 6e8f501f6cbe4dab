// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import type { SessionBundle } from '@/lib/api/contract';
import { fail, ok } from '@/lib/api/result';
import type { DeckQuestion, Session } from '@/lib/model/types';
import { Deck } from '@/components/deck/Deck';
import { fakeEnv, WithEnv, type FakeEnv } from '../../helpers/fake-env';

afterEach(cleanup);

const q = (id: string, stage: DeckQuestion['stage'], text: string, extra: Partial<DeckQuestion> = {}): DeckQuestion => ({
  id,
  stage,
  text,
  tags: [],
  builtin: true,
  favourite: false,
  hidden: false,
  ...extra,
});

const QUESTIONS = [
  q('b:c1', 'contracting', 'What would make this session worth your time?'),
  q('b:c2', 'contracting', 'How will we know we are done today?'),
  q('b:g1', 'goal', 'What do you want instead?', { tags: ['outcome'] }),
  q('b:r1', 'reality', 'Qué está pasando ahora?'),
  q('c:o1', 'options', 'What would your wisest friend say?', { builtin: false, favourite: true }),
];

/** A small stateful store: marks and asked lists behave as the real one does. */
function deckEnv(options: { asked?: string[]; draftStage?: string } = {}): FakeEnv {
  let questions = QUESTIONS.map((x) => ({ ...x }));
  let asked = (options.asked ?? []).map((questionId) => ({ questionId, at: 1 }));
  const session = () => ({ id: 's1', asked }) as unknown as Session;
  return fakeEnv({
    viewState: options.draftStage ? { 'deck:stage': options.draftStage } : {},
    api: {
      listQuestions: async () => ok(questions),
      getSessionBundle: async () => ok({ session: session() } as unknown as SessionBundle),
      markAsked: async ({ questionId, asked: on }) => {
        asked = asked.filter((a) => a.questionId !== questionId);
        if (on) asked.push({ questionId, at: 2 });
        return ok(session());
      },
      setQuestionPref: async ({ questionId, favourite, hidden }) => {
        questions = questions.map((x) =>
          x.id === questionId ? { ...x, favourite: favourite ?? x.favourite, hidden: hidden ?? x.hidden } : x,
        );
        return ok(questions.find((x) => x.id === questionId)!);
      },
      updateQuestion: async ({ id, text }) => {
        questions = questions.map((x) => (x.id === id ? { ...x, text: text ?? x.text } : x));
        return ok(questions.find((x) => x.id === id)!);
      },
      deleteQuestion: async ({ id }) => {
        const gone = questions.find((x) => x.id === id)!;
        questions = questions.filter((x) => x.id !== id);
        return ok(gone);
      },
      addQuestion: async ({ stage, text }) => {
        const added = { id: `c:${questions.length}`, stage, text, tags: [], builtin: false };
        questions = [...questions, { ...added, favourite: false, hidden: false }];
        return ok(added);
      },
    },
  });
}

function renderDeck(env: FakeEnv, sessionId: string | null = 's1') {
  return render(
    <WithEnv env={env}>
      <Deck sessionId={sessionId} />
    </WithEnv>,
  );
}

const rows = () => within(screen.getByRole('list')).getAllByRole('listitem');
const rowOf = (text: string) => screen.getByText(text).closest('li') as HTMLElement;

describe('Deck', () => {
  it('opens on the first stage and switches stage with the tabs, remembering the tab as a draft', async () => {
    const env = deckEnv();
    renderDeck(env);
    await screen.findByText('What would make this session worth your time?');
    expect(screen.getByRole('tab', { name: 'Contracting' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByText('What do you want instead?')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: 'Goal' }));
    expect(screen.getByRole('tab', { name: 'Goal' }).getAttribute('aria-selected')).toBe('true');
    expect(rows().map((r) => r.querySelector('p')?.textContent)).toEqual(['What do you want instead?']);
    expect(env.viewState.set).toHaveBeenCalledWith('deck:stage', 'goal');
  });

  it('restores the open stage from the view state', async () => {
    renderDeck(deckEnv({ draftStage: 'reality' }));
    await screen.findByText('Qué está pasando ahora?');
    expect(screen.getByRole('tab', { name: 'Reality' }).getAttribute('aria-selected')).toBe('true');
  });

  it('opens the stage the shell asks for, over the stored one', async () => {
    const env = deckEnv({ draftStage: 'reality' });
    render(
      <WithEnv env={env}>
        <Deck sessionId="s1" stage="goal" />
      </WithEnv>,
    );
    await screen.findByText('What do you want instead?');
    expect(screen.getByRole('tab', { name: 'Goal' }).getAttribute('aria-selected')).toBe('true');
    expect(env.viewState.get).not.toHaveBeenCalled();
    expect(env.viewState.set).toHaveBeenCalledWith('deck:stage', 'goal');
  });

  it('moves between stage tabs with the arrow keys', async () => {
    renderDeck(deckEnv());
    await screen.findByText('What would make this session worth your time?');
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Contracting' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Goal' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Goal' }));
  });

  it('searches across all stages, ignoring case and accents, and designs the no-match state', async () => {
    renderDeck(deckEnv());
    await screen.findByText('What would make this session worth your time?');
    const search = screen.getByRole('searchbox', { name: 'Search questions' }) as HTMLInputElement;
    fireEvent.input(search, { target: { value: 'ESTA' } });
    expect(rows()).toHaveLength(1);
    expect(rows()[0]!.textContent).toContain('Qué está pasando ahora?');
    expect(rows()[0]!.textContent).toContain('Reality');

    fireEvent.input(search, { target: { value: 'OUTCOME' } });
    expect(rows()[0]!.textContent).toContain('What do you want instead?');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows()[0]);
    // "s" from the list goes back to the search with its words selected, so new words replace them.
    fireEvent.keyDown(rows()[0]!, { key: 's' });
    expect(document.activeElement).toBe(search);
    expect([search.selectionStart, search.selectionEnd]).toEqual([0, 'OUTCOME'.length]);

    fireEvent.input(search, { target: { value: 'zebra' } });
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('No questions match “zebra”.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(rows()).toHaveLength(2);
  });

  it('finds questions by their idea and marks what matched, as text', async () => {
    const hostile = 'What else <img src=x onerror="alert(1)"> would you add?';
    const env = fakeEnv({
      api: {
        listQuestions: async () =>
          ok([
            q('b:r9', 'reality', 'What else?', { tags: ['short', 'what-else'] }),
            q('b:g9', 'goal', 'What do you want?', { tags: ['short'] }),
            q('c:x1', 'closing', hostile, { builtin: false }),
          ]),
        getSessionBundle: async () => ok({ session: { id: 's1', asked: [] } } as unknown as SessionBundle),
      },
    });
    renderDeck(env);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search questions' }), { target: { value: 'anything else' } });
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(rows().map((r) => r.querySelector('.hs-deck__qtext')!.textContent)).toEqual(['RealityWhat else?', 'ClosingYours' + hostile]);
    const marks = (row: HTMLElement) => [...row.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks(rows()[0]!)).toEqual(['What else']);
    expect(marks(rows()[1]!)).toEqual(['What else']);
    expect(rows()[1]!.querySelector('img')).toBeNull();
    // Control: a plain word search marks its word, and no search marks nothing.
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search questions' }), { target: { value: 'want' } });
    expect(marks(rows()[0]!)).toEqual(['want']);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search questions' }), { target: { value: '' } });
    expect(document.querySelector('mark')).toBeNull();
  });

  it('marks a favourite and filters on favourites', async () => {
    const env = deckEnv();
    renderDeck(env);
    await screen.findByText('How will we know we are done today?');
    const fav = within(rowOf('How will we know we are done today?')).getByRole('button', { name: 'Favourite' });
    expect(fav.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(fav);
    expect(env.api.setQuestionPref).toHaveBeenCalledWith({ questionId: 'b:c2', favourite: true });
    await waitFor(() => expect(fav.getAttribute('aria-pressed')).toBe('true'));

    fireEvent.click(screen.getByRole('button', { name: 'Favourites only' }));
    expect(rows().map((r) => r.dataset.qid)).toEqual(['b:c2']);
  });

  it('marks a question asked in the running session', async () => {
    const env = deckEnv({ asked: ['b:c1'] });
    renderDeck(env);
    await screen.findByText('How will we know we are done today?');
    await waitFor(() =>
      expect(
        within(rowOf('What would make this session worth your time?'))
          .getByRole('button', { name: 'Mark asked' })
          .getAttribute('aria-pressed'),
      ).toBe('true'),
    );
    const mark = within(rowOf('How will we know we are done today?')).getByRole('button', { name: 'Mark asked' });
    fireEvent.click(mark);
    expect(env.api.markAsked).toHaveBeenCalledWith({ sessionId: 's1', questionId: 'b:c2', asked: true });
    await waitFor(() => expect(mark.getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(mark);
    expect(env.api.markAsked).toHaveBeenLastCalledWith({ sessionId: 's1', questionId: 'b:c2', asked: false });
  });

  it('keeps asked marks live when another view marks a question', async () => {
    const env = deckEnv();
    renderDeck(env);
    const mark = within(await screen.findByText('How will we know we are done today?').then((p) => p.closest('li')!)).getByRole('button', {
      name: 'Mark asked',
    });
    expect(mark.getAttribute('aria-pressed')).toBe('false');
    await env.api.markAsked({ sessionId: 's1', questionId: 'b:c2', asked: true });
    env.emit({ topics: ['asked'] });
    await waitFor(() => expect(mark.getAttribute('aria-pressed')).toBe('true'));
  });

  it('is browsable without a session, with marking asked disabled and explained', async () => {
    const env = deckEnv();
    renderDeck(env, null);
    await screen.findByText('How will we know we are done today?');
    expect(screen.getByText(/start a session to mark questions asked/i)).toBeTruthy();
    const mark = within(rowOf('How will we know we are done today?')).getByRole('button', { name: 'Mark asked' }) as HTMLButtonElement;
    expect(mark.disabled).toBe(true);
    fireEvent.keyDown(rowOf('How will we know we are done today?'), { key: 'a' });
    expect(env.api.markAsked).not.toHaveBeenCalled();
    expect(env.api.getSessionBundle).not.toHaveBeenCalled();
  });

  it("adds the coach's own question to the open stage", async () => {
    const env = deckEnv();
    renderDeck(env);
    await screen.findByText('What would make this session worth your time?');
    fireEvent.click(screen.getByRole('tab', { name: 'Goal' }));
    const input = screen.getByRole('textbox', { name: 'New question' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'And what else?' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    expect(env.api.addQuestion).toHaveBeenCalledWith({ stage: 'goal', text: 'And what else?' });
    await screen.findByText('And what else?');
    expect(input.value).toBe('');
  });

  it('keeps the words and says why when adding a question fails', async () => {
    const env = deckEnv();
    env.api.addQuestion.mockResolvedValue(fail('invalid', 'A question needs some words.', 'text'));
    renderDeck(env);
    await screen.findByText('What would make this session worth your time?');
    const input = screen.getByRole('textbox', { name: 'New question' }) as HTMLInputElement;
    fireEvent.input(input, { target: { value: 'Hm' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add question' }));
    expect((await screen.findByRole('alert')).textContent).toContain('A question needs some words.');
    expect(input.value).toBe('Hm');
  });

  it('is navigable with the keyboard: arrows move, "a" marks asked, "f" favourites, "n" picks the next question', async () => {
    const env = deckEnv({ asked: ['b:c1'] });
    renderDeck(env);
    await screen.findByText('What would make this session worth your time?');
    const [first, second] = rows();
    expect(first!.tabIndex).toBe(0);
    expect(second!.tabIndex).toBe(-1);
    first!.focus();
    // b:c1 is asked, so "n" picks b:c2, the only one left in the stage, and focuses it.
    fireEvent.keyDown(first!, { key: 'n' });
    await waitFor(() => expect(document.activeElement).toBe(second));
    expect(second!.getAttribute('aria-current')).toBe('true');
    fireEvent.keyDown(second!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    expect(second!.tabIndex).toBe(0);
    expect(first!.tabIndex).toBe(-1);
    fireEvent.keyDown(second!, { key: 'a' });
    expect(env.api.markAsked).toHaveBeenCalledWith({ sessionId: 's1', questionId: 'b:c2', asked: true });
    fireEvent.keyDown(second!, { key: 'f' });
    expect(env.api.setQuestionPref).toHaveBeenCalledWith({ questionId: 'b:c2', favourite: true });
  });

  it('says so when every question of the stage has been asked', async () => {
    renderDeck(deckEnv({ asked: ['b:c1', 'b:c2'] }));
    await screen.findByText('What would make this session worth your time?');
    await waitFor(() => expect(rowOf('How will we know we are done today?').className).toContain('asked'));
    fireEvent.click(screen.getByRole('button', { name: 'Next question' }));
    expect(screen.getByRole('status').textContent).toContain('Every question in Contracting has been asked.');
  });

  it('hides a built-in question and can bring it back', async () => {
    const env = deckEnv();
    renderDeck(env);
    await screen.findByText('How will we know we are done today?');
    fireEvent.click(within(rowOf('How will we know we are done today?')).getByRole('button', { name: 'Hide question' }));
    expect(env.api.setQuestionPref).toHaveBeenCalledWith({ questionId: 'b:c2', hidden: true });
    await waitFor(() => expect(screen.queryByText('How will we know we are done today?')).toBeNull());
    // Its row is gone: focus moves to its neighbour in the list, never to nothing.
    await waitFor(() => expect(document.activeElement).toBe(rowOf('What would make this session worth your time?')));
    fireEvent.click(screen.getByRole('button', { name: 'Show hidden questions (1)' }));
    fireEvent.click(within(rowOf('How will we know we are done today?')).getByRole('button', { name: 'Unhide question' }));
    expect(env.api.setQuestionPref).toHaveBeenLastCalledWith({ questionId: 'b:c2', hidden: false });
  });

  it('row actions are icon buttons, named and with a tooltip, so they sit on one line with the marks', async () => {
    renderDeck(deckEnv());
    await screen.findByText('How will we know we are done today?');
    const hide = within(rowOf('How will we know we are done today?')).getByRole('button', { name: 'Hide question' });
    fireEvent.click(screen.getByRole('tab', { name: 'Options & perspectives' }));
    const own = rowOf('What would your wisest friend say?');
    for (const button of [
      hide,
      within(own).getByRole('button', { name: 'Edit question' }),
      within(own).getByRole('button', { name: 'Delete question' }),
    ]) {
      expect(button.textContent, button.title).toBe('');
      expect(button.querySelector('svg')).toBeTruthy();
      expect(button.title).toBe(button.getAttribute('aria-label'));
    }
  });

  it("edits the coach's own question in place", async () => {
    const env = deckEnv();
    renderDeck(env);
    await screen.findByText('What would make this session worth your time?');
    fireEvent.click(screen.getByRole('tab', { name: 'Options & perspectives' }));
    expect(within(rowOf('What would your wisest friend say?')).queryByRole('button', { name: 'Hide question' })).toBeNull();
    fireEvent.click(within(rowOf('What would your wisest friend say?')).getByRole('button', { name: 'Edit question' }));
    const input = screen.getByRole('textbox', { name: 'Question text' });
    expect(document.activeElement).toBe(input);
    fireEvent.input(input, { target: { value: 'What would your wisest self say?' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(env.api.updateQuestion).toHaveBeenCalledWith({ id: 'c:o1', text: 'What would your wisest self say?' });
    await screen.findByText('What would your wisest self say?');
  });

  it("deletes the coach's own question with undo, keeping it a favourite", async () => {
    const env = deckEnv();
    renderDeck(env);
    await screen.findByText('What would make this session worth your time?');
    fireEvent.click(screen.getByRole('tab', { name: 'Options & perspectives' }));
    fireEvent.click(within(rowOf('What would your wisest friend say?')).getByRole('button', { name: 'Delete question' }));
    expect(env.api.deleteQuestion).toHaveBeenCalledWith({ id: 'c:o1' });
    await waitFor(() => expect(screen.queryByText('What would your wisest friend say?')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await screen.findByText('What would your wisest friend say?');
    // "Undo" is gone: focus is on the question brought back.
    await waitFor(() => expect(document.activeElement).toBe(rowOf('What would your wisest friend say?')));
    expect(env.api.addQuestion).toHaveBeenCalledWith({ stage: 'options', text: 'What would your wisest friend say?', tags: [] });
    await waitFor(() =>
      expect(env.api.setQuestionPref).toHaveBeenCalledWith({ questionId: expect.stringMatching(/^c:/), favourite: true }),
    );
    expect(
      within(rowOf('What would your wisest friend say?')).getByRole('button', { name: 'Favourite' }).getAttribute('aria-pressed'),
    ).toBe('true');
  });

  it('has no axe violations', async () => {
    const { container } = renderDeck(deckEnv({ asked: ['b:c1'] }));
    await screen.findByText('What would make this session worth your time?');
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
