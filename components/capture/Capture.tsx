import type { ItemKind } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { CaptureForm } from './CaptureForm';
import { CapturedList } from './CapturedList';
import './capture.css';

/**
 * Quick capture for a running session: one field plus a kind switch, and below it what was captured this
 * session, newest first, editable in place. `focusSignal` changing (and being above 0 at mount) focuses
 * the field; `keepNoNotes` allows commitments only; `preferKind` is the kind a fresh field starts with.
 */
export function Capture(props: { sessionId: string; keepNoNotes: boolean; focusSignal: number; preferKind?: ItemKind }) {
  const { api } = useEnv();
  const bundle = useLiveQuery(() => api.getSessionBundle({ sessionId: props.sessionId }), [props.sessionId], ['items']);

  return (
    <section class="hs-capture" aria-label="Quick capture">
      <CaptureForm
        sessionId={props.sessionId}
        keepNoNotes={props.keepNoNotes}
        focusSignal={props.focusSignal}
        preferKind={props.preferKind}
        onAdded={bundle.reload}
      />
      <CapturedList items={bundle.data?.items} loadError={bundle.error} onChanged={bundle.reload} />
    </section>
  );
}
