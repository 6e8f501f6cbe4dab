import { describe, expect, it } from 'vitest';
import { parsePrefix } from '@/components/capture/prefix';

describe('parsePrefix', () => {
  it('switches kind on a known letter, colon and space at the start', () => {
    expect(parsePrefix('c: Call the board')).toEqual({ kind: 'commitment', text: 'Call the board' });
    expect(parsePrefix('Q: ')).toEqual({ kind: 'inquiry', text: '' });
    expect(parsePrefix('b: I am not a numbers person')).toEqual({ kind: 'belief', text: 'I am not a numbers person' });
  });

  it('forgives spaces and tabs before the letter', () => {
    expect(parsePrefix(' b: If a client cries, I failed')).toEqual({ kind: 'belief', text: 'If a client cries, I failed' });
    expect(parsePrefix('   n: later')).toEqual({ kind: 'note', text: 'later' });
    expect(parsePrefix('\ti: She sees it')).toEqual({ kind: 'insight', text: 'She sees it' });
    // …but not a new line or other words before it
    expect(parsePrefix('\nb: not at the start')).toBeNull();
    expect(parsePrefix(' x: nothing')).toBeNull();
  });

  it('leaves other text alone', () => {
    expect(parsePrefix('x: nothing')).toBeNull();
    expect(parsePrefix('c:/path')).toBeNull();
    expect(parsePrefix('Then n: later')).toBeNull();
  });
});
