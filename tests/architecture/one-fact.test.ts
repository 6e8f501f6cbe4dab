/**
 * One fact in one place: each limit, default, format name and date pattern is written once (lib/model), and
 * every other file reads it from there. A second spelling would drift, as the backup's 20,000-character
 * question limit once drifted from the API's 1,000.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const rel = join(dir, name);
    if (statSync(join(ROOT, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

/** Code without comments. */
const code = (file: string) =>
  readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

const FILES = ['lib', 'components', 'entrypoints', 'scripts'].flatMap(sources);

/** Where each fact may be written, and what a second spelling looks like. */
const FACTS: { fact: string; home: string; spelled: RegExp }[] = [
  { fact: 'the text limit', home: 'lib/model/limits.ts', spelled: /\b20_?000\b|\b20,000\b/ },
  { fact: 'the name / id limit', home: 'lib/model/limits.ts', spelled: /(Length|maxLength\(|MAX_[A-Z_]+\s*=)\s*:?\s*200\b/ },
  { fact: 'the session length range', home: 'lib/model/limits.ts', spelled: /\b(MIN|MAX)_(LENGTH_)?MINUTES\b|min:\s*5,\s*max:\s*240\b/ },
  {
    fact: 'the default session length and warning',
    home: 'lib/model/limits.ts',
    spelled: /(plannedMinutes|defaultLengthMinutes|warningMinutes)\s*:\s*(60|5)\b/,
  },
  { fact: 'the default phases', home: 'lib/model/limits.ts', spelled: /contracting:\s*10\b/ },
  { fact: 'the focus values', home: 'lib/model/session.ts', spelled: /'in-session'\s*,\s*'out-of-session'/ },
  { fact: 'the file format names', home: 'lib/model/limits.ts', spelled: /['"]holdspace-(session|backup)['"]/ },
  { fact: 'the due-date pattern', home: 'lib/model/dates.ts', spelled: /\\d\{4\}\)?-\(?\\d\{2\}/ },
  { fact: 'the backup size cap', home: 'lib/model/limits.ts', spelled: /1024\s*\*\s*1024\s*\*\s*1024|\b1 GB\b/ },
];

describe('one fact in one place', () => {
  it.each(FACTS)('$fact is written only in $home', ({ home, spelled }) => {
    expect(spelled.test(code(home)), `${home} holds it`).toBe(true);
    expect(FILES.filter((f) => f !== home && spelled.test(code(f)))).toEqual([]);
  });

  it('the probe sees a second spelling (control)', () => {
    expect(FACTS[0]!.spelled.test('const MAX = 20_000;')).toBe(true);
    expect(FACTS[7]!.spelled.test('const DATE = /^(\\d{4})-(\\d{2})-(\\d{2})$/;')).toBe(true);
    expect(FACTS[6]!.spelled.test("format: 'holdspace-session'")).toBe(true);
  });
});
