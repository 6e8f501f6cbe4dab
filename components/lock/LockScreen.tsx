import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import './lock.css';

/** Locked: a passphrase field and "Unlock", nothing else. A wrong passphrase is announced as an alert. */
export function LockScreen(props: { onUnlocked(): void }) {
  const { api, layout } = useEnv();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useLayoutEffect(() => field.current?.focus(), []); // in the commit that shows it: no key typed after lands elsewhere

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    if (passphrase === '') {
      // Nothing typed is not a wrong passphrase: say what to do, and ask nothing of the store.
      setError('Type your passphrase, then press Enter.');
      field.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    const result = await api.unlock({ passphrase });
    setBusy(false);
    if (result.ok) {
      setPassphrase('');
      props.onUnlocked();
      return;
    }
    setError(result.error.message);
    field.current?.select();
  };

  return (
    <main class="lock-screen" data-layout={layout}>
      {/* The page's one heading, for screen readers (axe: page-has-heading-one); on screen, only the prompt. */}
      <h1 class="visually-hidden">Holdspace is locked</h1>
      <form class="lock-screen__form" onSubmit={(e) => void submit(e)} aria-busy={busy}>
        <label class="field__label" for={id}>
          Passphrase
        </label>
        <input
          ref={field}
          id={id}
          class="input"
          type="password"
          autocomplete="current-password"
          value={passphrase}
          aria-invalid={error ? true : undefined}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
        <Button type="submit" variant="primary" disabled={busy}>
          Unlock
        </Button>
        {error && (
          <p class="lock-screen__alert" role="alert">
            {error}
          </p>
        )}
      </form>
    </main>
  );
}
