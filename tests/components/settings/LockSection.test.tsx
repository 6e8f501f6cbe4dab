// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ok } from '@/lib/api/result';
import type { LockStatus } from '@/lib/api/contract';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { LockSection } from '@/components/settings/LockSection';
import { LockContext } from '@/components/lock/lockContext';
import { fakeEnv, WithEnv } from '../../helpers/fake-env';

afterEach(cleanup);

const OFF: LockStatus = { on: false, locked: false, rewriting: false, lockAt: null };
const ON: LockStatus = { on: true, locked: false, rewriting: true, lockAt: null };

function section() {
  const env = fakeEnv({ api: { turnOnLock: async () => ok(ON) } });
  const view = (status: LockStatus) => (
    <WithEnv env={env}>
      <LockContext.Provider value={{ status, lockNow: () => undefined, unlockedNow: false }}>
        <main>
          <LockSection settings={DEFAULT_SETTINGS} onSave={() => undefined} />
        </main>
      </LockContext.Provider>
    </WithEnv>
  );
  const result = render(view(OFF));
  return { rerenderWith: (status: LockStatus) => result.rerender(view(status)) };
}

describe('LockSection', () => {
  it('turned on here, focus moves to the sentence that says so as the form goes (never to nothing)', async () => {
    const { rerenderWith } = section();
    fireEvent.input(screen.getByLabelText('New passphrase'), { target: { value: 'lantern harbour' } });
    fireEvent.input(screen.getByLabelText('Repeat passphrase'), { target: { value: 'lantern harbour' } });
    const button = screen.getByRole('button', { name: 'Turn on lock' });
    button.focus();
    await act(async () => void fireEvent.submit(button.closest('form')!));
    rerenderWith(ON); // the store's answer reaches the view
    expect(screen.queryByRole('button', { name: 'Turn on lock' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByText(/^Rewriting your notes on this computer for the lock/));
  });

  it('control: the lock found on (another view turned it on) takes no focus', () => {
    const { rerenderWith } = section();
    rerenderWith(ON);
    expect(document.activeElement).toBe(document.body);
  });
});
