/**
 * The README's keyboard table ("Using it mid-call"), rendered from the keymap (lib/keymap/keymap.ts) between
 * its markers; the prose around them is kept. tests/scripts/readme-keys.test.ts fails while the README
 * differs, and rewrites it when run with HS_WRITE_README=1:
 *
 *   HS_WRITE_README=1 npx vitest run tests/scripts/readme-keys.test.ts
 */
import { chordText, KEYMAP, keysByScope, runText, whereText, type KeyEntry } from '../lib/keymap/keymap';

export const START = '<!-- keymap:start (generated from lib/keymap/keymap.ts) -->';
export const END = '<!-- keymap:end -->';

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The table: keys | where | what, one row per listed entry, grouped by scope. */
export function keyTable(map: readonly KeyEntry[] = KEYMAP): string {
  const rows = keysByScope(map).flatMap((g) =>
    g.entries.map(
      (e) =>
        `| ${e.run ? `\`${runText(e.keys)}\`` : e.keys.map((k) => `\`${chordText(k)}\``).join(e.typed ? ' ' : ' or ')} | ${cell(whereText(e))} | ${cell(e.what)} |`,
    ),
  );
  return ['| keys | where | what |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README with its keyboard table rendered afresh. */
export function withKeyTable(readme: string, map: readonly KeyEntry[] = KEYMAP): string {
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no keyboard table markers (${START} … ${END})`);
  return `${readme.slice(0, from + START.length)}\n${keyTable(map)}\n${readme.slice(to)}`;
}
