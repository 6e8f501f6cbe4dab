/**
 * An email draft to the client (RFC 6068 `mailto:`), always the client version. Browsers and mail apps
 * cut long mailto URLs (about 2,000 characters is the safe limit), so a longer draft comes back as
 * `too-long` with its body for the clipboard instead.
 */
import { cleanText, oneLine } from './clean';
import type { ExportOptions } from './options';
import type { SummaryDoc } from './summary-model';
import { toPlainText } from './text';

export const MAILTO_MAX_LENGTH = 1900;

export type EmailDraft =
  | { kind: 'mailto'; url: string; to: string; subject: string; body: string }
  /** The URL would be too long: copy `body` and let the coach paste it. */
  | { kind: 'too-long'; to: string; subject: string; body: string }
  /** No usable email address for the client. */
  | { kind: 'no-email'; subject: string; body: string };

export interface EmailOptions extends ExportOptions {
  /** The client's address (the client version of a summary carries none). */
  to: string;
  /** The coach's sign-off ("Warm regards, Sam"), from Settings; '' for none. */
  signOff?: string;
  maxUrlLength?: number;
}

const ADDRESS = /^[^\s@<>()[\]",;:\\]+@[^\s@<>()[\]",;:\\]+\.[^\s@<>()[\]",;:\\]+$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 320 && ADDRESS.test(value);
}

/** Percent-encoding for mailto: CRLF line ends, spaces as %20 (never `+`). */
const encode = (text: string) => encodeURIComponent(text.replace(/\r?\n/g, '\r\n'));

export function emailSubject(doc: SummaryDoc): string {
  return `Summary of our coaching session, ${doc.date}`;
}

/** Greeting, the client version of the summary as plain text, and the coach's sign-off. */
export function emailBody(doc: SummaryDoc, options: ExportOptions & { signOff?: string } = {}): string {
  const firstName = oneLine(doc.client.name).split(' ')[0] ?? '';
  const greeting = firstName ? `Hi ${firstName},` : 'Hi,';
  const signOff = cleanText(options.signOff ?? '');
  const body = `${greeting}\n\nHere is a summary of our session.\n\n${toPlainText(doc, options).trimEnd()}\n`;
  return signOff ? `${body}\n${signOff}\n` : body;
}

export function emailDraft(doc: SummaryDoc, options: EmailOptions): EmailDraft {
  if (!doc.clientVersion) throw new Error('An email draft is always made from the client version of the summary.');
  const subject = emailSubject(doc);
  const body = emailBody(doc, options);
  const to = options.to.trim();
  if (!isEmailAddress(to)) return { kind: 'no-email', subject, body };
  const url = `mailto:${encodeURIComponent(to).replace(/%40/g, '@')}?subject=${encode(subject)}&body=${encode(body)}`;
  return url.length > (options.maxUrlLength ?? MAILTO_MAX_LENGTH)
    ? { kind: 'too-long', to, subject, body }
    : { kind: 'mailto', url, to, subject, body };
}
