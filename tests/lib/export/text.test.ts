import { describe, expect, it } from 'vitest';
import { buildSummary } from '@/lib/export/summary-model';
import { toPlainText } from '@/lib/export/text';
import { bundle, HOSTILE, hostileBundle, NOW, UTC } from './fixtures';

const text = (clientVersion: boolean, b = bundle()) =>
  toPlainText(buildSummary(b, { clientVersion, zone: UTC }), { now: () => NOW, zone: UTC });

describe('toPlainText', () => {
  it('renders the client version, readable in any email', () => {
    expect(text(true)).toMatchInlineSnapshot(`
      "Session summary: Jane Doe
      Date: 2026-11-20 · Time: 10:00 · Duration: 55 min

      CONTRACT
      Topic: Leading the new team
      Desired outcome: A first step for Monday
      Why it matters: The team starts next week
      Success measures: One concrete action
      Focus: Out-of-session work
      Agreements: Confidentiality agreed; Permission to offer ideas

      COMMITMENTS REVIEWED
      [x] Book the offsite
          Done

      NEW COMMITMENTS
      [ ] Talk to Sam about the roadmap
          Due 2026-12-01
          How you'll know: I will email you
          Support: A script
      [ ] Run the first team meeting
          Due 2026-12-03 09:30
          How you'll know: Agenda sent
      [ ] Keep a journal

      INSIGHTS
      - I avoid conflict when tired

      INQUIRIES TO TAKE AWAY
      - What would a brave leader do?
      "
    `);
  });

  it('the coach version adds the private parts', () => {
    const out = text(false);
    for (const part of [
      'NOTES (COACH-PRIVATE)',
      'BELIEFS (COACH-PRIVATE)',
      'QUESTIONS ASKED',
      'CLOSING REFLECTION',
      'Private commitment',
      'Contract notes: Coach only',
    ]) {
      expect(out).toContain(part);
    }
  });

  it('keeps hostile text as literal text and indents line breaks inside a field', () => {
    const out = text(false, hostileBundle(`${HOSTILE.script}\n${HOSTILE.rtl}\n${HOSTILE.emoji}`));
    expect(out).toContain(`[ ] ${HOSTILE.script}\n    ${HOSTILE.rtl}\n    ${HOSTILE.emoji}`);
    expect(out).toContain(`Topic: ${HOSTILE.script}\n  ${HOSTILE.rtl}`);
  });

  it('removes control and bidi override characters', () => {
    const out = text(false, hostileBundle('a\u0000b\u202Ec\u0007d'));
    expect(out).toContain('Topic: abcd');
    // eslint-disable-next-line no-control-regex -- the test looks for control characters
    expect(out).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u202A-\u202E]/);
  });
});
