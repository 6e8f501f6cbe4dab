/** Typing shortcuts for the kind of a capture: "c: " at the start makes a commitment, and so on. */
import type { ItemKind } from '@/lib/model/types';

const KIND_PREFIXES: Record<string, ItemKind> = {
  c: 'commitment',
  n: 'note',
  i: 'insight',
  b: 'belief',
  q: 'inquiry',
};

/**
 * "c: Call the board" → commitment "Call the board". Only a single known letter, a colon and a space at the
 * very start count, so other text ("x: …", "c:/path", a prefix mid-sentence) is left alone.
 */
export function parsePrefix(text: string): { kind: ItemKind; text: string } | null {
  const match = /^([a-z]): /i.exec(text);
  const kind = match ? KIND_PREFIXES[match[1]!.toLowerCase()] : undefined;
  return kind ? { kind, text: text.slice(3) } : null;
}
