/** Typing shortcuts for the kind of a capture: "c: " at the start makes a commitment, and so on (letters from the keymap). */
import { KIND_PREFIX } from '@/lib/keymap/keymap';
import { ITEM_KINDS, type ItemKind } from '@/lib/model/types';

const KIND_BY_LETTER = new Map<string, ItemKind>(ITEM_KINDS.map((kind) => [KIND_PREFIX[kind], kind]));

/**
 * "c: Call the board" → commitment "Call the board". Only a single known letter, a colon and a space at the
 * start count (spaces and tabs before the letter are forgiven: " b: If a client…" is a belief), so other text
 * ("x: …", "c:/path", a prefix mid-sentence) is left alone.
 */
export function parsePrefix(text: string): { kind: ItemKind; text: string } | null {
  const match = /^[ \t]*([a-z]): /i.exec(text);
  const kind = match ? KIND_BY_LETTER.get(match[1]!.toLowerCase()) : undefined;
  return kind ? { kind, text: text.slice(match![0].length) } : null;
}
