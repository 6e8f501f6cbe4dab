// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fail } from '@/lib/api/result';
import { LockScreen } from '@/components/lock/LockScreen';
import { fakeEnv, WithEnv } from '../../helpers/fake-env';

afterEach(cleanup);

function locked() {
  const env = fakeEnv({
    api: { unlock: async () => fail('locked', 'That passphrase is not the right one. Check Caps Lock and try again.') },
  });
  const onUnlocked = vi.fn();
  render(
    <WithEnv env={env}>
      <LockScreen onUnlocked={onUnlocked} />
    </WithEnv>,
  );
  return { env, field: screen.getByLabelText('Passphrase') as HTMLInputElement };
}

describe('LockScreen', () => {
  it('Enter with nothing typed asks for the passphrase, not "not the right one", and asks nothing of the store', async () => {
    const { env, field } = locked();
    expect(document.activeElement).toBe(field);
    fireEvent.submit(field.closest('form')!);
    expect((await screen.findByRole('alert')).textContent).toBe('Type your passphrase, then press Enter.');
    expect(env.api.unlock).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(field);
  });

  it('control: a wrong passphrase is said to be wrong', async () => {
    const { env, field } = locked();
    fireEvent.input(field, { target: { value: 'harbour lantern' } });
    fireEvent.submit(field.closest('form')!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('not the right one'));
    expect(env.api.unlock).toHaveBeenCalledWith({ passphrase: 'harbour lantern' });
  });
});
