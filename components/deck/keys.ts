import { isTypingTarget } from '@/lib/keymap/match';

/** True when a key press is typing (into a field), so the deck's list keys must leave it alone. */
export const isTyping = (event: KeyboardEvent): boolean => isTypingTarget(event.target);
