import { describe, expect, it } from 'vitest';
import { BIDI_CONTROL_SHOWN, showBidiControls } from '@/lib/text/bidi';

describe('bidi controls in a coach’s words', () => {
  it('shows overrides, embeddings and isolates as a visible mark, one for one', () => {
    const written = 'Ann \u202Etroper \u202Aa\u202C \u2067b\u2069';
    const shown = showBidiControls(written);
    expect(shown).toBe(
      `Ann ${BIDI_CONTROL_SHOWN}troper ${BIDI_CONTROL_SHOWN}a${BIDI_CONTROL_SHOWN} ${BIDI_CONTROL_SHOWN}b${BIDI_CONTROL_SHOWN}`,
    );
    expect(shown).toHaveLength(written.length);
  });

  it('leaves right-to-left text and directional marks as they are', () => {
    for (const text of ['שלום Dana', 'مرحبا', 'a\u200Fb\u200Ec\u061Cd', 'Plain name']) expect(showBidiControls(text)).toBe(text);
  });
});
