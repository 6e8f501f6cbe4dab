import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ok } from '@/lib/api/result';
import { useEnv } from '../app/env';
import { usePrefs } from '../app/prefs';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { TurnOnLockForm } from '../settings/LockSection';
import { Button } from '../ui/Button';
import { useLock } from './lockContext';
import '../settings/settings.css';
import './lock.css';

/**
 * The lock, offered once (issue 12): a quiet card under the client picker of the side panel, on an empty
 * record, while the lock is off and the offer was never answered. "Set a passphrase" opens the same form as
 * Settings → Lock; "Not now" or turning the lock on answers it for good (`lockOffered` in the settings). It
 * never takes focus by itself and never shows in the overlay on the call, nor while a session runs (the
 * client picker is only there between sessions).
 */
export function LockOffer() {
  const { api, layout } = useEnv();
  const { settings, loaded, update } = usePrefs();
  const { status } = useLock();
  const asked = layout === 'panel' && loaded && !settings.lockOffered && status !== null && !status.on;
  const clients = useLiveQuery(
    () => (asked ? api.listClients({ includeArchived: true }) : Promise.resolve(ok(null))),
    [asked],
    ['clients', 'all'],
  );
  const [stage, setStage] = useState<'offer' | 'form' | 'done'>('offer');
  const titleId = useId();
  const field = useRef<HTMLInputElement>(null);
  const card = useRef<HTMLElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  // The coach asked for the form, or just turned the lock on with it: focus goes where that work continues.
  useEffect(() => {
    if (stage === 'form') field.current?.focus();
    if (stage === 'done') done.current?.focus();
  }, [stage]);

  const empty = clients.data?.length === 0;
  if (stage !== 'done' && !(asked && empty)) return null;

  /** Answered: the card goes, and focus continues at the client field above it. */
  const close = () => {
    const picker = card.current?.closest('.pane, [role="tabpanel"]')?.querySelector<HTMLElement>('input[role="combobox"]');
    void update({ lockOffered: true });
    setStage('offer');
    picker?.focus();
  };

  return (
    <section ref={card} class="lock-offer" aria-labelledby={titleId}>
      <h2 id={titleId} class="lock-offer__title">
        Protect your notes with a passphrase?
      </h2>
      {stage === 'done' ? (
        <>
          <p class="small" role="status">
            The lock is on. Your notes are encrypted on this computer; “Lock now” is beside Settings.
          </p>
          <div class="actions">
            <Button small buttonRef={done} onClick={close}>
              Done
            </Button>
          </div>
        </>
      ) : (
        <>
          <p class="small muted">
            Holdspace can encrypt everything you write here, so a copy of this computer’s browser profile shows no client’s words. You can
            also turn it on later in Settings, Lock.
          </p>
          {stage === 'form' && (
            <TurnOnLockForm
              firstField={field}
              onTurnedOn={() => {
                void update({ lockOffered: true });
                setStage('done');
              }}
            />
          )}
          <div class="actions">
            {stage === 'offer' && (
              <Button small variant="primary" icon="lock" onClick={() => setStage('form')}>
                Set a passphrase
              </Button>
            )}
            <Button small variant="ghost" onClick={close}>
              Not now
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
