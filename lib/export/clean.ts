/**
 * What every export does to user text before formatting it: one kind of newline, no control characters,
 * no bidirectional override/embedding/isolate controls (an unbalanced one would flip the text after it,
 * labels included; right-to-left letters themselves and the LRM/RLM marks are kept), no trailing spaces.
 */

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/g;

export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** The non-empty lines of a field, each trimmed. */
export function textLines(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** One line: every run of whitespace (newlines included) becomes one space. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}
