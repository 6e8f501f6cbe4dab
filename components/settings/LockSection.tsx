import type { Ref } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Result } from '@/lib/api/result';
import { LIMITS } from '@/lib/model/limits';
import type { Settings } from '@/lib/settings/settings';
import { useEnv } from '../app/env';
import { useLock } from '../lock/lockContext';
import { Button } from '../ui/Button';
import { NumberSetting } from './NumberSetting';
import { Outcome } from './Outcome';
import { SettingsSection } from './SettingsSection';

/** A labelled password field. */
function Secret(props: {
  label: string;
  value: string;
  onInput(v: string): void;
  autocomplete?: string;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {props.label}
      </label>
      <input
        ref={props.inputRef}
        id={id}
        class="input"
        type="password"
        autocomplete={props.autocomplete ?? 'new-password'}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

export const LOCK_WARNING =
  'A forgotten passphrase cannot be recovered: nobody, not even Holdspace, can open your notes without it. Keep it somewhere safe (a password manager), and keep an encrypted backup (Backup, below) with it.';

/** Runs an API call for a form: busy while it runs, the refusal or a note after. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const run = async (call: () => Promise<Result<unknown>>, done: string, after?: () => void) => {
    setBusy(true);
    setError('');
    setMessage('');
    const result = await call();
    setBusy(false);
    if (result.ok) {
      setMessage(done);
      after?.();
    } else setError(result.error.message);
  };
  return { busy, error, message, run };
}

/**
 * "New passphrase", "Repeat passphrase", "Turn on lock", with the warning: in Settings → Lock and in the
 * first-run offer (components/lock/LockOffer.tsx). `onTurnedOn` runs once the lock is on.
 */
export function TurnOnLockForm(props: { onTurnedOn?(): void; firstField?: Ref<HTMLInputElement> }) {
  const { api } = useEnv();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useAction();
  return (
    <form
      class="settings__form"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(
          () => api.turnOnLock({ passphrase, repeat }),
          'The lock is on. Your notes are encrypted on this computer.',
          props.onTurnedOn,
        );
      }}
    >
      <p class="small">
        Encrypt every note on this computer with a passphrase. Holdspace asks for it once per browser session, and again after{' '}
        {'"Lock now"'} or when you have been away.
      </p>
      <p class="small settings__warning">{LOCK_WARNING}</p>
      <Secret label="New passphrase" value={passphrase} onInput={setPassphrase} inputRef={props.firstField} />
      <Secret label="Repeat passphrase" value={repeat} onInput={setRepeat} />
      <Button type="submit" variant="primary" disabled={action.busy}>
        Turn on lock
      </Button>
      <Outcome error={action.error} message={action.busy ? 'Encrypting your notes…' : action.message} />
    </form>
  );
}

function ChangePassphrase() {
  const { api } = useEnv();
  const [current, setCurrent] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const action = useAction();
  const clear = () => (setCurrent(''), setPassphrase(''), setRepeat(''));
  return (
    <form
      class="settings__form"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => api.changePassphrase({ current, passphrase, repeat }), 'The passphrase was changed.', clear);
      }}
    >
      <Secret label="Current passphrase" value={current} onInput={setCurrent} autocomplete="current-password" />
      <Secret label="New passphrase" value={passphrase} onInput={setPassphrase} />
      <Secret label="Repeat passphrase" value={repeat} onInput={setRepeat} />
      <Button type="submit" disabled={action.busy}>
        Change passphrase
      </Button>
      <Outcome error={action.error} message={action.message} />
    </form>
  );
}

function TurnOff() {
  const { api } = useEnv();
  const [passphrase, setPassphrase] = useState('');
  const action = useAction();
  return (
    <form
      class="settings__form"
      onSubmit={(e) => {
        e.preventDefault();
        void action.run(() => api.turnOffLock({ passphrase }), 'The lock is off. Your notes are stored unencrypted again.');
      }}
    >
      <Secret label="Passphrase to turn off the lock" value={passphrase} onInput={setPassphrase} autocomplete="current-password" />
      <Button type="submit" disabled={action.busy}>
        Turn off lock
      </Button>
      <Outcome error={action.error} message={action.busy ? 'Decrypting your notes…' : action.message} />
    </form>
  );
}

/** Settings → Lock: turn the passphrase lock on, change the passphrase, the idle time, turn it off. */
export function LockSection(props: { settings: Settings; onSave(patch: Partial<Settings>): void }) {
  const { status } = useLock();
  // Turned on here: the form (and the button that had focus) goes once the store says the lock is on, and
  // focus moves to the sentence that says so, in that commit — it is read out, and the next Tab goes on from it.
  const turnedOn = useRef(false);
  const said = useRef<HTMLParagraphElement>(null);
  useLayoutEffect(() => {
    if (!status?.on || !turnedOn.current) return;
    turnedOn.current = false;
    said.current?.focus();
  }, [status?.on]);
  return (
    <SettingsSection title="Lock">
      {!status?.on ? (
        <TurnOnLockForm
          onTurnedOn={() => {
            turnedOn.current = true;
            props.onSave({ lockOffered: true });
          }}
        />
      ) : (
        <>
          {/* Turning on (or a rewrite resumed after an unlock): not "encrypted" until every record is. */}
          <p class="small" ref={said} tabIndex={-1}>
            {status.rewriting
              ? 'Rewriting your notes on this computer for the lock… They stay readable here meanwhile.'
              : 'The lock is on: your notes are encrypted on this computer.'}
          </p>
          <NumberSetting
            label="Lock after (minutes)"
            value={props.settings.lockAfterMinutes}
            min={LIMITS.lockAfterMinutes.min}
            max={LIMITS.lockAfterMinutes.max}
            unit="minutes"
            onSave={(v) => props.onSave({ lockAfterMinutes: v })}
          />
          <label class="choice">
            <input
              type="checkbox"
              checked={props.settings.lockDuringTimer}
              onChange={(e) => props.onSave({ lockDuringTimer: e.currentTarget.checked })}
            />
            Lock after that time even while a session’s timer runs
          </label>
          <ChangePassphrase />
          <TurnOff />
        </>
      )}
    </SettingsSection>
  );
}
