import type { Client } from '@/lib/model/types';
import { useEnv } from '../app/env';
import { useLiveQuery } from '../hooks/useLiveQuery';
import { showBidiControls } from '@/lib/text/bidi';

/** Shown in a client's first session: a reminder of what a first contract needs. */
export function FirstSessionNote(props: { client: Client; sessionId: string }) {
  const env = useEnv();
  const history = useLiveQuery(() => env.api.clientHistory({ clientId: props.client.id }), [props.client.id], ['session']);
  const earlier = history.data?.filter((r) => r.session.id !== props.sessionId) ?? null;
  if (!earlier || earlier.length > 0) return null;
  return (
    <div class="note-first" role="note">
      <strong>First session with {showBidiControls(props.client.name)}.</strong> Agree confidentiality and recording first; ask what they
      want from coaching overall, then from today.
    </div>
  );
}
