/**
 * Bytes ⇄ base64, for moving a backup's pages between a view and the worker: runtime messages carry JSON
 * (Chromium), so binary travels as text. The platform's own `Uint8Array.prototype.toBase64` /
 * `Uint8Array.fromBase64` are used where the browser has them (one native pass, no intermediate string);
 * elsewhere large arrays are converted in slices.
 */
const SLICE = 0x8000;

type NativeBase64 = {
  toBase64?: (this: Uint8Array) => string;
};
type NativeFromBase64 = { fromBase64?: (text: string) => Uint8Array };

const nativeTo = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFrom = (Uint8Array as unknown as NativeFromBase64).fromBase64;

export function toBase64(bytes: Uint8Array): string {
  return nativeTo ? nativeTo.call(bytes) : toBase64Sliced(bytes);
}

/** Throws on text that is not base64 (the caller turns that into a refusal). */
export function fromBase64(text: string): Uint8Array {
  return nativeFrom ? nativeFrom(text) : fromBase64Sliced(text);
}

/** The fallback for browsers without the native methods (exported for its test). */
export function toBase64Sliced(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += SLICE) parts.push(String.fromCharCode(...bytes.subarray(i, i + SLICE)));
  return btoa(parts.join(''));
}

export function fromBase64Sliced(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
