/**
 * The summary as plain text, readable in any email or chat: no markup at all, so nothing needs escaping
 * beyond the cleaning every export does (control and bidi-override characters removed). Line breaks inside
 * a field are kept, indented under their entry.
 */
import { textLines } from './clean';
import { exportFooter, type ExportOptions } from './options';
import { summaryHeader, summarySections, type Entry, type Field } from './sections';
import type { SummaryDoc } from './summary-model';

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** User text with its continuation lines indented. */
function block(text: string, indent: string): string {
  return textLines(text).join(`\n${indent}`);
}

function fieldText(f: Field, indent: string): string {
  return `${capitalize(f.label)}${block(f.value, indent + '  ')}`;
}

function entryText(e: Entry): string {
  const box = e.check === null ? '- ' : e.check === 'done' ? '[x] ' : '[ ] ';
  const indent = ' '.repeat(box.length);
  const first = `${box}${block(e.text, indent) || '…'}`;
  return [first, ...e.details.map((d) => indent + fieldText(d, indent))].join('\n');
}

export function toPlainText(doc: SummaryDoc, options: ExportOptions = {}): string {
  const header = summaryHeader(doc);
  const out: string[] = [block(header.title, ''), header.meta.map((m) => fieldText(m, '')).join(' · ')];
  if (header.versionNote) out.push(header.versionNote);
  out.push('');
  for (const s of summarySections(doc)) {
    out.push(s.title.toUpperCase());
    for (const f of s.fields) out.push(fieldText(f, ''));
    for (const e of s.entries) out.push(entryText(e));
    if (textLines(s.text).length) out.push(block(s.text, ''));
    out.push('');
  }
  const footer = exportFooter(doc.clientVersion, options);
  if (footer) out.push('--', footer, '');
  return out.join('\n');
}
