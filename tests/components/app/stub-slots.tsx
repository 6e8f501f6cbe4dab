/** Stand-ins for the views other modules provide, so the shell is tested on its own. */
import type { Slots, CaptureSlotProps } from '@/components/app/slots';

export const captureProps: CaptureSlotProps[] = [];
export const deckProps: Parameters<Slots['deck']>[0][] = [];

export const STUB_SLOTS: Slots = {
  deck: (props) => {
    deckProps.push(props);
    return (
      <section aria-label="Question deck" data-stage={props.stage ?? ''}>
        <input type="search" aria-label="Search questions" />
      </section>
    );
  },
  capture: (props) => {
    captureProps.push(props);
    return (
      <section aria-label="Quick capture" data-focus-signal={props.focusSignal} data-prefer={props.preferKind ?? ''}>
        <input type="text" aria-label="Capture" />
      </section>
    );
  },
  summary: (sessionId, onClose) => (
    <section aria-label="Session summary" data-session={sessionId}>
      <button type="button" onClick={onClose}>
        Close summary
      </button>
    </section>
  ),
  settings: (onClose) => (
    <section aria-label="Settings view">
      <button type="button" onClick={onClose}>
        Close settings
      </button>
    </section>
  ),
};

export function resetStubs() {
  captureProps.length = 0;
  deckProps.length = 0;
}

export const lastCapture = () => captureProps[captureProps.length - 1];
export const lastDeck = () => deckProps[deckProps.length - 1];
