/** Export side effects in an extension page: download a file, copy, open a mailto draft, print. */
import type { ExportIo } from '../view/ports';

export const exportIo: ExportIo = {
  download(filename, mime, content) {
    const url = URL.createObjectURL(new Blob([content], { type: mime }));
    const a = Object.assign(document.createElement('a'), { href: url, download: filename, rel: 'noopener' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  },
  async copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Clipboard API refused (permissions policy in a frame): fall back to a selection copy.
      const area = Object.assign(document.createElement('textarea'), { value: text });
      area.setAttribute('readonly', '');
      area.style.cssText = 'position:fixed;opacity:0;pointer-events:none';
      // The selection takes focus from the button pressed: it goes back there, or the next key lands on nothing.
      const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      document.body.append(area);
      area.select();
      const copied = document.execCommand('copy');
      area.remove();
      before?.focus({ preventScroll: true });
      return copied;
    }
  },
  openUrl(url) {
    const a = Object.assign(document.createElement('a'), { href: url, target: '_blank', rel: 'noopener noreferrer' });
    document.body.append(a);
    a.click();
    a.remove();
  },
  print: () => window.print(),
};
