import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYMAP, listedKeys, type KeyEntry } from '@/lib/keymap/keymap';
import { END, keyTable, START, withKeyTable } from '@/scripts/readme-keys';

const README = join(__dirname, '..', '..', 'README.md');

describe("the README's keyboard table", () => {
  it('is what the keymap renders (HS_WRITE_README=1 rewrites it)', () => {
    const readme = readFileSync(README, 'utf8');
    const fresh = withKeyTable(readme);
    if (process.env.HS_WRITE_README && fresh !== readme) writeFileSync(README, fresh);
    else expect(readme).toBe(fresh);
  });

  it('has a row for every listed entry, in the columns keys | where | what', () => {
    const lines = keyTable().split('\n');
    expect(lines[0]).toBe('| keys | where | what |');
    expect(lines.length - 2).toBe(listedKeys().length);
    expect(lines).toContain('| `Alt+T` | Anywhere in Holdspace | Start, pause or resume the timer |');
    expect(lines).toContain('| `/` or `Ctrl+K` | Anywhere in Holdspace | Search everything |');
    expect(lines).toContain('| `Ctrl+Shift+Y` | On a call | Hide or show the Holdspace panel on the call |');
    expect(lines).toContain(
      '| `c:` `n:` `i:` `b:` `q:` | Capture, at the start of the field | Commitment, note, insight, belief, inquiry |',
    );
  });

  it('changes when an entry changes', () => {
    const changed: KeyEntry[] = KEYMAP.map((e) => (e.id === 'timer.toggle' ? { ...e, keys: ['Alt+Y'], what: 'Run the timer' } : e));
    expect(keyTable(changed)).toContain('| `Alt+Y` | Anywhere in Holdspace | Run the timer |');
    expect(keyTable(changed)).not.toContain('`Alt+T`');
  });

  it('replaces only what is between the markers', () => {
    const readme = `# Title\n\nBefore.\n\n${START}\n| old |\n${END}\n\nAfter.\n`;
    const fresh = withKeyTable(readme);
    expect(fresh.startsWith(`# Title\n\nBefore.\n\n${START}\n| keys | where | what |`)).toBe(true);
    expect(fresh.endsWith(`|\n${END}\n\nAfter.\n`)).toBe(true);
    expect(fresh).not.toContain('| old |');
    expect(() => withKeyTable('# No table')).toThrow(/markers/);
  });
});
