// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShortcutHelp } from '@/components/app/ShortcutHelp';
import { KEYMAP, keyParts, listedKeys, SCOPE_NAMES, type KeyEntry } from '@/lib/keymap/keymap';
import { axeViolations } from './axe';

afterEach(cleanup);

const rowOf = (id: string) => document.querySelector<HTMLElement>(`[data-key-id="${id}"]`);

describe('ShortcutHelp', () => {
  it('lists every listed in-app key from the keymap, grouped by where it works (overlay)', () => {
    render(<ShortcutHelp layout="overlay" onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const inApp = listedKeys().filter((e) => e.scope !== 'browser');
    expect([...dialog.querySelectorAll('[data-key-id]')].map((r) => r.getAttribute('data-key-id'))).toEqual(inApp.map((e) => e.id));
    for (const e of inApp) {
      const row = rowOf(e.id)!;
      expect(row.querySelector('dd')?.textContent).toBe(e.what);
      const shown = e.run ? [...keyParts(e.keys[0]!), keyParts(e.keys[e.keys.length - 1]!).pop()] : e.keys.flatMap(keyParts);
      expect([...row.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(shown);
      expect(row.closest('section')?.querySelector('h3')?.textContent).toBe(SCOPE_NAMES[e.scope]);
    }
    expect(
      within(dialog)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['app', 'deck', 'capture', 'review', 'check-in', 'search', 'dialog'].map((s) => SCOPE_NAMES[s as keyof typeof SCOPE_NAMES]));
  });

  it('leaves out browser commands, unlisted keys, and overlay-only keys in the side panel', () => {
    render(<ShortcutHelp layout="panel" onClose={() => {}} />);
    expect(rowOf('browser.focusCapture')).toBeNull();
    expect(rowOf('panel.hide')).toBeNull();
    expect(rowOf('timer.toggle')).not.toBeNull();
    expect(rowOf('deck.next')).not.toBeNull();
  });

  it('lists the capture kind keys as one run, Ctrl+1…5, under Capture; an unlisted entry stays out', () => {
    const hidden: KeyEntry[] = KEYMAP.map((e) => (e.id === 'deck.next' ? { ...e, unlisted: true } : e));
    render(<ShortcutHelp layout="panel" onClose={() => {}} keymap={hidden} />);
    const row = rowOf('capture.kind')!;
    expect(row.querySelector('dt')!.textContent).toBe('Ctrl1…5');
    expect(row.textContent).toContain('Switch kind: commitment, note, insight, belief, inquiry');
    expect(row.closest('section')!.querySelector('h3')!.textContent).toBe(SCOPE_NAMES.capture);
    expect(rowOf('deck.next')).toBeNull();
  });

  it('shows whatever the keymap says: a changed entry changes its row', () => {
    const changed: KeyEntry[] = KEYMAP.map((e) => (e.id === 'timer.toggle' ? { ...e, keys: ['Alt+Y', 'F9'], what: 'Run the timer' } : e));
    render(<ShortcutHelp layout="panel" onClose={() => {}} keymap={changed} />);
    const row = rowOf('timer.toggle')!;
    expect(row.textContent).toBe('AltYorF9Run the timer');
  });

  it('has no axe violations', async () => {
    render(<ShortcutHelp layout="overlay" onClose={() => {}} />);
    expect(await axeViolations()).toEqual([]);
  });

  it('closes by its button', () => {
    const onClose = vi.fn();
    render(<ShortcutHelp layout="panel" onClose={onClose} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});
