// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '@/lib/api/result';
import type { Session } from '@/lib/model/types';
import { ContractField } from '@/components/contract/ContractField';
import { fakeEnv } from '../../helpers/fake-env';
import { aContract, aSession } from '../app/fixtures';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const settle = (ms = 0) => act(async () => void (await vi.advanceTimersByTimeAsync(ms)));

/** The worker's store, shared by every view: the topic, written only over the text a view last saw. */
function sharedStore(topic: string) {
  const store = { topic };
  const env = fakeEnv({
    api: {
      updateContract: async ({ patch, base }) => {
        if (base?.topic !== undefined && base.topic !== store.topic) return fail('conflict', 'Another view changed this field.', 'topic');
        store.topic = patch.topic ?? store.topic;
        return ok(aSession({ contract: aContract({ topic: store.topic }) }));
      },
      getSessionBundle: async () => ok({ session: aSession({ contract: aContract({ topic: store.topic }) }) } as never),
    },
  });
  return { store, env };
}

function showTopic(env: ReturnType<typeof fakeEnv>, value: string, onSaved: (s: Session) => void = () => {}) {
  return renderWithEnv(env, <ContractField sessionId="s1" field="topic" label="Topic" value={value} multiline={false} onSaved={onSaved} />);
}

const topic = () => screen.getByRole('textbox', { name: 'Topic' }) as HTMLInputElement;
const notice = () => screen.queryByRole('group', { name: 'Topic was changed in another view.' });

/** The issue's scenario: this view saw "Career"; the panel stored "Career change and promotion"; one keystroke here. */
async function theIssue() {
  const { store, env } = sharedStore('Career');
  showTopic(env, 'Career');
  store.topic = 'Career change and promotion'; // the other view's write; its change event is missed here
  topic().focus();
  fireEvent.input(topic(), { target: { value: 'Career!' } });
  await settle(300);
  return { store, env };
}

describe('ContractField: two views typing in the same field', () => {
  it('keeps the words typed here, stores nothing over the other view’s, and shows them with the choice', async () => {
    const { store } = await theIssue();
    expect(topic().value).toBe('Career!');
    expect(store.topic).toBe('Career change and promotion');
    const group = notice();
    expect(group?.textContent).toContain('Career change and promotion');
    expect(group?.querySelector('[role="status"]')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Keep mine' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Use the other' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Keep both' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    // Typing on keeps trying against the same base: still nothing written over the other view's words.
    fireEvent.input(topic(), { target: { value: 'Career!!' } });
    await settle(300);
    expect(store.topic).toBe('Career change and promotion');
    expect(topic().value).toBe('Career!!');
  });

  it('control: without a concurrent change the same keystroke is simply saved, with no notice', async () => {
    const { store, env } = sharedStore('Career');
    showTopic(env, 'Career');
    fireEvent.input(topic(), { target: { value: 'Career!' } });
    await settle(300);
    expect(store.topic).toBe('Career!');
    expect(notice()).toBeNull();
  });

  it('"Keep both" stores both texts and puts focus back in the field', async () => {
    const { store } = await theIssue();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Keep both' })));
    await settle(300);
    expect(topic().value).toBe('Career! change and promotion');
    expect(store.topic).toBe('Career! change and promotion');
    expect(notice()).toBeNull();
    expect(document.activeElement).toBe(topic());
  });

  it('"Keep mine" stores this view’s words', async () => {
    const { store } = await theIssue();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Keep mine' })));
    await settle(300);
    expect(store.topic).toBe('Career!');
    expect(topic().value).toBe('Career!');
    expect(notice()).toBeNull();
  });

  it('"Use the other" puts the other view’s words in the field', async () => {
    const { store } = await theIssue();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: 'Use the other' })));
    await settle(300);
    expect(topic().value).toBe('Career change and promotion');
    expect(store.topic).toBe('Career change and promotion');
    expect(notice()).toBeNull();
  });

  it('merges changes in separate places without asking, keeping the caret where the coach types', async () => {
    const { store, env } = sharedStore('Career');
    showTopic(env, 'Career');
    store.topic = 'My Career';
    topic().focus();
    fireEvent.input(topic(), { target: { value: 'Career change' } });
    topic().setSelectionRange(13, 13);
    await settle(300);
    await settle(300);
    expect(topic().value).toBe('My Career change');
    expect(store.topic).toBe('My Career change');
    expect(topic().selectionStart).toBe(16);
    expect(notice()).toBeNull();
  });

  it('a change pushed while typing here is offered at once; closing the view with the choice open stores both', async () => {
    const { store, env } = sharedStore('');
    const view = showTopic(env, '');
    fireEvent.input(topic(), { target: { value: 'Mine' } });
    store.topic = 'Theirs';
    view.rerender(<ContractField sessionId="s1" field="topic" label="Topic" value="Theirs" multiline={false} onSaved={() => {}} />);
    expect(topic().value).toBe('Mine');
    expect(notice()?.textContent).toContain('Theirs');
    view.unmount();
    await settle(300);
    expect(store.topic).toBe('Mine Theirs');
  });

  it('has no axe violations with the notice shown', async () => {
    await theIssue();
    vi.useRealTimers();
    expect(await axeViolations()).toEqual([]);
  });
});
