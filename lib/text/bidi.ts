/**
 * Bidirectional-text controls in a coach's words. An override (U+202E, "right-to-left override") or an
 * embedding or isolate typed or pasted into a name or a note would reorder what follows it on screen:
 * "Ann \u202Etroper" would read "Ann report". Shown, each such control becomes a visible U+FFFD (one
 * UTF-16 unit for one, so offsets into the text, e.g. search highlights, still hold); the stored text is
 * never changed. Marks (U+200E, U+200F, U+061C) reorder nothing on their own and are left as they are.
 */
const CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export const BIDI_CONTROL_SHOWN = '\uFFFD';

export function showBidiControls(text: string): string {
  return text.replace(CONTROLS, BIDI_CONTROL_SHOWN);
}
