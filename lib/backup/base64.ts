/**
 * Bytes ⇄ base64, for moving a backup's pages between a view and the worker: runtime messages carry JSON
 * (Chromium), so binary travels as text. Large arrays are converted in slices (no giant intermediate string).
 */
const SLICE = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE) parts.push(String.fromCharCode(...bytes.subarray(i, i + SLICE)));
  return btoa(parts.join(''));
}

/** Throws on text that is not base64 (the caller turns that into a refusal). */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
