// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fail, ok } from '@/lib/api/result';
import { sameDraftValue } from '@/lib/model/draft';
import type { Draft } from '@/lib/model/types';
import { useCaptureDraft } from '@/components/capture/useCaptureDraft';
import { DraftConcurrentEdit } from '@/components/capture/DraftConcurrentEdit';
import { fakeEnv, WithEnv, type FakeEnv } from '../../helpers/fake-env';

afterEach(cleanup);

/** A store holding the drafts, shared by "views" the way the background worker is. */
function draftEnv(initial?: Record<string, unknown>): FakeEnv & { drafts: Map<string, Draft> } {
  const drafts = new Map<string, Draft>();
  if (initial) drafts.set('capture:s1', { key: 'capture:s1', value: initial, updatedAt: 1 });
  const env = fakeEnv({
    api: {
      getDraft: async ({ key }) => ok(drafts.get(key) ?? null),
      // The worker's compare-and-set: a write made against a draft that is no longer stored is refused.
      setDraft: async ({ key, value, base }) => {
        if (base !== undefined && !sameDraftValue(drafts.get(key)?.value ?? null, base))
          return fail('conflict', 'Another view changed this draft since this one last saw it.');
        if (value) drafts.set(key, { key, value, updatedAt: 2 });
        else drafts.delete(key);
        return ok(null);
      },
    },
  });
  return Object.assign(env, { drafts });
}

function Field() {
  const { draft, update, concurrent } = useCaptureDraft('s1', 'note');
  return (
    <>
      <textarea aria-label="Capture" value={draft.text} onInput={(e) => update({ text: e.currentTarget.value })} />
      {concurrent && <DraftConcurrentEdit mine={draft} concurrent={concurrent} onChosen={() => field().focus()} />}
    </>
  );
}

const notice = () => screen.queryByRole('group', { name: 'The capture draft was changed in another view.' });

const field = () => screen.getByRole('textbox', { name: 'Capture' }) as HTMLTextAreaElement;

/** Another open view saved `text` as the draft: the store holds it and the change is pushed here. */
function writtenElsewhere(env: ReturnType<typeof draftEnv>, value: Record<string, unknown> | null) {
  if (value) env.drafts.set('capture:s1', { key: 'capture:s1', value, updatedAt: 3 });
  else env.drafts.delete('capture:s1');
  env.emit({ topics: ['draft:capture:s1'], view: 'other-view' });
}

describe('useCaptureDraft with other views open', () => {
  it('takes up a draft another view wrote, so a stale copy here cannot overwrite it', async () => {
    const env = draftEnv({ text: 'First half', kind: 'note' });
    render(
      <WithEnv env={env}>
        <Field />
      </WithEnv>,
    );
    await waitFor(() => expect(field().value).toBe('First half'));
    writtenElsewhere(env, { text: 'First half, finished in the other tab', kind: 'note' });
    await waitFor(() => expect(field().value).toBe('First half, finished in the other tab'));

    fireEvent.input(field(), { target: { value: 'First half, finished in the other tab, and here' } });
    await waitFor(() => expect(env.drafts.get('capture:s1')?.value.text).toBe('First half, finished in the other tab, and here'));
  });

  it('keeps what is typed here while its save is pending, and offers the other view’s words; nothing is written over them', async () => {
    const env = draftEnv();
    render(
      <WithEnv env={env}>
        <Field />
      </WithEnv>,
    );
    await waitFor(() => expect(env.api.getDraft).toHaveBeenCalled());
    fireEvent.input(field(), { target: { value: 'Typed here' } });
    writtenElsewhere(env, { text: 'Typed there', kind: 'note' });
    await waitFor(() => expect(notice()?.textContent).toContain('Typed there'));
    expect(field().value).toBe('Typed here');
    await new Promise((r) => setTimeout(r, 400));
    expect(env.drafts.get('capture:s1')?.value.text).toBe('Typed there');
    expect(field().value).toBe('Typed here');
  });

  it.each([
    ['Keep mine', 'Typed here'],
    ['Use the other', 'Typed there'],
    ['Keep both', 'Typed here there'], // both additions to "Typed", mine first
  ])('"%s" stores %j and puts focus back in the field', async (choice, expected) => {
    const env = draftEnv({ text: 'Typed', kind: 'note' });
    render(
      <WithEnv env={env}>
        <Field />
      </WithEnv>,
    );
    await waitFor(() => expect(field().value).toBe('Typed'));
    env.drafts.set('capture:s1', { key: 'capture:s1', value: { text: 'Typed there', kind: 'note' }, updatedAt: 3 }); // its event missed
    fireEvent.input(field(), { target: { value: 'Typed here' } });
    await waitFor(() => expect(notice()).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: choice }));
    await waitFor(() => expect(env.drafts.get('capture:s1')?.value.text).toBe(expected));
    expect(field().value).toBe(expected);
    expect(notice()).toBeNull();
    expect(document.activeElement).toBe(field());
  });

  it('merges a change made elsewhere in another part of the draft without asking', async () => {
    const env = draftEnv({ text: 'Call', kind: 'commitment', dueText: '', dueTime: '', howWillYouKnow: '', support: '' });
    render(
      <WithEnv env={env}>
        <Field />
      </WithEnv>,
    );
    await waitFor(() => expect(field().value).toBe('Call'));
    env.drafts.set('capture:s1', {
      key: 'capture:s1',
      value: { text: 'Call', kind: 'commitment', dueText: '', dueTime: '', howWillYouKnow: 'Sam replies', support: '' },
      updatedAt: 3,
    });
    fireEvent.input(field(), { target: { value: 'Call Sam' } });
    await waitFor(() => expect(env.drafts.get('capture:s1')?.value).toMatchObject({ text: 'Call Sam', howWillYouKnow: 'Sam replies' }));
    expect(notice()).toBeNull();
  });

  it('empties the field when another view added the words (its draft was cleared)', async () => {
    const env = draftEnv({ text: 'Call Sam', kind: 'commitment' });
    render(
      <WithEnv env={env}>
        <Field />
      </WithEnv>,
    );
    await waitFor(() => expect(field().value).toBe('Call Sam'));
    writtenElsewhere(env, null);
    await waitFor(() => expect(field().value).toBe(''));
  });

  it('ignores changes that are not about drafts', async () => {
    const env = draftEnv({ text: 'Kept', kind: 'note' });
    render(
      <WithEnv env={env}>
        <Field />
      </WithEnv>,
    );
    await waitFor(() => expect(field().value).toBe('Kept'));
    const calls = env.api.getDraft.mock.calls.length;
    env.emit({ topics: ['items'] });
    await new Promise((r) => setTimeout(r, 20));
    expect(env.api.getDraft.mock.calls.length).toBe(calls);
  });
});
