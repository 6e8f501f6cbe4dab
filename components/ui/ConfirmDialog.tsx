import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { Button } from './Button';
import { Dialog } from './Dialog';

/** Asks once. Enter confirms (the confirm button has focus), Escape or the cancel button steps back. */
export function ConfirmDialog(props: {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  busy?: boolean;
  danger?: boolean;
  onConfirm(): void;
  onCancel(): void;
}) {
  const bodyId = useId();
  return (
    <Dialog title={props.title} onClose={props.onCancel} describedBy={bodyId}>
      <div class="dialog__body" id={bodyId}>
        {props.children}
      </div>
      <div class="dialog__actions">
        <Button variant="ghost" onClick={props.onCancel}>
          {props.cancelLabel ?? 'Cancel'}
        </Button>
        <Button
          variant={props.danger ? 'danger' : 'primary'}
          data-autofocus
          onClick={() => !props.busy && props.onConfirm()}
          aria-disabled={props.busy}
          aria-busy={props.busy}
        >
          {props.confirmLabel}
        </Button>
      </div>
    </Dialog>
  );
}
