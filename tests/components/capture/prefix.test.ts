import { describe, expect, it } from 'vitest';
import { parsePrefix } from '@/components/capture/prefix';

describe('parsePrefix', () => {
  it('switches kind on a known letter, colon and space at the start', () => {
    expect(parsePrefix('c: Call the board')).toEqual({ kind: 'commitment', text: 'Call the board' });
    expect(parsePrefix('Q: ')).toEqual({ kind: 'inquiry', text: '' });
    expect(parsePrefix('b: I am not a numbers person')).toEqual({ kind: 'belief', text: 'I am not a numbers person' });
  });

  it('leaves other text alone', () => {
    expect(parsePrefix('x: nothing')).toBeNull();
    expect(parsePrefix('c:/path')).toBeNull();
    expect(parsePrefix('Then n: later')).toBeNull();
  });
});
