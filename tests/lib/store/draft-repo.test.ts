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

  it('with a base, saves only over the draft the view last saw (null: none), whatever the order of its fields', async () => {
    const { api } = testStore();
    const key = 'capture:s1';
    await val(api.setDraft({ key, value: { text: 'Call', kind: 'note' }, base: null }));
    await err(api.setDraft({ key, value: { text: 'Mine', kind: 'note' }, base: null }), 'conflict');
    await val(api.setDraft({ key, value: { text: 'Call Sam', kind: 'note' }, base: { kind: 'note', text: 'Call' } }));
    const e = await err(api.setDraft({ key, value: { text: 'Call!', kind: 'note' }, base: { text: 'Call', kind: 'note' } }), 'conflict');
    expect(e.message).toMatch(/another view/i);
    expect((await val(api.getDraft({ key })))?.value).toEqual({ text: 'Call Sam', kind: 'note' });
    await err(api.setDraft({ key, value: null, base: { text: 'Call', kind: 'note' } }), 'conflict');
    expect((await val(api.getDraft({ key })))?.value).toEqual({ text: 'Call Sam', kind: 'note' });
    await val(api.setDraft({ key, value: null, base: { text: 'Call Sam', kind: 'note' } }));
    expect(await val(api.getDraft({ key }))).toBeNull();
    // Without a base, the write goes through as before.
    await val(api.setDraft({ key, value: { text: 'x' } }));
    await val(api.setDraft({ key, value: { text: 'y' } }));
    expect((await val(api.getDraft({ key })))?.value).toEqual({ text: 'y' });
  });

  it('refuses a missing key or a malformed value', async () => {
    const { api } = testStore();
    await err(api.setDraft({ key: '', value: {} }), 'invalid', 'key');
    await err(api.setDraft({ key: 'k', value: 'text' as never }), 'invalid', 'value');
    await err(api.getDraft({ key: '' }), 'invalid', 'key');
  });
});
