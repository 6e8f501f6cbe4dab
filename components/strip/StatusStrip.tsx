import { LockNowButton } from '../lock/LockNowButton';
import type { SessionBundle } from '@/lib/api/contract';
import { ariaKeys, keyText } from '@/lib/keymap/keymap';
import type { OverlayFrame } from '@/lib/view/ports';
import { Timer } from '../timer/Timer';
import type { TimerActions } from '../timer/useTimerActions';
import { EditClientButton } from '../clients/ClientDetailsDialog';
import { IconButton } from '../ui/Button';
import { EndSession } from './EndSession';
import { MoveHandle } from './MoveHandle';
import { UserText } from '@/components/ui/UserText';

export interface StripProps {
  bundle: SessionBundle | null;
  timerActions: TimerActions;
  frame: OverlayFrame | null;
  blurred: boolean;
  onToggleBlur(): void;
  /** Collapse to the pill (overlay only). */
  onHide?: () => void;
  onSettings(): void;
  onHelp(): void;
  /** Every client and their engagement ("Clients"); with an id, straight to that client's engagement. */
  onClients?: (clientId?: string) => void;
  onEnded(sessionId: string): void;
}

/**
 * Always on screen: who, what for (the desired outcome in one line), the timer and phase, and the few
 * controls that must never be more than a key away.
 */
export function StatusStrip(props: StripProps) {
  const { bundle } = props;
  const outcome = bundle?.session.contract.desiredOutcome.trim();
  return (
    <header class="strip">
      <div class="strip__top">
        {props.frame && <MoveHandle frame={props.frame} />}
        <div class="strip__who blurrable">
          {bundle ? (
            <>
              <div class="strip__name">
                <h1 class="strip__client">
                  {props.onClients ? (
                    <button
                      type="button"
                      class="strip__client-link"
                      title="Open the engagement"
                      onClick={() => props.onClients?.(bundle.client.id)}
                    >
                      <UserText text={bundle.client.name} />
                    </button>
                  ) : (
                    <UserText text={bundle.client.name} />
                  )}
                  {bundle.client.keepNoNotes && <span class="chip strip__chip">No notes</span>}
                </h1>
                <EditClientButton client={bundle.client} iconOnly />
              </div>
              <span class={`strip__outcome ${outcome ? '' : 'muted'}`} title={outcome || undefined}>
                {outcome || 'No desired outcome yet'}
              </span>
            </>
          ) : (
            <h1 class="strip__brand">Holdspace</h1>
          )}
        </div>
        <div class="strip__tools">
          <IconButton
            small
            variant="ghost"
            icon={props.blurred ? 'eye' : 'eyeOff'}
            label="Blur text"
            aria-pressed={props.blurred}
            aria-keyshortcuts={ariaKeys('screen.blur')}
            title={`${props.blurred ? 'Show text' : 'Blur text for screen sharing'} (${keyText('screen.blur')})`}
            onClick={props.onToggleBlur}
          />
          <IconButton
            small
            variant="ghost"
            icon="keyboard"
            label="Keyboard shortcuts"
            aria-keyshortcuts={ariaKeys('help.open')}
            onClick={props.onHelp}
          />
          {props.onClients && (
            <IconButton
              small
              variant="ghost"
              icon="people"
              label="Clients"
              title="Clients and their engagements"
              onClick={() => props.onClients?.()}
            />
          )}
          <IconButton small variant="ghost" icon="gear" label="Settings" onClick={props.onSettings} />
          <LockNowButton />
          {props.onHide && (
            <IconButton
              small
              variant="ghost"
              icon="minimize"
              label="Hide panel"
              aria-keyshortcuts={ariaKeys('panel.hide')}
              title={`Hide panel (${keyText('panel.hide')})`}
              onClick={props.onHide}
            />
          )}
        </div>
      </div>
      {bundle && (
        <div class="strip__timer">
          <Timer timer={bundle.session.timer} actions={props.timerActions}>
            <EndSession sessionId={bundle.session.id} clientName={bundle.client.name} onEnded={props.onEnded} />
          </Timer>
        </div>
      )}
    </header>
  );
}
