import { describe, expect, it } from 'vitest';
import { escapeMarkdownLine, markdownText, toMarkdown } from '@/lib/export/markdown';
import { buildSummary } from '@/lib/export/summary-model';
import { bundle, HOSTILE, hostileBundle, NOW, UTC } from './fixtures';

const opts = { now: () => NOW, zone: UTC };
const md = (clientVersion: boolean, b = bundle()) => toMarkdown(buildSummary(b, { clientVersion, zone: UTC }), opts);

/** Occurrences of `pattern` not escaped by a backslash (an even run of backslashes escapes nothing). */
const unescaped = (text: string, pattern: string) => text.match(new RegExp(`(?<!\\\\)(?:\\\\\\\\)*${pattern}`, 'g')) ?? [];
/** Every unescaped `<` that is not the start of an http(s) autolink. */
const rawAngles = (text: string) => unescaped(text, '<(?!https?://)');

describe('toMarkdown', () => {
  it('renders the coach version', () => {
    expect(md(false)).toMatchInlineSnapshot(`
      "# Session summary: Jane Doe

      **Date:** 2026-11-20 · **Time:** 10:00 · **Duration:** 55 min

      *Coach version: includes private notes. Do not send as is.*

      ## Contract

      - **Topic:** Leading the new team
      - **Desired outcome:** A first step for Monday
      - **Why it matters:** The team starts next week
      - **Success measures:** One concrete action
      - **Focus:** Out-of-session work
      - **Agreements:** Confidentiality agreed; Permission to offer ideas
      - **Contract notes:** Coach only: seemed tired

      ## Commitments reviewed

      - [x] Book the offsite — Done — note: Booked, venue confirmed
      - [ ] Private prior thing — Open

      ## New commitments

      - [ ] Talk to Sam about the roadmap — due 2026-12-01 — how you'll know: I will email you — support: A script
      - [ ] Run the first team meeting — due 2026-12-03 09:30 — how you'll know: Agenda sent
      - [ ] Keep a journal
      - [ ] Private commitment — due 2026-12-05

      ## Insights

      - I avoid conflict when tired

      ## Inquiries to take away

      - What would a brave leader do?

      ## Notes (coach-private)

      - Coach note: energy dropped at 30 min

      ## Beliefs (coach-private)

      - "I am not a real leader"
      - Shared belief is still private in client version

      ## Questions asked

      - What do you want from today? — Goal
      - What else?

      ## Closing reflection

      Private reflection: I talked too much.

      ---

      Exported from Holdspace on 2026-11-21.
      "
    `);
  });

  it('client version leaves out private items, notes, beliefs, questions and reflection', () => {
    const out = md(true);
    // What the client reads carries no tool's meta lines (control: the coach version has both).
    expect(out).not.toContain('Client version');
    expect(out).not.toContain('Exported from Holdspace');
    expect(md(false)).toContain('Exported from Holdspace');
    expect(md(false)).toContain('*Coach version: includes private notes. Do not send as is.*');
    expect(out).toContain('- [ ] Talk to Sam about the roadmap — due 2026-12-01');
    for (const hidden of [
      'Private commitment',
      'Private prior thing',
      'Coach note',
      'not a real leader',
      'Shared belief',
      'Questions asked',
      'Closing reflection',
      'seemed tired',
      'venue confirmed',
    ]) {
      expect(out).not.toContain(hidden);
    }
  });

  it.each(Object.entries(HOSTILE))('escapes hostile text (%s) everywhere', (_name, text) => {
    const out = md(false, hostileBundle(text));
    expect(rawAngles(out)).toEqual([]);
    const userParts = out.replace(/^- \[[ x]\] /gm, '- ').replace(/\*\*[A-Za-z ']+:\*\*/g, '');
    expect(unescaped(userParts, '[\\[\\]]')).toEqual([]); // so no link or image can open or close
    expect(out).not.toContain('](javascript:');
    expect(unescaped(out, '`')).toEqual([]); // no code spans or fences
    const body = userParts.replace(/^\*.*\*$/m, '');
    expect(unescaped(body, '[*|]')).toEqual([]); // no emphasis by *, no tables
    expect(unescaped(body, '(?:(?<![A-Za-z0-9])_|_(?![A-Za-z0-9]))')).toEqual([]); // `_` only inside a word
    expect(unescaped(body, '~~')).toEqual([]); // no strikethrough
    for (const line of body.split('\n')) expect(unescaped(line, '~').length, line).toBeLessThan(2);
    // Only our own headings start a line with #.
    expect(out.split('\n').filter((l) => l.startsWith('#'))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^# Session summary: /)]),
    );
    expect(out.split('\n').filter((l) => /^#+ /.test(l)).length).toBe(1 + 9);
  });

  it('keeps emoji and right-to-left text intact', () => {
    expect(md(false, hostileBundle(HOSTILE.emoji))).toContain('Run 5 km 🏃‍♀️ every week 💪');
    expect(md(false, hostileBundle(HOSTILE.rtl))).toContain(HOSTILE.rtl);
  });

  it('drops bidi override characters that would flip the rest of the line', () => {
    expect(md(false, hostileBundle('abc\u202Edef'))).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});

describe('escapeMarkdownLine', () => {
  it.each([
    ['*bold* _em_', '\\*bold\\* \\_em\\_'],
    ['# heading', '\\# heading'],
    ['- list', '\\- list'],
    ['+ list', '\\+ list'],
    ['1. ordered', '1\\. ordered'],
    ['> quote', '\\> quote'],
    ['= setext', '\\= setext'],
    ['2) ordered', '2\\) ordered'],
    ['a `code` b', 'a \\`code\\` b'],
    ['[x](javascript:alert(1))', '\\[x\\]\\(javascript:alert(1))'],
    ['![img](x)', '!\\[img\\]\\(x)'],
    ['[^1] footnote', '\\[^1\\] footnote'],
    ['<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)>'],
    ['</script>', '\\</script>'],
    ['AT&T &amp; &#60;', 'AT&T \\&amp; \\&#60;'],
    ['a \\*not em\\*', 'a \\\\\\*not em\\\\\\*'],
    ['ends in a backslash\\', 'ends in a backslash\\\\'],
    ['see www.example.com', 'see www\\.example.com'],
    ['$x$ and %%hidden%%', '\\$x\\$ and \\%\\%hidden\\%\\%'],
    ['~~strike~~ and ~one~', '\\~\\~strike\\~\\~ and \\~one\\~'],
    ['| a | b |', '\\| a \\| b \\|'],
    ['_em_ and __strong__', '\\_em\\_ and \\_\\_strong\\_\\_'],
  ])('hostile: %s', (input, expected) => {
    expect(escapeMarkdownLine(input)).toBe(expected);
  });

  // Ordinary text reads as typed: nothing in it can become markup, so nothing is escaped.
  it.each([
    'Raise of 40% by March',
    'C:\\Users\\sam\\notes',
    'my snake_case_name and über_groß',
    'about ~30 min',
    'costs $5k',
    'a -> b, x >= 3, 3 > 2',
    'Q&A with the team',
    'She said: "don\'t (really)" — 100 % sure!',
    'e.g. #1 priority',
    'Sam, Lee & Kim',
  ])('ordinary: %s', (input) => {
    expect(escapeMarkdownLine(input)).toBe(input);
  });

  it('keeps real http(s) URLs as autolinks and leaves trailing punctuation out', () => {
    expect(escapeMarkdownLine('Read https://example.com/a_b?x=1&y=2.')).toBe('Read <https://example.com/a_b?x=1&y=2>.');
    expect(escapeMarkdownLine('(see http://en.wikipedia.org/wiki/Foo_(bar))')).toBe('(see <http://en.wikipedia.org/wiki/Foo_(bar)>)');
  });

  it('does not turn other schemes into links', () => {
    expect(escapeMarkdownLine('javascript:alert(1)')).toBe('javascript:alert(1)');
    expect(escapeMarkdownLine('data:text/html,<b>')).toBe('data:text/html,\\<b>');
  });
});

describe('markdownText', () => {
  it('turns line breaks into hard breaks (two trailing spaces, no stray backslash) and escapes each line start', () => {
    expect(markdownText(HOSTILE.multiline, '  ')).toBe('first line  \n  \\# not a heading  \n  \\- not a list  \n  not code');
    expect(markdownText('Grew 40%\nthen 10%')).not.toMatch(/\\/);
  });
});
