// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fail, ok } from '@/lib/api/result';
import { EditClientButton } from '@/components/clients/ClientDetailsDialog';
import { DefaultsSection } from '@/components/settings/DefaultsSection';
import { DEFAULT_SETTINGS } from '@/lib/model/settings';
import { fakeEnv } from '../../helpers/fake-env';
import { axeViolations } from '../app/axe';
import { renderWithEnv } from '../app/render';
import { aClient } from '../app/fixtures';

afterEach(cleanup);

const ana = aClient({ id: 'c1', name: 'Ana Lima', email: '', notes: '' });

describe('Edit client details', () => {
  it('edits name, e-mail and notes in a dialog, by keyboard, and saves them', async () => {
    const env = fakeEnv({
      api: {
        updateClient: async ({ patch }) => ok({ ...ana, name: patch.name ?? ana.name, email: patch.email ?? '', notes: patch.notes ?? '' }),
      },
    });
    const onSaved = vi.fn();
    renderWithEnv(env, <EditClientButton client={ana} onSaved={onSaved} />);
    const opener = screen.getByRole('button', { name: 'Edit client details' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Client details' });
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(document.activeElement).toBe(name);
    fireEvent.input(name, { target: { value: 'Ana Lima-Souza' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'E-mail' }), { target: { value: 'ana@example.org' } });
    fireEvent.input(screen.getByRole('textbox', { name: 'Notes' }), { target: { value: 'Prefers mornings' } });
    expect(await axeViolations(dialog)).toEqual([]);
    fireEvent.submit(name.closest('form')!);
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(env.api.updateClient).toHaveBeenCalledWith({
      id: 'c1',
      patch: { name: 'Ana Lima-Souza', email: 'ana@example.org', notes: 'Prefers mornings' },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('a refused address says how to fix it and keeps what was typed; Escape closes without saving', async () => {
    const env = fakeEnv({
      api: {
        updateClient: async () => fail('invalid', "The e-mail doesn't look like an email address (name@example.com).", 'patch.email'),
      },
    });
    renderWithEnv(env, <EditClientButton client={ana} iconOnly />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit client details' }));
    const email = screen.getByRole('textbox', { name: 'E-mail' });
    fireEvent.input(email, { target: { value: 'ana@' } });
    fireEvent.submit(email.closest('form')!); // as Enter or "Save details" does
    expect(await screen.findByText(/name@example.com/)).toBeTruthy();
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect((email as HTMLInputElement).value).toBe('ana@');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    fireEvent.keyDown(email, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(env.api.updateClient).toHaveBeenCalledTimes(1);
  });
});

describe('Sign-off for e-mails (Settings)', () => {
  it('shows the default and saves a new sign-off when the field is left', () => {
    const onSave = vi.fn();
    renderWithEnv(fakeEnv(), <DefaultsSection settings={DEFAULT_SETTINGS} onSave={onSave} />);
    const field = screen.getByRole('textbox', { name: 'Sign-off for e-mails' }) as HTMLInputElement;
    expect(field.value).toBe('Warm regards');
    fireEvent.input(field, { target: { value: 'All the best, Sam ' } });
    fireEvent.blur(field);
    expect(onSave).toHaveBeenCalledWith({ emailSignOff: 'All the best, Sam' });
  });
});
