// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';

afterEach(cleanup);

function show(onConfirm = vi.fn(), onCancel = vi.fn()) {
  render(
    <div>
      <button type="button">Opener</button>
      <ConfirmDialog
        title="End the session?"
        confirmLabel="End session now"
        cancelLabel="Keep going"
        onConfirm={onConfirm}
        onCancel={onCancel}
      >
        <p>Everything is kept.</p>
      </ConfirmDialog>
    </div>,
  );
  return { onConfirm, onCancel };
}

describe('ConfirmDialog', () => {
  it('is a named modal dialog with focus on the confirm button', () => {
    show();
    const dialog = screen.getByRole('dialog', { name: 'End the session?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'End session now' }));
  });

  it('takes focus in the commit that opens it: a second Enter right after the first goes to the dialog, not the opener', async () => {
    const onOpenerPress = vi.fn();
    function Opening() {
      const [open, setOpen] = useState(false);
      return (
        <div>
          <button
            type="button"
            onClick={() => {
              onOpenerPress();
              setOpen(true);
            }}
          >
            End session
          </button>
          {open && (
            <ConfirmDialog
              title="End the session?"
              confirmLabel="End session now"
              cancelLabel="Keep going"
              onConfirm={vi.fn()}
              onCancel={vi.fn()}
            >
              <p>Everything is kept.</p>
            </ConfirmDialog>
          )}
        </div>
      );
    }
    render(<Opening />);
    const opener = screen.getByRole('button', { name: 'End session' });
    opener.focus();
    opener.click(); // outside act, as in the browser: no frame passes before the next key
    await Promise.resolve(); // the render Preact defers to a microtask
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'End session now' }));
    expect(onOpenerPress).toHaveBeenCalledTimes(1);
  });

  it('keeps Tab inside the dialog', () => {
    show();
    const confirm = screen.getByRole('button', { name: 'End session now' });
    const cancel = screen.getByRole('button', { name: 'Keep going' });
    fireEvent.keyDown(confirm, { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    fireEvent.keyDown(cancel, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);
  });

  it('Escape and the cancel button step back; confirm confirms', () => {
    const { onConfirm, onCancel } = show();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Keep going' }));
    expect(onCancel).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'End session now' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('ignores a second confirm while busy', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog title="End?" confirmLabel="End session now" busy onConfirm={onConfirm} onCancel={() => {}}>
        <p>…</p>
      </ConfirmDialog>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'End session now' }));
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
