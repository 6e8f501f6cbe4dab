import { useState } from 'preact/hooks';
import type { ApiError } from '@/lib/api/result';
import { useEnv } from '../app/env';
import { Button } from '../ui/Button';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { ErrorNote } from '../ui/ErrorNote';

/** "End session", asked once in a small dialog; the summary opens once the end is recorded. */
export function EndSession(props: { sessionId: string; clientName: string; onEnded(sessionId: string): void }) {
  const env = useEnv();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const end = async () => {
    setBusy(true);
    const result = await env.api.endSession({ sessionId: props.sessionId });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setAsking(false);
    props.onEnded(props.sessionId);
  };

  return (
    <>
      <Button small variant="ghost" icon="stop" class="end-session" onClick={() => (setError(null), setAsking(true))}>
        End session
      </Button>
      {asking && (
        <ConfirmDialog
          title={`End the session with ${props.clientName}?`}
          confirmLabel="End session now"
          cancelLabel="Keep going"
          busy={busy}
          onConfirm={() => void end()}
          onCancel={() => setAsking(false)}
        >
          <p>The timer stops and the summary opens. Everything captured is kept.</p>
          {error && <ErrorNote what="The session was not ended." error={error} />}
        </ConfirmDialog>
      )}
    </>
  );
}
