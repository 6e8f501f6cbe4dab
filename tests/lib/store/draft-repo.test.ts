import { describe, expect, it } from 'vitest';
import { err, T0, testStore, val } from './harness';

describe('drafts', () => {
  it('saves, replaces and clears a draft', async () => {
    const { api, clock } = testStore();
    expect(await val(api.getDraft({ key: 'capture:s1' }))).toBeNull();
    await val(api.setDraft({ key: 'capture:s1', value: { kind: 'commitment', text: 'Call S' } }));
    clock.advance(300);
    await val(api.setDraft({ key: 'capture:s1', value: { kind: 'commitment', text: 'Call Sam' } }));
    expect(await val(api.getDraft({ key: 'capture:s1' }))).toEqual({
      key: 'capture:s1',
      value: { kind: 'commitment', text: 'Call Sam' },
      updatedAt: T0 + 300,
    });
    await val(api.setDraft({ key: 'capture:s1', value: null }));
    expect(await val(api.getDraft({ key: 'capture:s1' }))).toBeNull();
  });

  it('refuses a missing key or a malformed value', async () => {
    const { api } = testStore();
    await err(api.setDraft({ key: '', value: {} }), 'invalid', 'key');
    await err(api.setDraft({ key: 'k', value: 'text' as never }), 'invalid', 'value');
    await err(api.getDraft({ key: '' }), 'invalid', 'key');
  });
});
