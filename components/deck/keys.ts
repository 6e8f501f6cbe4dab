/** True when a key press is typing (into a field), so single-letter shortcuts must leave it alone. */
export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

/** A bare letter key (no Ctrl, Alt or Meta), as the deck's shortcuts use. */
export function isPlainKey(event: KeyboardEvent, key: string): boolean {
  return event.key.toLowerCase() === key && !event.ctrlKey && !event.altKey && !event.metaKey && !isTyping(event);
}
