/**
 * The summary as CommonMark (with GFM task-list checkboxes for commitments). Every piece of user text is
 * escaped so nothing in it becomes markup, HTML, an image or a link — except a real http(s) URL the coach
 * typed, which becomes an autolink (`<https://…>`).
 */
import { cleanText, oneLine, textLines } from './clean';
import { exportFooter, type ExportOptions } from './options';
import { summaryHeader, summarySections, type Entry, type Field } from './sections';
import type { SummaryDoc } from './summary-model';

const ENTITY = /&(?=#?[a-z0-9]+;)/gi;
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`\\[\]{}|^]+/gi;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * Escapes exactly what would become markup in a line of ordinary text (CommonMark, GFM, Obsidian), so
 * "40%", "C:\Users", "snake_case", "~30 min", "a -> b" or "$5k" stay as typed:
 * - always: `` ` `` (code), `*` (emphasis), `[` `]` (links, images, footnotes), `<` (HTML, autolinks),
 *   `|` (tables), an entity (`&amp;`), `www.` (GFM autolinks);
 * - `\` only where it would escape the next character or end the line (a hard break);
 * - `_` only where it can open or close emphasis (not inside a word);
 * - `~` and `$` only when the text holds two of them (strikethrough, math), `%` only as `%%` (a comment).
 */
function escapePlain(text: string): string {
  const tildes = (text.match(/~/g)?.length ?? 0) >= 2;
  const dollars = (text.match(/\$/g)?.length ?? 0) >= 2;
  const chars = [...text];
  const wordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  const out = chars.map((c, i) => {
    const prev = chars[i - 1];
    const next = chars[i + 1];
    switch (c) {
      case '`':
      case '*':
      case '[':
      case ']':
      case '<':
      case '|':
        return `\\${c}`;
      case '\\':
        return next === undefined || ASCII_PUNCTUATION.test(next) ? '\\\\' : c;
      case '_':
        return wordChar(prev) && wordChar(next) ? c : '\\_';
      case '~':
        return tildes ? '\\~' : c;
      case '$':
        return dollars ? '\\$' : c;
      case '%':
        return prev === '%' || next === '%' ? '\\%' : c;
      default:
        return c;
    }
  });
  return out
    .join('')
    .replace(ENTITY, '\\&')
    .replace(/\\\]\(/g, '\\]\\(') // `](` never reads as a link's target, even to a lenient parser
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

/** Escapes what only means something at the start of a line: headings, quotes, list markers, setext underlines. */
function escapeLineStart(line: string): string {
  return line.replace(/^([#+=>-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** A URL kept as a link: trailing sentence punctuation and unbalanced `)` stay outside it. */
function trimUrl(match: string): string {
  let url = match;
  for (;;) {
    const trimmed = url.replace(/[.,;:!?'"]+$/, '');
    const unbalanced = trimmed.endsWith(')') && (trimmed.match(/\(/g)?.length ?? 0) < (trimmed.match(/\)/g)?.length ?? 0);
    const next = unbalanced ? trimmed.slice(0, -1) : trimmed;
    if (next === url) break;
    url = next;
  }
  return url;
}

function isWebUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
  } catch {
    return false;
  }
}

/** One line of user text, escaped, with http(s) URLs as autolinks. */
export function escapeMarkdownLine(line: string): string {
  let out = '';
  let last = 0;
  for (const m of line.matchAll(URL_PATTERN)) {
    const url = trimUrl(m[0]);
    if (!isWebUrl(url)) continue;
    out += escapePlain(line.slice(last, m.index)) + `<${url}>`;
    last = m.index + url.length;
  }
  out += escapePlain(line.slice(last));
  return escapeLineStart(out);
}

/**
 * Multi-line user text: each line escaped, lines joined by hard breaks (two trailing spaces, which read as
 * nothing in the file and degrade to a soft break where an editor trims them), continuation lines indented.
 */
export function markdownText(text: string, indent = ''): string {
  return textLines(text).map(escapeMarkdownLine).join(`  \n${indent}`);
}

const escapeOwn = (text: string) => escapeMarkdownLine(oneLine(text));

/** Our own label, escaped, keeping its trailing space ("due ", "note: "). */
const labelText = (label: string) => (label.trim() ? `${escapeOwn(label)}${label.endsWith(' ') ? ' ' : ''}` : '');

function fieldLine(f: Field): string {
  const label = f.label.trim();
  return label ? `- **${escapeOwn(label)}** ${markdownText(f.value, '  ')}` : `- ${markdownText(f.value, '  ')}`;
}

function entryLine(e: Entry): string {
  const box = e.check === null ? '' : e.check === 'done' ? '[x] ' : '[ ] ';
  const indent = ' '.repeat(2 + box.length);
  const details = e.details.map((d) => ` — ${labelText(d.label)}${markdownText(d.value, indent)}`);
  return `- ${box}${markdownText(e.text, indent) || '…'}${details.join('')}`;
}

export function toMarkdown(doc: SummaryDoc, options: ExportOptions = {}): string {
  const header = summaryHeader(doc);
  const lines: string[] = [`# ${escapeOwn(header.title)}`, ''];
  lines.push(header.meta.map((m) => `**${escapeOwn(m.label.trim())}** ${escapeOwn(m.value)}`).join(' · '), '');
  if (header.versionNote) lines.push(`*${escapeOwn(header.versionNote)}*`, '');
  for (const s of summarySections(doc)) {
    lines.push(`## ${escapeOwn(s.title)}`, '');
    for (const f of s.fields) lines.push(fieldLine(f));
    for (const e of s.entries) lines.push(entryLine(e));
    if (cleanText(s.text)) lines.push(markdownText(s.text));
    lines.push('');
  }
  const footer = exportFooter(doc.clientVersion, options);
  if (footer) lines.push('---', '', footer, '');
  return lines.join('\n');
}
