import type { ApiError } from '@/lib/api/result';
import { Button } from './Button';
import { Icon } from './Icon';

/**
 * A failed write or load, said plainly: what failed, why, and that the text is still here. Announced
 * (role alert); offers a retry when one can help.
 */
export function ErrorNote(props: { what: string; error: ApiError | string; kept?: boolean; onRetry?: () => void; retryLabel?: string }) {
  const reason = typeof props.error === 'string' ? props.error : props.error.message;
  return (
    <div class="error-note" role="alert">
      <Icon name="alert" class="error-note__icon" />
      <div class="error-note__body">
        <strong>{props.what}</strong> <span>{reason}</span>
        {props.kept && <span class="error-note__kept"> Your text is kept here.</span>}
      </div>
      {props.onRetry && (
        <Button small variant="secondary" onClick={props.onRetry}>
          {props.retryLabel ?? 'Retry'}
        </Button>
      )}
    </div>
  );
}
