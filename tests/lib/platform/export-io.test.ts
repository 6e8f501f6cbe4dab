// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportIo } from '@/lib/platform/export-io';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('exportIo.copy', () => {
  it('falls back to a selection copy where the Clipboard API is refused, and gives focus back to the pressed button', async () => {
    const button = Object.assign(document.createElement('button'), { textContent: 'Copy summary' });
    document.body.append(button);
    button.focus();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('Write permission denied.'));
    const copied: string[] = [];
    // As Chromium does: select() focuses the field it selects in (happy-dom's does not).
    const select = HTMLTextAreaElement.prototype.select;
    vi.spyOn(HTMLTextAreaElement.prototype, 'select').mockImplementation(function (this: HTMLTextAreaElement) {
      this.focus();
      select.call(this);
    });
    (document as unknown as { execCommand: (c: string) => boolean }).execCommand = (command: string) => {
      copied.push(`${command}:${(document.activeElement as HTMLTextAreaElement | null)?.value ?? ''}`);
      return true;
    };
    expect(await exportIo.copy('Ana — session summary')).toBe(true);
    // Control: the copy ran on the selected text (so the probe sees the fallback), and left no textarea behind.
    expect(copied).toEqual(['copy:Ana — session summary']);
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
