import { isTypingTarget } from '../app/shortcuts';

/** True when a key press is typing (into a field), so single-letter shortcuts must leave it alone. */
export const isTyping = (event: KeyboardEvent): boolean => isTypingTarget(event.target);

/** A bare letter key (no Ctrl, Alt or Meta, not typing), as the deck's shortcuts use. */
export function isPlainKey(event: KeyboardEvent, key: string): boolean {
  return event.key.toLowerCase() === key && !event.ctrlKey && !event.altKey && !event.metaKey && !isTyping(event);
}
