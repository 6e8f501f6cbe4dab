import { describe, expect, it } from 'vitest';
import { emailDraft, isEmailAddress, MAILTO_MAX_LENGTH } from '@/lib/export/email';
import { buildSummary } from '@/lib/export/summary-model';
import { bundle, client, hostileBundle, item, NOW, UTC } from './fixtures';

const clientDoc = (b = bundle()) => buildSummary(b, { clientVersion: true, zone: UTC });
const opts = { now: () => NOW, zone: UTC };

/** Parses a mailto URL the way a mail client does. */
function openMailto(url: string) {
  const [address, query] = url.slice('mailto:'.length).split('?') as [string, string];
  const params = new Map(query.split('&').map((p) => p.split('=') as [string, string]));
  return {
    to: decodeURIComponent(address),
    subject: decodeURIComponent(params.get('subject')!),
    body: decodeURIComponent(params.get('body')!),
  };
}

describe('emailDraft', () => {
  it('opens a draft to the client with the client version', () => {
    const draft = emailDraft(clientDoc(), { ...opts, to: 'jane@example.com' });
    expect(draft.kind).toBe('mailto');
    if (draft.kind !== 'mailto') return;
    expect(draft.url.startsWith('mailto:jane@example.com?subject=Summary%20of%20our%20coaching%20session%2C%202026-11-20&body=')).toBe(
      true,
    );
    expect(draft.url).not.toContain('+');
    expect(draft.url.length).toBeLessThanOrEqual(MAILTO_MAX_LENGTH);
    const opened = openMailto(draft.url);
    expect(opened.to).toBe('jane@example.com');
    expect(opened.subject).toBe('Summary of our coaching session, 2026-11-20');
    expect(opened.body.startsWith('Hi Jane,\r\n\r\nHere is a summary of our session.\r\n\r\nSession summary: Jane Doe\r\n')).toBe(true);
    expect(opened.body).toContain('[ ] Talk to Sam about the roadmap');
    expect(opened.body).not.toContain('Private');
    expect(opened.body).not.toMatch(/[^\r]\n/);
  });

  it('refuses to draft the coach version', () => {
    expect(() => emailDraft(buildSummary(bundle(), { clientVersion: false }), { to: 'jane@example.com' })).toThrow(/client version/);
  });

  it('says when there is no usable address, with the body to copy', () => {
    for (const to of ['', 'not an address', 'a@b', 'x@y.com?cc=evil@z.com', 'a@b.com\r\nBcc: z@z.com']) {
      const draft = emailDraft(clientDoc(), { ...opts, to });
      expect(draft.kind, to).toBe('no-email');
      expect(draft.body).toContain('Talk to Sam');
    }
  });

  it('returns the body to copy when the URL would be too long', () => {
    const long = bundle();
    long.items = Array.from({ length: 30 }, (_, n) => item('insight', `A fairly long insight number ${n} about the team and the roadmap`));
    const draft = emailDraft(clientDoc(long), { ...opts, to: 'jane@example.com' });
    expect(draft.kind).toBe('too-long');
    expect(draft.body).toContain('A fairly long insight number 29');
  });

  it('encodes hostile text so it cannot add headers or parameters', () => {
    const b = hostileBundle('x&cc=evil@example.com\nBcc: evil@example.com #frag ?q=1 %0A');
    const draft = emailDraft(clientDoc({ ...b, client: client() }), { ...opts, to: 'jane@example.com', maxUrlLength: 1e6 });
    expect(draft.kind).toBe('mailto');
    if (draft.kind !== 'mailto') return;
    expect(draft.url.match(/[?&][a-z]+=/g)).toEqual(['?subject=', '&body=']);
    expect(draft.url).not.toMatch(/[#\s]/);
    expect(openMailto(draft.url).body).toContain('x&cc=evil@example.com');
  });

  it('isEmailAddress', () => {
    expect(isEmailAddress('jane.doe+coach@example.co.uk')).toBe(true);
    expect(isEmailAddress('jane@@example.com')).toBe(false);
  });

  it("is what the client reads: no tool's meta lines, and the coach's sign-off at the end", () => {
    const draft = emailDraft(clientDoc(), { ...opts, to: 'jane@example.com', signOff: 'Warm regards,\nSam' });
    expect(draft.kind).toBe('mailto');
    const body = openMailto((draft as { url: string }).url).body.replace(/\r\n/g, '\n');
    expect(body).not.toContain('Client version');
    expect(body).not.toContain('Exported from Holdspace');
    expect(body).not.toContain('Coach version');
    expect(body.endsWith('What would a brave leader do?\n\nWarm regards,\nSam\n')).toBe(true);
    // Control: without a sign-off the body ends with the summary.
    const plain = emailDraft(clientDoc(), { ...opts, to: 'jane@example.com' });
    expect(plain.body.endsWith('What would a brave leader do?\n')).toBe(true);
  });
});
