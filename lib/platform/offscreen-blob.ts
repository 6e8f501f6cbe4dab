/**
 * Chrome's offscreen document for automatic backups: turns the bytes the worker left in Cache Storage into
 * a blob URL the downloads API can fetch (a service worker has no `URL.createObjectURL`). The worker closes
 * the document once the download is complete, which revokes the URL.
 */
import type { browser } from 'wxt/browser';

type Browser = typeof browser;

export const OFFSCREEN_BLOB_CHANNEL = 'holdspace/offscreen-blob';
export const BLOB_CACHE = 'holdspace-auto-backup';

export function serveBlobUrls(b: Browser): void {
  b.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
    const m = message as { channel?: unknown; key?: unknown } | null;
    if (!m || m.channel !== OFFSCREEN_BLOB_CHANNEL || typeof m.key !== 'string' || sender.id !== b.runtime.id) return undefined;
    const key = m.key;
    return (async () => {
      const response = await (await caches.open(BLOB_CACHE)).match(key);
      return response ? URL.createObjectURL(await response.blob()) : null;
    })();
  });
}
